import { todayInVietnam } from "@domain/dates.ts";
import { RECEIVER_ROLE_NAMES, RECEIVER_ROLES, type Recurrence } from "@domain/reception-schedule.ts";
import { Alert, Group, NumberInput, Select, Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DateField } from "@/components/date-field.tsx";
import { DialogActions } from "@/components/dialog-actions.tsx";
import { GuardedModal } from "@/components/guarded-modal.tsx";
import { useApiError } from "@/lib/use-api-error.ts";
import { type NewSchedule, useReceptionWrites } from "../api/reception.ts";
import { BodySelect } from "./body-select.tsx";

const WEEKDAYS = [1, 2, 3, 4, 5, 6];

/** A reception schedule: the body, who receives, one recurring day (weekly, a day of the month, or every working day), where, from when. */
export function ScheduleModal({ unit, onClose }: { unit: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { schedule } = useReceptionWrites();
  const { error, onError, fieldError } = useApiError();
  const [bodyId, setBodyId] = useState<string | null>(null);
  const [name, setName] = useState("");
  const [role, setRole] = useState<NewSchedule["receiverRole"]>("commune_chair");
  const [kind, setKind] = useState<Recurrence["kind"]>("weekly");
  const [weekday, setWeekday] = useState(4);
  const [day, setDay] = useState(15);
  const [place, setPlace] = useState("");
  const [from, setFrom] = useState<string | null>(todayInVietnam());
  const recurrence: Recurrence =
    kind === "weekly"
      ? { kind, weekday }
      : kind === "monthly_day"
        ? { kind, day }
        : kind === "working_days"
          ? { kind }
          : { kind: "monthly_nth", nth: 1, weekday };
  const missing = [
    ...(!bodyId ? [t("reception.body")] : []),
    ...(name.trim().length < 3 ? [t("reception.receiverName")] : []),
    ...(!from ? [t("reception.validFrom")] : []),
  ];
  const lang = i18n.language === "en" ? "en" : "vi";
  return (
    <GuardedModal
      opened
      dirty={name.trim() !== ""}
      onClose={onClose}
      title={t("reception.newSchedule")}
      size="lg"
    >
      {(close) => (
        <Stack gap="xs">
          <BodySelect
            unit={unit}
            value={bodyId}
            onChange={setBodyId}
            error={fieldError("bodyId")}
            testId="schedule-body"
          />
          <TextInput
            label={t("reception.receiverName")}
            withAsterisk
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            maxLength={200}
            data-testid="schedule-name"
          />
          <Select
            label={t("reception.role")}
            data={RECEIVER_ROLES.map((r) => ({ value: r, label: RECEIVER_ROLE_NAMES[r][lang] }))}
            value={role}
            onChange={(v) => v && setRole(v as NewSchedule["receiverRole"])}
            allowDeselect={false}
          />
          <Group align="end">
            <Select
              label={t("reception.repeat")}
              data={(["weekly", "monthly_day", "working_days"] as const).map((k) => ({
                value: k,
                label: t(`reception.repeats.${k}`),
              }))}
              value={kind}
              onChange={(v) => v && setKind(v as Recurrence["kind"])}
              allowDeselect={false}
              w={220}
            />
            {kind === "weekly" && (
              <Select
                label={t("reception.weekday")}
                data={WEEKDAYS.map((d) => ({ value: String(d), label: t(`reception.weekdays.${d}`) }))}
                value={String(weekday)}
                onChange={(v) => v && setWeekday(Number(v))}
                allowDeselect={false}
                w={160}
              />
            )}
            {kind === "monthly_day" && (
              <NumberInput
                label={t("reception.dayOfMonth")}
                min={1}
                max={31}
                value={day}
                onChange={(v) => typeof v === "number" && setDay(v)}
                w={160}
              />
            )}
          </Group>
          <TextInput
            label={t("reception.place")}
            value={place}
            onChange={(e) => setPlace(e.currentTarget.value)}
            maxLength={300}
          />
          <DateField label={t("reception.validFrom")} withAsterisk value={from} onChange={setFrom} w={180} />
          {error && <Alert color="red">{error}</Alert>}
          <DialogActions
            label={t("reception.save")}
            busy={schedule.isPending}
            missing={missing}
            onCancel={close}
            testId="schedule"
            onAction={() =>
              schedule.mutate(
                {
                  bodyId: Number(bodyId),
                  receiverName: name,
                  receiverRole: role,
                  recurrences: [recurrence],
                  place,
                  validFrom: from ?? "",
                },
                { onSuccess: onClose, onError },
              )
            }
          />
        </Stack>
      )}
    </GuardedModal>
  );
}
