import { compileExcerpts } from "@domain/compile-narrative.ts";
import { term, unitOfMeasure } from "@domain/terms.ts";
import { langOf } from "@domain/vn-format.ts";
import { Alert, Anchor, Badge, Button, Group, Loader, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { ExportButton } from "@/components/export-button.tsx";
import { NarrativeEditor } from "@/components/narrative-editor.tsx";
import { WideTable } from "@/components/wide-table.tsx";
import { ReportDocumentPanel } from "@/features/documents/components/report-document-panel.tsx";
import { call, client } from "@/lib/api.ts";
import { formatNumber, formatValue } from "@/lib/format.ts";
import { describeFailure } from "@/lib/use-api-error.ts";
import { reportingKeys } from "../api/keys.ts";
import { type Indicator, useSummary } from "../api/summary.ts";
import { NarrativeView } from "./narrative-view.tsx";
import { RegistryCell } from "./registry-cell.tsx";
import { StatusBadge } from "./status-badges.tsx";

/**
 * The consolidated draft of a request at a unit (default: the issuer): the figures of the latest accepted
 * report of each unit below (which requests they came with), beside what a registry holds where it holds the
 * same figure; the units below to drill into; and section by section the units' text, from which the
 * requester's own text starts.
 */
export function ConsolidationView({
  requestId,
  defaultExcerpt,
}: {
  requestId: number;
  defaultExcerpt: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const [params, setParams] = useSearchParams();
  const unit = params.get("unit");
  const c = useQuery({
    queryKey: reportingKeys.consolidation(requestId, unit),
    queryFn: () =>
      call(
        client.GET("/api/requests/{id}/consolidation", {
          params: { path: { id: requestId }, query: { unit: unit || undefined } },
        }),
      ),
    refetchInterval: 5000,
  });
  const summary = useSummary(requestId, unit);
  if (!c.data)
    return c.error ? <Alert color="red">{describeFailure(c.error, lang)}</Alert> : <Loader size="sm" />;
  const d = c.data;
  const children = d.children.slice(0, 12);
  const name = (i: Indicator) => (lang === "en" ? i.nameEn : i.nameVi);
  const withRegistry = d.indicators.some((i) => i.registry);
  const others = d.sources.filter((s) => !s.thisRequest);
  // each section's starting text: the requester's own, else the accepted text of the units below, compiled
  const compiled = (key: string) =>
    compileExcerpts(
      (d.sections.find((s) => s.key === key)?.excerpts ?? []).filter((e) => e.status === "accepted"),
    );
  const emptySections = d.sections.filter((s) => (summary.text[s.key] ?? compiled(s.key)).trim() === "");
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={4}>
          {t("reports.consolidation")} · {d.unitName}
        </Title>
        <Group>
          {unit && (
            <Anchor onClick={() => setParams({})} size="sm">
              {t("back")}
            </Anchor>
          )}
          <ExportButton
            title={`${t("reports.consolidation")} ${d.unitName}`}
            columns={[
              t("reports.indicator"),
              t("unitOfMeasure"),
              t("reports.acceptedValue"),
              t("reports.reporting"),
              t("reports.pendingValue"),
              ...children.map((x) => x.name),
            ]}
            rows={() =>
              d.indicators.map((i) => [
                name(i),
                unitOfMeasure(i.unitOfMeasure, lang),
                i.accepted.value === null ? null : Number(i.accepted.value),
                i.accepted.reporting,
                i.pending.value === null ? null : Number(i.pending.value),
                ...children.map((x) => {
                  const v = i.children[x.code];
                  return v === null || v === undefined ? null : Number(v);
                }),
              ])
            }
          />
        </Group>
      </Group>
      <Text size="sm" c="dimmed" data-testid="sources">
        {t("reports.countRule")}
        {others.length > 0 &&
          ` ${t("reports.fromOtherRequests", {
            list: others
              .map((s) =>
                t("reports.fromRequest", {
                  count: s.reports,
                  ref: s.referenceNo ?? `#${s.requestId}`,
                }),
              )
              .join("; "),
          })}`}
      </Text>
      <WideTable minWidth={700} label={t("reports.consolidated")}>
        <Table withTableBorder data-testid="consolidation">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("reports.indicator")}</Table.Th>
              <Table.Th>{t("reports.acceptedValue")}</Table.Th>
              <Table.Th>{t("reports.reporting")}</Table.Th>
              <Table.Th>{t("reports.pendingValue")}</Table.Th>
              {withRegistry && <Table.Th>{t("reports.registryValue")}</Table.Th>}
              {children.map((ch) => (
                <Table.Th key={ch.code}>
                  <Anchor size="xs" onClick={() => setParams({ unit: ch.code })}>
                    {ch.name}
                  </Anchor>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.indicators.flatMap((i) => {
              const parts = Object.entries(i.accepted.combos).filter(([k]) => k !== "");
              return [
                <Table.Tr key={i.code}>
                  <Table.Td>
                    {name(i)}{" "}
                    {i.unitOfMeasure && (
                      <Text span size="xs" c="dimmed">
                        ({unitOfMeasure(i.unitOfMeasure, lang)})
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td fw={700} data-testid={`total-${i.code}`}>
                    {formatValue(i.accepted.value)}
                    {i.used === "registry" && (
                      <Badge ml={4} size="xs" variant="light" color="grape">
                        {t("reports.usesRegistry")}
                      </Badge>
                    )}
                    {i.accepted.partial > 0 && (
                      <Text size="xs" c="orange">
                        {t("reports.partialNote", { count: i.accepted.partial })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{formatNumber(i.accepted.reporting)}</Table.Td>
                  <Table.Td c="dimmed">
                    {formatValue(i.pending.value)}{" "}
                    {i.pending.reporting > 0 ? `(${formatNumber(i.pending.reporting)})` : ""}
                  </Table.Td>
                  {withRegistry && (
                    <Table.Td data-testid={`registry-${i.code}`}>
                      {i.registry ? (
                        <RegistryCell indicator={i} onUse={(src) => summary.setSource(i.code, src)} />
                      ) : null}
                    </Table.Td>
                  )}
                  {children.map((ch) => (
                    <Table.Td key={ch.code}>{formatValue(i.children[ch.code])}</Table.Td>
                  ))}
                </Table.Tr>,
                ...parts.map(([combo, v]) => (
                  <Table.Tr key={`${i.code}|${combo}`}>
                    <Table.Td pl={28}>
                      <Text size="sm" fs="italic">
                        – {term(combo.slice(combo.indexOf("=") + 1), lang)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{formatValue(v)}</Table.Td>
                    <Table.Td />
                    <Table.Td />
                    {withRegistry && <Table.Td>{formatValue(i.registry?.combos[combo])}</Table.Td>}
                    {children.map((ch) => (
                      <Table.Td key={ch.code} />
                    ))}
                  </Table.Tr>
                )),
              ];
            })}
          </Table.Tbody>
        </Table>
      </WideTable>
      <Title order={4}>{t("reports.compiled")}</Title>
      {d.sections.map((s) => {
        const own = summary.text[s.key];
        const start = compiled(s.key);
        const empty = (own ?? start).trim() === "";
        return (
          <Paper key={s.key} withBorder p="sm" data-testid={`compiled-${s.key}`}>
            <Group justify="space-between">
              <Title order={5}>{lang === "en" ? s.titleEn : s.titleVi}</Title>
              {empty && (
                <Badge color="red" variant="light" data-testid={`empty-${s.key}`}>
                  {t("reports.sectionEmpty")}
                </Badge>
              )}
            </Group>
            {s.excerpts.length === 0 && (
              <Text size="sm" c="dimmed">
                {t("reports.noExcerpts")}
              </Text>
            )}
            {s.excerpts.map((e) => (
              <Stack key={e.submissionId} gap={0} mt="xs">
                <Group gap={4}>
                  <Anchor component={Link} to={`/submissions/${e.submissionId}`} size="sm" fw={600}>
                    {e.bodyName ?? e.unitName}
                  </Anchor>
                  <StatusBadge status={e.status} />
                </Group>
                <NarrativeView text={e.text} />
              </Stack>
            ))}
            <NarrativeEditor
              label={t("reports.summary")}
              description={own === undefined && start ? t("reports.startsFromCompiled") : undefined}
              value={own ?? start}
              onChange={(v) => summary.set(s.key, v)}
              testId={`summary-${s.key}`}
            />
          </Paper>
        );
      })}
      <Group>
        <Button onClick={() => summary.save()} loading={summary.saving} data-testid="save-summary">
          {t("reports.saveSummary")}
        </Button>
        {summary.error && <Text c="red">{summary.error}</Text>}
        {summary.savedVersion > 0 && !summary.dirty && !summary.error && (
          <Text size="sm" c="teal" data-testid="summary-saved">
            {t("reports.summarySaved")}
          </Text>
        )}
        {summary.dirty && (
          <Text size="sm" c="orange">
            {t("unsavedChanges")}
          </Text>
        )}
      </Group>
      {(unit === null || unit === d.request.issuerUnitCode) && (
        <ReportDocumentPanel
          requestId={requestId}
          issuerUnitCode={d.request.issuerUnitCode}
          defaultExcerpt={defaultExcerpt}
          emptySections={emptySections.map((s) => (lang === "en" ? s.titleEn : s.titleVi))}
          unsaved={summary.dirty}
        />
      )}
    </Stack>
  );
}
