import { todayInVietnam } from "@domain/dates.ts";
import { LETTER_FIELDS, LETTER_FLAGS } from "@domain/letter-workflow.ts";
import {
  Alert,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DateField } from "@/components/date-field.tsx";
import { DialogActions } from "@/components/dialog-actions.tsx";
import { GuardedModal } from "@/components/guarded-modal.tsx";
import { useUnitBodies } from "@/features/units/api/bodies.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import { type Intake, useIntake } from "../api/letters.ts";
import { useLetterOptions } from "../labels.ts";

const CHANNELS = ["session", "post", "hotline", "online", "direct"] as const;
const empty = (unit: string) => ({
  bodyId: null as string | null,
  kind: "petition" as Intake["kind"],
  channel: "session" as Intake["channel"],
  receivedOn: todayInVietnam() as string | null,
  subject: "",
  content: "",
  field: "other" as NonNullable<Intake["field"]>,
  flags: [] as string[],
  crowdSize: null as number | null,
  sender: { name: "", address: "", phone: "", email: "", idNumber: "" },
  unit,
});

/**
 * Registering a letter: the receiving body, its kind and channel, the day received, what it is about, and the
 * writer (sealed on saving; a denouncer's, the page says, is protected). The code and the citizen's tracking
 * secret come back once.
 */
export function IntakeModal(props: {
  unit: string;
  onClose: () => void;
  onDone: (notice: string) => void;
  /** a second-round complaint about this resolved first round (Luật Khiếu nại 2011, Art. 33) */
  firstRound?: { id: number; code: string; subject: string; senderName: string | null };
}) {
  const { t } = useTranslation();
  const options = useLetterOptions();
  const bodies = useUnitBodies(props.unit);
  const first = props.firstRound;
  const [d, setD] = useState(() => {
    const blank = empty(props.unit);
    return first
      ? {
          ...blank,
          kind: "complaint" as const,
          channel: "post" as const,
          subject: t("letters.secondRoundSubject", { subject: first.subject }),
          sender: { ...blank.sender, name: first.senderName ?? "" },
        }
      : blank;
  });
  const set = (patch: Partial<typeof d>) => setD((x) => ({ ...x, ...patch }));
  const setSender = (patch: Partial<typeof d.sender>) =>
    setD((x) => ({ ...x, sender: { ...x.sender, ...patch } }));
  const intake = useIntake();
  const { error, onError, fieldError } = useApiError();
  const missing = [
    ...(!d.bodyId ? [t("letters.needBody")] : []),
    ...(d.subject.trim().length < 3 ? [t("letters.needSubject")] : []),
    ...(d.kind === "complaint" && !d.sender.name.trim() ? [t("letters.needName")] : []),
  ];
  const save = () =>
    intake.mutate(
      {
        bodyId: Number(d.bodyId),
        kind: d.kind,
        channel: d.channel,
        receivedOn: d.receivedOn ?? "",
        subject: d.subject,
        content: d.content,
        field: d.field,
        flags: d.flags as Intake["flags"],
        crowdSize: d.crowdSize,
        sender: Object.fromEntries(Object.entries(d.sender).filter(([, v]) => v.trim() !== "")),
        ...(first ? { firstRoundOf: first.id } : {}),
      },
      {
        onSuccess: (r) =>
          props.onDone(
            `${t("letters.registered", { code: r.letter.code })}. ${t("letters.secretNote", { code: r.letter.code, secret: r.secret })}`,
          ),
        onError,
      },
    );
  const dirty = d.subject.trim() !== "" || d.content.trim() !== "" || d.sender.name.trim() !== "";
  return (
    <GuardedModal opened dirty={dirty} onClose={props.onClose} size="xl" title={t("letters.registerTitle")}>
      {(close) => (
        <Stack gap="xs">
          {first && (
            <Alert data-testid="intake-second-round">
              {t("letters.secondRoundOf", { code: first.code })}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t("letters.body")}
              withAsterisk
              data={(bodies.data?.items ?? [])
                .filter((b) => b.validTo === null)
                .map((b) => ({ value: String(b.id), label: b.name }))}
              value={d.bodyId}
              onChange={(v) => set({ bodyId: v })}
              error={fieldError("bodyId")}
              data-testid="intake-body"
            />
            <DateField
              label={t("letters.receivedOn")}
              withAsterisk
              value={d.receivedOn}
              onChange={(v) => set({ receivedOn: v })}
              error={fieldError("receivedOn")}
            />
            <Select
              label={t("letters.kind")}
              data={options("kind", ["complaint", "denunciation", "petition"])}
              value={d.kind}
              onChange={(v) => v && set({ kind: v as Intake["kind"] })}
              allowDeselect={false}
              disabled={Boolean(first)}
              data-testid="intake-kind"
            />
            <Select
              label={t("letters.channel")}
              data={CHANNELS.map((c) => ({ value: c, label: t(`letters.channels.${c}`) }))}
              value={d.channel}
              onChange={(v) => v && set({ channel: v as Intake["channel"] })}
              allowDeselect={false}
            />
          </SimpleGrid>
          <TextInput
            label={t("letters.subject")}
            withAsterisk
            value={d.subject}
            onChange={(e) => set({ subject: e.currentTarget.value })}
            maxLength={500}
            error={fieldError("subject")}
            data-testid="intake-subject"
          />
          <Textarea
            label={t("letters.content")}
            autosize
            minRows={2}
            value={d.content}
            onChange={(e) => set({ content: e.currentTarget.value })}
            maxLength={20000}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t("letters.field")}
              data={options("field", LETTER_FIELDS)}
              value={d.field}
              onChange={(v) => v && set({ field: v as typeof d.field })}
              allowDeselect={false}
            />
            <MultiSelect
              label={t("letters.flags")}
              data={options("flag", LETTER_FLAGS)}
              value={d.flags}
              onChange={(v) => set({ flags: v })}
            />
            <NumberInput
              label={t("letters.crowd")}
              min={1}
              max={100000}
              value={d.crowdSize ?? ""}
              onChange={(v) => set({ crowdSize: typeof v === "number" ? v : null })}
            />
          </SimpleGrid>
          {d.kind === "denunciation" && (
            <Alert color="blue" data-testid="intake-protected">
              {t("letters.protectedHint")}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t("letters.senderName")}
              withAsterisk={d.kind === "complaint"}
              value={d.sender.name}
              onChange={(e) => setSender({ name: e.currentTarget.value })}
              maxLength={200}
              error={fieldError("sender.name")}
              data-testid="intake-sender-name"
            />
            <TextInput
              label={t("letters.address")}
              value={d.sender.address}
              onChange={(e) => setSender({ address: e.currentTarget.value })}
              maxLength={500}
            />
            <TextInput
              label={t("letters.phone")}
              value={d.sender.phone}
              onChange={(e) => setSender({ phone: e.currentTarget.value })}
              maxLength={30}
            />
            <TextInput
              label={t("letters.idNumber")}
              value={d.sender.idNumber}
              onChange={(e) => setSender({ idNumber: e.currentTarget.value })}
              maxLength={20}
            />
          </SimpleGrid>
          {error && <Alert color="red">{error}</Alert>}
          <DialogActions
            label={t("letters.register")}
            onAction={save}
            busy={intake.isPending}
            missing={missing}
            onCancel={close}
            testId="intake"
          />
        </Stack>
      )}
    </GuardedModal>
  );
}
