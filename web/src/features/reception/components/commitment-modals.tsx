import { Alert, Anchor, Select, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DateField } from "@/components/date-field.tsx";
import { DialogActions } from "@/components/dialog-actions.tsx";
import { GuardedModal } from "@/components/guarded-modal.tsx";
import { usePlans } from "@/features/plans/api/plans.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import { type Commitment, useDialogueWrites } from "../api/reception.ts";

const STATUSES = ["open", "in_progress", "done", "dropped"] as const;

/** A commitment followed up: its state and what came of it (a done one says what was done). */
export function FollowUpModal({ commitment, onClose }: { commitment: Commitment; onClose: () => void }) {
  const { t } = useTranslation();
  const { followUp } = useDialogueWrites();
  const { error, onError, fieldError } = useApiError();
  const [status, setStatus] = useState<Commitment["status"]>(commitment.status);
  const [result, setResult] = useState(commitment.result);
  const missing = status === "done" && !result.trim() ? [t("dialogues.result")] : [];
  return (
    <GuardedModal opened dirty={result !== commitment.result} onClose={onClose} title={t("dialogues.update")}>
      {(close) => (
        <Stack gap="xs">
          <Text size="sm">{commitment.content}</Text>
          <Select
            label={t("dialogues.followUp")}
            data={STATUSES.map((s) => ({ value: s, label: t(`dialogues.status.${s}`) }))}
            value={status}
            onChange={(v) => v && setStatus(v as Commitment["status"])}
            allowDeselect={false}
            error={fieldError("status")}
            data-testid="follow-status"
          />
          <Textarea
            label={t("dialogues.result")}
            value={result}
            onChange={(e) => setResult(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={5000}
            error={fieldError("result")}
            data-testid="follow-result"
          />
          {error && <Alert color="red">{error}</Alert>}
          <DialogActions
            label={t("reception.save")}
            busy={followUp.isPending}
            missing={missing}
            onCancel={close}
            testId="follow"
            onAction={() =>
              followUp.mutate(
                { id: commitment.id, body: { version: commitment.version, status, result } },
                { onSuccess: onClose, onError },
              )
            }
          />
        </Stack>
      )}
    </GuardedModal>
  );
}

/**
 * A commitment made a task of one of the unit's plans: the plan, and the day it is due (the commitment's unless
 * changed); its follow-up is then the task's, on the plan's page.
 */
export function TaskModal(props: {
  commitment: Commitment;
  unit: string;
  heldOn: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const plans = usePlans(props.unit);
  const { toTask } = useDialogueWrites();
  const { error, onError, fieldError } = useApiError();
  const [planId, setPlanId] = useState<string | null>(null);
  const [dueOn, setDueOn] = useState<string | null>(props.commitment.dueOn);
  const mine = (plans.data?.items ?? []).filter((p) => p.status === "active" && p.unitCode === props.unit);
  const missing = [...(!planId ? [t("dialogues.plan")] : []), ...(!dueOn ? [t("dialogues.dueOn")] : [])];
  return (
    <GuardedModal opened dirty={planId !== null} onClose={props.onClose} title={t("dialogues.toTask")}>
      {(close) => (
        <Stack gap="xs">
          <Text size="sm">{props.commitment.content}</Text>
          {plans.data && mine.length === 0 && (
            <Alert data-testid="task-no-plan">
              {t("dialogues.noPlan")}{" "}
              <Anchor component={Link} to="/plans">
                {t("dialogues.toPlans")}
              </Anchor>
            </Alert>
          )}
          <Select
            label={t("dialogues.plan")}
            withAsterisk
            data={mine.map((p) => ({ value: String(p.id), label: p.title }))}
            value={planId}
            onChange={setPlanId}
            error={fieldError("planId")}
            data-testid="task-plan"
          />
          <DateField
            label={t("dialogues.dueOn")}
            withAsterisk
            value={dueOn}
            onChange={setDueOn}
            minDate={props.heldOn}
            error={fieldError("dueOn")}
            w={180}
          />
          {error && <Alert color="red">{error}</Alert>}
          <DialogActions
            label={t("dialogues.toTask")}
            busy={toTask.isPending}
            missing={missing}
            onCancel={close}
            testId="task"
            onAction={() =>
              toTask.mutate(
                {
                  id: props.commitment.id,
                  body: {
                    version: props.commitment.version,
                    planId: Number(planId),
                    dueOn: dueOn ?? undefined,
                  },
                },
                { onSuccess: props.onClose, onError },
              )
            }
          />
        </Stack>
      )}
    </GuardedModal>
  );
}
