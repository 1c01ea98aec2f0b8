import { Alert, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { DialogActions } from "@/components/dialog-actions.tsx";
import { GuardedModal } from "@/components/guarded-modal.tsx";
import { call, client } from "@/lib/api.ts";
import { formatPeriod } from "@/lib/format.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import { BodySelect } from "./body-select.tsx";

/** The body's notice of its reception schedule for the month, drafted in one step and opened to sign and number. */
export function NoticeModal({ unit, month, onClose }: { unit: string; month: string; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { error, onError, fieldError } = useApiError();
  const [bodyId, setBodyId] = useState<string | null>(null);
  const draft = useMutation({
    mutationFn: () =>
      call(client.POST("/api/reception/schedules/notice", { body: { bodyId: Number(bodyId), month } })),
    onSuccess: (r) => navigate(`/drafts/${r.draftId}`),
    onError,
  });
  return (
    <GuardedModal opened dirty={false} onClose={onClose} title={t("reception.notice")}>
      {(close) => (
        <Stack gap="xs">
          <Text size="sm">{t("reception.noticeText", { month: formatPeriod(month.replace("-", "")) })}</Text>
          <BodySelect
            unit={unit}
            value={bodyId}
            onChange={setBodyId}
            error={fieldError("bodyId")}
            testId="notice-body"
          />
          {error && <Alert color="red">{error}</Alert>}
          <DialogActions
            label={t("reception.noticeDraft")}
            busy={draft.isPending}
            missing={bodyId ? [] : [t("reception.body")]}
            onCancel={close}
            testId="notice"
            onAction={() => draft.mutate()}
          />
        </Stack>
      )}
    </GuardedModal>
  );
}
