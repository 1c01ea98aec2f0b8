import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  FileButton,
  Group,
  Image,
  Paper,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { api, type Body, upload } from "@/lib/api.ts";
import type { components, paths } from "@/lib/api-types.ts";

type UnitDetail = components["schemas"]["UnitDetail"];

import { formatDate } from "@/lib/format.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import { StatusBadge } from "./status-badge.tsx";

type Model = paths["/api/models/{id}"]["get"]["responses"]["200"]["content"]["application/json"];
type Fields = paths["/api/model-fields"]["get"]["responses"]["200"]["content"]["application/json"];
type Numbers =
  paths["/api/bodies/{id}/document-numbers"]["get"]["responses"]["200"]["content"]["application/json"];

const dateTime = (iso: string) => {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`;
};

/**
 * One model: its registration sheet, its years and every step with who, when and why; the next step of its
 * latest year for whoever may take it (the unit records implementation; a unit above assesses it against the
 * criteria, recognises it, makes it exemplary, commends it with a numbered decision).
 */
export function ModelPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const id = Number(useParams().id);
  const model = useQuery({ queryKey: ["model", id], queryFn: () => api<Model>("GET", `/api/models/${id}`) });
  const fields = useQuery({
    queryKey: ["model-fields"],
    queryFn: () => api<Fields>("GET", "/api/model-fields"),
  });
  const m = model.data;
  if (!m) return model.error ? <Alert color="red">{String(model.error)}</Alert> : null;
  const field = fields.data?.items.find((f) => f.code === m.fieldCode);
  const d = m.details;
  const row = (label: string, value: string) =>
    value ? (
      <Table.Tr>
        <Table.Td w={260} c="dimmed">
          {label}
        </Table.Td>
        <Table.Td style={{ whiteSpace: "pre-wrap" }}>{value}</Table.Td>
      </Table.Tr>
    ) : null;
  const latest = m.years[0];
  return (
    <Stack>
      <Anchor component={Link} to="/models" size="sm">
        ← {t("models.title")}
      </Anchor>
      <Title order={3} data-testid="model-title">
        {m.name}
      </Title>
      <Text size="sm" c="dimmed">
        {field ? (en ? field.nameEn : field.nameVi) : m.fieldCode} · {t(`models.kinds.${m.kind}`)} ·{" "}
        {t("models.startedOn")} {formatDate(m.startedOn)}
        {m.evaluationOn ? ` · ${t("models.evaluationOn")} ${formatDate(m.evaluationOn)}` : ""}
      </Text>
      <Table>
        <Table.Tbody>
          {row(t("models.sheet.rationale"), d.rationale)}
          {row(t("models.sheet.goals"), d.goals)}
          {row(t("models.sheet.contentMethod"), d.contentMethod)}
          {row(t("models.sheet.area"), d.area)}
          {row(t("models.sheet.targetGroup"), d.targetGroup)}
          {row(t("models.sheet.forces.lead"), d.forces.lead)}
          {row(t("models.sheet.forces.coordinating"), d.forces.coordinating)}
          {row(t("models.sheet.forces.participating"), d.forces.participating)}
          {row(t("models.sheet.resources"), d.resources)}
          {row(
            t("models.sheet.milestones"),
            d.milestones.map((x) => `${formatDate(x.date)}: ${x.text}`).join("\n"),
          )}
          {row(t("models.sheet.expectedOutputs"), d.expectedOutputs)}
          {row(t("models.sheet.sustainability"), d.sustainability)}
        </Table.Tbody>
      </Table>

      <Title order={5}>{t("models.years")}</Title>
      <Table data-testid="model-years">
        <Table.Tbody>
          {m.years.map((y) => (
            <Table.Tr key={y.year}>
              <Table.Td>{y.year}</Table.Td>
              <Table.Td>{t(`models.registrations.${y.registration}`)}</Table.Td>
              <Table.Td>
                <StatusBadge status={y.status} />
              </Table.Td>
              <Table.Td>
                {y.assessment &&
                  t("models.assessmentResult", { met: y.assessment.met, total: y.assessment.total })}
              </Table.Td>
              <Table.Td>{y.decisionSymbol && t("models.decision", { symbol: y.decisionSymbol })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      {latest && <NextStep model={m} year={latest} />}

      <FilesAndShowcase model={m} />

      <Title order={5}>{t("models.history")}</Title>
      <Table striped data-testid="model-steps">
        <Table.Tbody>
          {m.steps.map((s) => (
            <Table.Tr key={`${s.at}${s.to}`}>
              <Table.Td>{s.year}</Table.Td>
              <Table.Td>
                <StatusBadge status={s.to} />
              </Table.Td>
              <Table.Td>{s.actorName}</Table.Td>
              <Table.Td>{dateTime(s.at)}</Table.Td>
              <Table.Td>
                {s.comment}
                {s.decisionSymbol && ` (${t("models.decision", { symbol: s.decisionSymbol })})`}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function NextStep({ model, year }: { model: Model; year: Model["years"][number] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { error, onError, clear } = useApiError();
  const [comment, setComment] = useState("");
  const [answers, setAnswers] = useState<Record<string, boolean>>({});
  const [decision, setDecision] = useState<string | null>(null);
  const step = useMutation({
    mutationFn: (to: string) =>
      api("POST", `/api/models/${model.id}/years/${year.year}/steps`, {
        to,
        version: year.version,
        comment,
        ...(to === "assessed" ? { answers } : {}),
        ...(to === "commended" && decision ? { decisionNumberId: Number(decision) } : {}),
      }),
    onSuccess: async () => {
      clear();
      setComment("");
      await qc.invalidateQueries({ queryKey: ["model", model.id] });
      await qc.invalidateQueries({ queryKey: ["models"] });
      await qc.invalidateQueries({ queryKey: ["model-counts"] });
    },
    onError,
  });
  const s = year.status;
  const unitStep = model.can.register && s === "registered";
  const evaluate = model.can.evaluate && ["implementing", "assessed", "recognised", "exemplary"].includes(s);
  if (!unitStep && !evaluate) return null;
  const criteria = model.criteria;
  const button = (to: string, disabled = false) => (
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
function DecisionPicker({
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
  const names = useQueries({
    queries: path.map((code) => ({
      queryKey: ["unit", code, null],
      queryFn: () => api<UnitDetail>("GET", `/api/units/${encodeURIComponent(code)}`),
      staleTime: Number.POSITIVE_INFINITY,
    })),
  }).map((q) => q.data?.unit.fullName);
  const [unit, setUnit] = useState(path[0] ?? "");
  const [bodyId, setBodyId] = useState<string | null>(null);
  const bodies = useQuery({
    queryKey: ["bodies", unit],
    queryFn: () => api<{ items: Body[] }>("GET", `/api/units/${unit}/bodies`),
  });
  const numbers = useQuery({
    queryKey: ["document-numbers", bodyId, String(year)],
    queryFn: () => api<Numbers>("GET", `/api/bodies/${bodyId}/document-numbers?year=${year}`),
    enabled: bodyId !== null,
  });
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

/** The model's photos and files, and whether the province's public showcase shows it (with its results). */
function FilesAndShowcase({ model }: { model: Model }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { error, onError, clear } = useApiError();
  const [shown, setShown] = useState(model.isPublic);
  const [results, setResults] = useState(model.results);
  const canChange = model.can.register || model.can.evaluate;
  const refresh = () => qc.invalidateQueries({ queryKey: ["model", model.id] });
  const attach = async (file: File | null) => {
    if (!file) return;
    clear();
    try {
      await upload(`/api/models/${model.id}/attachments?filename=${encodeURIComponent(file.name)}`, file);
      await refresh();
    } catch (e) {
      onError(e);
    }
  };
  const publish = useMutation({
    mutationFn: () =>
      api("PUT", `/api/models/${model.id}/public`, { version: model.version, public: shown, results }),
    onSuccess: async () => {
      clear();
      await refresh();
    },
    onError,
  });
  const province = model.unitPath[0] ?? "";
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Text fw={600}>{t("models.files")}</Text>
        {error && <Alert color="red">{error}</Alert>}
        <Group gap="sm" data-testid="model-files">
          {model.attachments.map((x) =>
            x.contentType.startsWith("image/") ? (
              <Anchor key={x.id} href={`/api/models/attachments/${x.id}`}>
                <Image
                  src={`/api/models/attachments/${x.id}`}
                  h={90}
                  w={120}
                  fit="cover"
                  alt={x.filename}
                  radius="sm"
                />
              </Anchor>
            ) : (
              <Anchor key={x.id} href={`/api/models/attachments/${x.id}`} size="sm">
                {x.filename}
              </Anchor>
            ),
          )}
          {model.attachments.length === 0 && (
            <Text size="sm" c="dimmed">
              {t("models.noFiles")}
            </Text>
          )}
        </Group>
        {model.can.register && (
          <FileButton accept=".pdf,.doc,.docx,.xls,.xlsx,.png,.jpg,.jpeg" onChange={(f) => void attach(f)}>
            {(props) => (
              <Button size="xs" variant="light" w={200} {...props} data-testid="model-attach">
                {t("models.attach")}
              </Button>
            )}
          </FileButton>
        )}
        {canChange && (
          <>
            <Switch
              label={t("models.showPublic")}
              checked={shown}
              onChange={(e) => setShown(e.currentTarget.checked)}
              data-testid="model-public"
            />
            <Textarea
              label={t("models.results")}
              value={results}
              onChange={(e) => setResults(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Group>
              <Button size="xs" onClick={() => publish.mutate()} loading={publish.isPending}>
                {t("models.savePublic")}
              </Button>
              {model.isPublic && (
                <Anchor href={`/public/models/${province}`} size="sm" target="_blank">
                  {t("models.openShowcase")}
                </Anchor>
              )}
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
