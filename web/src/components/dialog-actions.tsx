import { Button, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/**
 * A dialog's last line: its action and Cancel. While something is missing the action waits, and says what
 * is missing both on hover and in a line under it ("Còn thiếu: tên mô hình; lĩnh vực.").
 */
export function DialogActions(props: {
  label: string;
  onAction: () => void;
  busy: boolean;
  /** what is still missing, in words, in the order the fields stand */
  missing: string[];
  onCancel: () => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const waiting = props.missing.length > 0;
  return (
    <>
      <Group>
        <Button
          onClick={props.onAction}
          loading={props.busy}
          disabled={waiting}
          title={waiting ? props.missing.join("; ") : undefined}
          data-testid={props.testId ? `${props.testId}-save` : undefined}
        >
          {props.label}
        </Button>
        <Button variant="default" onClick={props.onCancel}>
          {t("cancel")}
        </Button>
      </Group>
      {waiting && (
        <Text size="sm" c="dimmed" data-testid={props.testId ? `${props.testId}-missing` : undefined}>
          {t("stillMissing", { items: props.missing.join("; ") })}
        </Text>
      )}
    </>
  );
}
