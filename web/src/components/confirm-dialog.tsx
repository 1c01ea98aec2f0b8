import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Asks before a destructive action (closing, ending, removing, deactivating). */
export function ConfirmDialog(props: {
  opened: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  /** what the other button says ("Hủy" unless given) */
  cancelLabel?: string;
  loading?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onCancel} title={props.title}>
      <Stack>
        <Text>{props.message}</Text>
        <Group>
          <Button color="red" onClick={props.onConfirm} loading={props.loading}>
            {props.confirmLabel}
          </Button>
          <Button variant="default" onClick={props.onCancel} data-autofocus>
            {props.cancelLabel ?? t("cancel")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
