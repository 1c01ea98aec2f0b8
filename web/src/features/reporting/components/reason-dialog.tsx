import { Alert, Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "@/components/confirm-dialog.tsx";
import { formatDate } from "@/lib/format.ts";

export type ReasonAction = "submit" | "return" | "unlock";

/**
 * Asks for the reason an action needs: why a report is late, why it goes back to its unit, why an accepted
 * report is opened again. Closing with a reason typed asks first, so nothing typed is lost by a stray Escape;
 * a refusal shows here, with the text kept.
 */
export function ReasonDialog({
  action,
  deadline,
  text,
  error,
  loading,
  onText,
  onConfirm,
  onClose,
}: {
  action: ReasonAction | null;
  deadline: string;
  text: string;
  error: string | null;
  loading: boolean;
  onText: (text: string) => void;
  onConfirm: (action: ReasonAction) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [askClose, setAskClose] = useState(false);
  return (
    <>
      <Modal
        opened={action !== null}
        onClose={() => (text.trim() ? setAskClose(true) : onClose())}
        title={action ? t(action === "submit" ? "reports.submitLate" : `reports.${action}`) : ""}
      >
        <Stack>
          {action === "submit" && (
            <Text size="sm">{t("reports.lateReasonHelp", { date: formatDate(deadline) })}</Text>
          )}
          <Textarea
            label={t(
              action === "submit"
                ? "reports.lateReason"
                : action === "return"
                  ? "reports.returnComment"
                  : "reports.unlockReason",
            )}
            value={text}
            onChange={(e) => onText(e.currentTarget.value)}
            autosize
            minRows={2}
            data-testid="dialog-text"
          />
          {error && <Alert color="red">{error}</Alert>}
          <Group>
            <Button
              disabled={!text.trim()}
              loading={loading}
              onClick={() => action && onConfirm(action)}
              data-testid="dialog-confirm"
            >
              {action ? t(`reports.confirm.${action}`) : ""}
            </Button>
            {!text.trim() && (
              <Text size="sm" c="dimmed">
                {t("reports.reasonFirst")}
              </Text>
            )}
          </Group>
        </Stack>
      </Modal>
      <ConfirmDialog
        opened={askClose}
        title={t("discardTitle")}
        message={t("discardText")}
        confirmLabel={t("discard")}
        onConfirm={() => {
          setAskClose(false);
          onText("");
          onClose();
        }}
        onCancel={() => setAskClose(false)}
      />
    </>
  );
}
