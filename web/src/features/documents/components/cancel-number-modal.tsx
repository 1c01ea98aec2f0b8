import { Alert, Button, Group, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { GuardedModal } from "@/components/guarded-modal.tsx";
import { useApiError } from "@/lib/use-api-error.ts";
import { type DocumentNumber, useCancelNumber } from "../api/document-numbers.ts";

/**
 * Cancelling a number, with the reason (at least a few letters): the number stays in the registry, marked
 * cancelled, and is never given again. A reason typed is not dropped by a stray click outside.
 */
export function CancelNumberModal({
  bodyId,
  number,
  onClose,
}: {
  bodyId: string | null;
  number: DocumentNumber | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const { error, onError, clear } = useApiError();
  const cancelNumber = useCancelNumber(bodyId);
  const close = () => {
    clear();
    setReason("");
    onClose();
  };
  const cancel = () =>
    number && cancelNumber.mutate({ id: number.id, reason }, { onSuccess: close, onError });
  return (
    <GuardedModal
      opened={number !== null}
      dirty={reason.trim() !== ""}
      onClose={close}
      onDiscard={() => setReason("")}
      title={t("documents.cancel")}
    >
      {(closeDialog) => (
        <Stack>
          <Text>{t("documents.confirmCancel", { symbol: number?.symbol ?? "" })}</Text>
          <Textarea
            label={t("documents.cancelReason")}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-testid="cancel-reason"
            withAsterisk
          />
          {error && <Alert color="red">{error}</Alert>}
          <Group>
            <Button
              color="red"
              onClick={cancel}
              loading={cancelNumber.isPending}
              disabled={reason.trim().length < 3}
            >
              {t("documents.cancel")}
            </Button>
            <Button variant="default" onClick={closeDialog}>
              {t("cancel")}
            </Button>
          </Group>
        </Stack>
      )}
    </GuardedModal>
  );
}
