import { todayInVietnam } from "@domain/dates.ts";
import { actionProblem, LETTER_ACTIONS, OUTCOMES } from "@domain/letter-workflow.ts";
import { Alert, Group, NumberInput, Paper, Select, Stack, Textarea, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DateField } from "@/components/date-field.tsx";
import { UnitPicker } from "@/components/unit-picker.tsx";
import { WaitingButton } from "@/components/waiting-button.tsx";
import { useNumberRegistry } from "@/features/documents/api/document-numbers.ts";
import { useUnitBodies } from "@/features/units/api/bodies.ts";
import { confirmDone } from "@/lib/notify.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import { type Letter, type Step, useLetterWrites } from "../api/letters.ts";
import { useLetterOptions, useLetterWords } from "../labels.ts";

/**
 * The next step of a letter, among those its state and classification allow (the domain's rule): its day and
 * note, an extension's days, a resolution's outcome and numbered decision, a transfer's competent body.
 */
export function StepForm({ l }: { l: Letter }) {
  const { t } = useTranslation();
  const word = useLetterWords();
  const options = useLetterOptions();
  const { step } = useLetterWrites(l.id);
  const { error, onError, clear, fieldError } = useApiError();
  const allowed = LETTER_ACTIONS.filter(
    (a) =>
      actionProblem(
        {
          kind: l.kind,
          status: l.status,
          anonymous: l.anonymous,
          eligible: l.eligible,
          competent: l.competent,
        },
        a,
      ) === null,
  );
  const [action, setAction] = useState<Step["action"] | null>(allowed[0] ?? null);
  const [on, setOn] = useState<string | null>(todayInVietnam());
  const [note, setNote] = useState("");
  const [days, setDays] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [decision, setDecision] = useState<string | null>(null);
  const [toUnit, setToUnit] = useState<string | null>(null);
  const [toBody, setToBody] = useState<string | null>(null);
  const numbers = useNumberRegistry(action === "resolve" ? String(l.bodyId) : null, (on ?? "").slice(0, 4));
  const targetBodies = useUnitBodies(toUnit ?? "");
  if (allowed.length === 0) return null;
  const missing = [
    ...(!on ? [t("letters.on")] : []),
    ...(action === "extend" && !days ? [t("letters.days")] : []),
    ...(action === "resolve" && !outcome ? [t("letters.outcome")] : []),
    ...(action === "resolve" && !decision ? [t("letters.decision")] : []),
    ...(action === "transfer" && !toBody ? [t("letters.toBody")] : []),
  ];
  const why = missing.length ? t("stillMissing", { items: missing.join("; ") }) : null;
  const send = () =>
    action &&
    step.mutate(
      {
        version: l.version,
        action,
        on: on ?? "",
        ...(note.trim() ? { note } : {}),
        ...(action === "extend" && days ? { days } : {}),
        ...(action === "resolve"
          ? { outcome: outcome as Step["outcome"], decisionNumberId: Number(decision) }
          : {}),
        ...(action === "transfer" ? { toBodyId: Number(toBody) } : {}),
      },
      {
        onSuccess: () => {
          clear();
          confirmDone(t("letters.stepDone", { action: word("action", action) }));
        },
        onError,
      },
    );
  return (
    <Paper withBorder p="sm" data-testid="letter-step">
      <Stack gap="xs">
        <Title order={5}>{t("letters.nextStep")}</Title>
        <Group align="end" wrap="wrap">
          <Select
            label={t("letters.action")}
            data={options("action", allowed)}
            value={action}
            onChange={(v) => setAction(v as Step["action"])}
            allowDeselect={false}
            w={200}
            data-testid="step-action"
          />
          <DateField label={t("letters.on")} value={on} onChange={setOn} error={fieldError("on")} w={160} />
          {action === "extend" && (
            <NumberInput
              label={t("letters.days")}
              min={1}
              max={30}
              value={days ?? ""}
              onChange={(v) => setDays(typeof v === "number" ? v : null)}
              error={fieldError("days")}
              w={160}
              data-testid="step-days"
            />
          )}
          {action === "resolve" && (
            <>
              <Select
                label={t("letters.outcome")}
                data={options("outcome", OUTCOMES)}
                value={outcome}
                onChange={setOutcome}
                w={180}
                data-testid="step-outcome"
              />
              <Select
                label={t("letters.decision")}
                data={(numbers.data?.items ?? [])
                  .filter((n) => n.status === "allocated")
                  .map((n) => ({ value: String(n.id), label: `${n.symbol} · ${n.title}` }))}
                value={decision}
                onChange={setDecision}
                error={fieldError("decisionNumberId")}
                searchable
                w={380}
                data-testid="step-decision"
              />
            </>
          )}
          {action === "transfer" && (
            <>
              <UnitPicker label={t("letters.unit")} value={toUnit} onChange={setToUnit} w={260} />
              <Select
                label={t("letters.toBody")}
                data={(targetBodies.data?.items ?? [])
                  .filter((b) => b.validTo === null && b.id !== l.bodyId)
                  .map((b) => ({ value: String(b.id), label: b.name }))}
                value={toBody}
                onChange={setToBody}
                error={fieldError("toBodyId")}
                w={300}
                data-testid="step-to-body"
              />
            </>
          )}
        </Group>
        <Textarea
          label={t("letters.note")}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={2000}
          autosize
          minRows={1}
        />
        <WaitingButton onClick={send} loading={step.isPending} why={why} data-testid="step-save">
          {action ? word("action", action) : t("letters.action")}
        </WaitingButton>
        {error && <Alert color="red">{error}</Alert>}
      </Stack>
    </Paper>
  );
}
