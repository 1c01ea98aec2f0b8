import { Anchor, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { LoadError } from "@/components/load-error.tsx";
import { call, client } from "@/lib/api.ts";

import { formatDate } from "@/lib/format.ts";
import { modelKeys } from "../api/models.ts";
import { ModelEdit } from "./model-edit.tsx";
import { FilesAndShowcase } from "./model-files.tsx";
import { NextStep } from "./model-next-step.tsx";
import { StatusBadge } from "./status-badge.tsx";

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
  const model = useQuery({
    queryKey: modelKeys.one(id),
    queryFn: () => call(client.GET("/api/models/{id}", { params: { path: { id } } })),
  });
  const fields = useQuery({
    queryKey: modelKeys.fields(),
    queryFn: () => call(client.GET("/api/model-fields")),
  });
  const m = model.data;
  if (!m) return model.error ? <LoadError error={model.error} /> : null;
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
      <ModelEdit model={m} fields={fields.data?.items ?? []} />
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

      {latest && m.stoppedOn === null && <NextStep model={m} year={latest} />}

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
