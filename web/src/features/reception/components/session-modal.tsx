import { todayInVietnam } from "@domain/dates.ts";
import { delegationAllowed } from "@domain/reception-schedule.ts";
import { Alert, Checkbox, Group, NumberInput, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DateField } from "@/components/date-field.tsx";
import { DialogActions } from "@/components/dialog-actions.tsx";
import { GuardedModal } from "@/components/guarded-modal.tsx";
import { useApiError } from "@/lib/use-api-error.ts";
import { type MonthSchedules, useReceptionWrites } from "../api/reception.ts";

/**
 * A reception session held, on a schedule of the unit: its day, the leader in person or a deputy in their place
 * (said, from 01/7/2026, to be no longer allowed), citizens and groups received, what was raised and decided.
 */
export function SessionModal(props: {
  unit: string;
  schedules: MonthSchedules["items"];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { session } = useReceptionWrites();
  const { error, onError, fieldError } = useApiError();
  const [scheduleId, setScheduleId] = useState<string | null>(
    props.schedules[0] ? String(props.schedules[0].id) : null,
  );
  const [heldOn, setHeldOn] = useState<string | null>(todayInVietnam());
  const [inPerson, setInPerson] = useState(true);
  const [deputy, setDeputy] = useState("");
  const [citizens, setCitizens] = useState(1);
  const [groups, setGroups] = useState(0);
  const [largest, setLargest] = useState<number | null>(null);
  const [content, setContent] = useState("");
  const [decided, setDecided] = useState("");
  const s = props.schedules.find((x) => String(x.id) === scheduleId);
  const missing = [
    ...(!s ? [t("reception.schedule")] : []),
    ...(!heldOn ? [t("reception.heldOn")] : []),
    ...(!inPerson && !deputy.trim() ? [t("reception.deputy")] : []),
  ];
  return (
    <GuardedModal
      opened
      dirty={content.trim() !== ""}
      onClose={props.onClose}
      title={t("reception.newSession")}
      size="lg"
    >
      {(close) => (
        <Stack gap="xs">
          {props.schedules.length === 0 && <Alert>{t("reception.scheduleFirst")}</Alert>}
          <Select
            label={t("reception.schedule")}
            data={props.schedules.map((x) => ({ value: String(x.id), label: x.receiverName }))}
            value={scheduleId}
            onChange={setScheduleId}
            data-testid="session-schedule"
          />
          <DateField
            label={t("reception.heldOn")}
            value={heldOn}
            onChange={setHeldOn}
            error={fieldError("heldOn")}
            w={180}
          />
          <Checkbox
            label={t("reception.inPerson")}
            checked={inPerson}
            onChange={(e) => setInPerson(e.currentTarget.checked)}
            data-testid="session-in-person"
          />
          {!inPerson && (
            <>
              <TextInput
                label={t("reception.deputy")}
                value={deputy}
                onChange={(e) => setDeputy(e.currentTarget.value)}
                maxLength={200}
                error={fieldError("deputyName")}
                data-testid="session-deputy"
              />
              {heldOn && !delegationAllowed(heldOn) && (
                <Alert color="orange" data-testid="session-delegation-warning">
                  {t("reception.delegationWarning")}
                </Alert>
              )}
            </>
          )}
          <Group>
            <NumberInput
              label={t("reception.citizens")}
              min={0}
              max={100000}
              value={citizens}
              onChange={(v) => setCitizens(typeof v === "number" ? v : 0)}
              w={160}
              data-testid="session-citizens"
            />
            <NumberInput
              label={t("reception.groups")}
              min={0}
              max={10000}
              value={groups}
              onChange={(v) => setGroups(typeof v === "number" ? v : 0)}
              w={160}
            />
            {groups > 0 && (
              <NumberInput
                label={t("reception.largestGroup")}
                min={1}
                max={100000}
                value={largest ?? ""}
                onChange={(v) => setLargest(typeof v === "number" ? v : null)}
                w={200}
              />
            )}
          </Group>
          <Textarea
            label={t("reception.content")}
            value={content}
            onChange={(e) => setContent(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={20000}
          />
          <Textarea
            label={t("reception.decided")}
            value={decided}
            onChange={(e) => setDecided(e.currentTarget.value)}
            autosize
            minRows={1}
            maxLength={20000}
          />
          {error && <Alert color="red">{error}</Alert>}
          <DialogActions
            label={t("reception.save")}
            busy={session.isPending}
            missing={missing}
            onCancel={close}
            testId="session"
            onAction={() =>
              s &&
              session.mutate(
                {
                  bodyId: s.bodyId,
                  scheduleId: s.id,
                  heldOn: heldOn ?? "",
                  receiverName: s.receiverName,
                  receiverRole: s.receiverRole,
                  inPerson,
                  deputyName: inPerson ? null : deputy,
                  citizens,
                  groups,
                  largestGroup: groups > 0 ? largest : null,
                  content,
                  decided,
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
