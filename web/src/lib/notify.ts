import { notifications } from "@mantine/notifications";

/**
 * The line that says an action took: "Đã lưu mô hình …", shown at the top of the page for a few seconds
 * (read out by screen readers), after a dialog that did the work has closed.
 */
export function confirmDone(message: string) {
  notifications.show({ color: "green", message, autoClose: 6000, withCloseButton: true });
}
