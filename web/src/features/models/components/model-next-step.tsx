import { Alert, Button, Checkbox, Group, Paper, Select, Stack, Text, Textarea } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useUnitNames } from "@/components/unit-picker.tsx";
import { useNumberRegistry } from "@/features/documents/api/document-numbers.ts";
import { useUnitBodies } from "@/features/units/api/bodies.ts";
import { call, client } from "@/lib/api.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import type { Model, Step } from "../api/models.ts";
import { modelKeys } from "../api/models.ts";

export function NextStep({ model, year }: { model: Model; year: Model["years"][number] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { error, onError, clear } = useApiError();
  const [comment, setComment] = useState("");
  const [answers, setAnswers] = useState<Record<string, boolean>>({});
  const [decision, setDecision] = useState<string | null>(null);
  const step = useMutation({
    mutationFn: (to: Step) =>
      call(
        client.POST("/api/models/{id}/years/{year}/steps", {
          params: { path: { id: model.id, year: year.year } },
          body: {
            to,
            version: year.version,
            comment,
            ...(to === "assessed" ? { answers } : {}),
            ...(to === "commended" && decision ? { decisionNumberId: Number(decision) } : {}),
          },
        }),
      ),
    onSuccess: async () => {
      clear();
      setComment("");
      await qc.invalidateQueries({ queryKey: modelKeys.one(model.id) });
      await qc.invalidateQueries({ queryKey: modelKeys.all() });
      await qc.invalidateQueries({ queryKey: modelKeys.counts() });
    },
    onError,
  });
  const s = year.status;
  const unitStep = model.can.register && s === "registered";
  const evaluate = model.can.evaluate && ["implementing", "assessed", "recognised", "exemplary"].includes(s);
  if (!unitStep && !evaluate) return null;
  const criteria = model.criteria;
  const button = (to: Step, disabled = false) => (
    <Button key={to} onClick={() => step.mutate(to)} loading={step.isPending} disabled={disabled}>
      {t(`models.actions.${to}`)}
    </Button>
  );
  return (
    <Paper withBorder p="sm" data-testid="model-next-step">
      <Stack gap="xs">
        <Text fw={600}>{t("models.nextStep", { year: year.year })}</Text>
        {error && <Alert color="red">{error}</Alert>}
        {s === "implementing" && criteria && (
          <Stack gap={4} data-testid="model-criteria">
            <Text size="sm">
              {t("models.criteriaHint", { minimum: criteria.minimumMet, total: criteria.criteria.length })}
              {criteria.example ? ` (${t("models.exampleCriteria")})` : ""}
            </Text>
            {criteria.criteria.map((c) => (
              <Checkbox
                key={c.code}
                label={`${c.code}. ${c.textVi}${c.required ? ` (${t("models.required")})` : ""}`}
                checked={answers[c.code] ?? false}
                onChange={(e) => setAnswers({ ...answers, [c.code]: e.currentTarget.checked })}
              />
            ))}
          </Stack>
        )}
        {s === "assessed" && year.assessment && !year.assessment.passes && (
          <Alert color="orange">
            {t("models.failed", { met: year.assessment.met, total: year.assessment.total })}
          </Alert>
        )}
        {(s === "recognised" || s === "exemplary") && (
          <DecisionPicker path={model.unitPath} year={year.year} value={decision} onChange={setDecision} />
        )}
        <Textarea
          label={t("models.comment")}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          autosize
          minRows={1}
        />
        <Group>
          {unitStep && button("implementing")}
          {model.can.evaluate &&
            s === "implementing" &&
            button("assessed", Object.keys(answers).length === 0)}
          {model.can.evaluate && s === "assessed" && button("recognised", year.assessment?.passes === false)}
          {model.can.evaluate && s === "recognised" && button("exemplary")}
          {model.can.evaluate && (s === "recognised" || s === "exemplary") && button("commended", !decision)}
        </Group>
      </Stack>
    </Paper>
  );
}

/** The commendation decision: a QĐ number already taken by a body of a unit at or above the model's. */
export function DecisionPicker({
  path,
  year,
  value,
  onChange,
}: {
  path: string[];
  year: number;
  value: string | null;
  onChange: (v: string | null) => void;
}) {
  const { t } = useTranslation();
  // the units by name, the unit above first ("Tỉnh Đồng Tháp", "Xã Tháp Mười")
  const names = useUnitNames(path);
  const [unit, setUnit] = useState(path[0] ?? "");
  const [bodyId, setBodyId] = useState<string | null>(null);
  const bodies = useUnitBodies(unit);
  const numbers = useNumberRegistry(bodyId, String(year));
  return (
    <Group align="end">
      <Select
        label={t("models.decisionUnit")}
        data={path.map((code, i) => ({ value: code, label: names[i] ?? code }))}
        value={unit}
        onChange={(v) => {
          setUnit(v ?? "");
          setBodyId(null);
          onChange(null);
        }}
        w={240}
      />
      <Select
        label={t("models.decisionBody")}
        data={(bodies.data?.items ?? []).map((b) => ({ value: String(b.id), label: b.name }))}
        value={bodyId}
        onChange={(v) => {
          setBodyId(v);
          onChange(null);
        }}
        w={300}
        data-testid="decision-body"
      />
      <Select
        label={t("models.decisionNumber")}
        placeholder={t("models.pickDecision")}
        data={(numbers.data?.items ?? [])
          .filter((n) => n.status === "allocated" && n.typeCode === "QĐ")
          .map((n) => ({ value: String(n.id), label: `${n.symbol} — ${n.title}` }))}
        value={value}
        onChange={onChange}
        w={380}
        data-testid="decision-number"
      />
    </Group>
  );
}
