import { TWO_TIER_FROM } from "@domain/dates.ts";
import { add } from "@domain/decimal.ts";
import { FED_INDICATORS } from "@domain/dvk-models.ts";
import { parsePeriod } from "@domain/periods.ts";
import { unitOfMeasure } from "@domain/terms.ts";
import { change, changeText } from "@domain/trend.ts";
import { formatDecimal, langOf } from "@domain/vn-format.ts";
import {
  Alert,
  Anchor,
  Breadcrumbs,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { EChart, type EChartsOption } from "@/components/echart.tsx";
import { ExportButton } from "@/components/export-button.tsx";
import { UnitPicker, useUnitNames } from "@/components/unit-picker.tsx";
import { WideTable } from "@/components/wide-table.tsx";
import { useForms } from "@/features/forms/api/forms.ts";
import { CompliancePanel } from "@/features/reception/components/compliance-panel.tsx";
import { formatPeriod, formatSamePeriod, formatValue, todayIso } from "@/lib/format.ts";
import { describeFailure } from "@/lib/use-api-error.ts";
import { useTotals } from "../api/dashboards.ts";
import { trendChartOption } from "./trend-chart-option.ts";

const YEARS = 5;
const KINDS = { year: "", S1: "S1", S2: "S2" } as const;

function periodsOf(kind: keyof typeof KINDS, lastYear: number): string[] {
  const years = Array.from({ length: YEARS }, (_, i) => lastYear - YEARS + 1 + i);
  return years.map((y) => `${y}${KINDS[kind]}`);
}

/** Periods before two-tier local government: their figures are those of the units of the time. */
const beforeReform = (period: string) => parsePeriod(period).end < TWO_TIER_FROM;

/**
 * Dashboard: a form's figures for a unit (the user's own at first, else the country) over the last five years
 * or half years, the change on a year earlier, and the units below it to drill into, down to the hamlet. Periods before the 2025
 * reform are counted in today's units through the successor links (the same territory), and say so.
 */
export function DashboardPage({ defaultUnit = "" }: { defaultUnit?: string }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const [params, setParams] = useSearchParams();
  // an official opens on their own unit; the country is one click up ("Toàn quốc")
  const unit = params.get("unit") ?? defaultUnit;
  const kind = (params.get("kind") ?? "year") as keyof typeof KINDS;
  const form = params.get("form") ?? "dvcq-thap-muoi";
  const indicator = params.get("indicator") ?? "DVK_MODELS_TOTAL";
  const trail = (params.get("trail") ?? "").split(",").filter(Boolean);
  const periods = useMemo(() => periodsOf(kind in KINDS ? kind : "year", new Date().getFullYear()), [kind]);
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    // an empty unit stays in the address: it means the country, not the user's own unit
    for (const [k, v] of Object.entries(changes))
      v === null || (v === "" && k !== "unit") ? next.delete(k) : next.set(k, v);
    setParams(next);
  };
  const forms = useForms();
  const q = useTotals(form, periods, unit);
  // the names of the units on the trail, for the breadcrumbs (codes only as a fallback)
  const trailNames = useUnitNames(trail);
  const d = q.data;
  // the unit's own figure, or for the country the sum of its provinces (sums only)
  const own = useMemo(() => {
    if (!d) return (_p: string, _i: string) => null as string | null;
    return (period: string, code: string): string | null => {
      if (d.unit) return d.values[d.unit.code]?.[period]?.[code] ?? null;
      const ind = d.indicators.find((i) => i.code === code);
      if (ind?.aggregation !== "sum") return null;
      const vs = d.children.map((c) => d.values[c.code]?.[period]?.[code]).filter((v): v is string => !!v);
      return vs.length ? add(...vs) : null;
    };
  }, [d]);
  // the latest period that has ended and has figures (a running period's totals are still partial)
  const today = todayIso();
  const withData = d
    ? [...periods].reverse().filter((p) => d.indicators.some((i) => own(p, i.code) !== null))
    : [];
  const latest = withData.find((p) => parsePeriod(p).end < today) ?? withData[0];
  const previous = latest ? periods[periods.indexOf(latest) - 1] : undefined;
  const selected = d?.indicators.find((i) => i.code === indicator) ?? d?.indicators[0];
  const name = (i: { nameVi: string; nameEn: string }) => (lang === "en" ? i.nameEn : i.nameVi);
  const acrossReform = periods.some(beforeReform) && periods.some((p) => !beforeReform(p));
  // a period still running is named so wherever it is shown, and drawn dashed: its figures are not complete
  const running = useCallback((p: string) => parsePeriod(p).end >= today, [today]);
  const periodName = useCallback(
    (p: string) => `${formatPeriod(p, lang)}${running(p) ? ` ${t("dashboard.running")}` : ""}`,
    [lang, running, t],
  );
  const option = useMemo<EChartsOption | null>(
    () =>
      d && selected
        ? trendChartOption({
            periods,
            periodName,
            running,
            value: (p) => own(p, selected.code),
            name: lang === "en" ? selected.nameEn : selected.nameVi,
            runningName: t("dashboard.runningSeries"),
            format: (v) => formatDecimal(String(v), lang),
          })
        : null,
    [d, selected, periods, own, lang, t, periodName, running],
  );
  const ownPeriods = d?.unit ? (d.ownReport[d.unit.code] ?? []) : [];

  const drill = (code: string) => set({ unit: code, trail: [...trail, unit].filter(Boolean).join(",") });
  return (
    <Stack>
      <Title order={3}>{t("dashboard.title")}</Title>
      <Group align="end" wrap="wrap">
        <Select
          label={t("reports.form")}
          w={380}
          allowDeselect={false}
          value={form}
          onChange={(v) => v && set({ form: v })}
          data={(forms.data?.items ?? []).map((f) => ({
            value: f.code,
            label: lang === "en" ? f.nameEn : f.nameVi,
          }))}
        />
        <SegmentedControl
          value={kind}
          onChange={(v) => set({ kind: v })}
          aria-label={t("period.label")}
          data={[
            { value: "year", label: t("dashboard.years") },
            { value: "S1", label: t("dashboard.halves") },
            { value: "S2", label: t("dashboard.secondHalves") },
          ]}
        />
        <UnitPicker
          label={t("dashboard.goTo")}
          w={300}
          value={null}
          onChange={(code) => code && set({ unit: code, trail: [...trail, unit].filter(Boolean).join(",") })}
          data-testid="dashboard-unit"
        />
      </Group>
      <Breadcrumbs data-testid="trail">
        <Anchor onClick={() => set({ unit: "", trail: null })}>{t("dashboard.country")}</Anchor>
        {trail.map((c, i) => (
          <Anchor key={c} onClick={() => set({ unit: c, trail: trail.slice(0, i).join(",") })}>
            {trailNames[i] ?? c}
          </Anchor>
        ))}
        {d?.unit && <Text>{d.unit.name}</Text>}
      </Breadcrumbs>
      {q.isLoading && <Loader />}
      {q.error && <Alert color="red">{describeFailure(q.error, lang)}</Alert>}
      {d && latest === undefined && <Alert>{t("dashboard.noFigures")}</Alert>}
      {d && latest && (
        <>
          <Text size="sm" c="dimmed">
            {t("dashboard.latest", { period: formatPeriod(latest, lang) })}
            {previous
              ? ` · ${t("dashboard.comparedWith", { period: formatSamePeriod(previous, lang) })}`
              : ""}
            {ownPeriods.includes(latest) ? ` · ${t("dashboard.ownReport")}` : ""}
          </Text>
          {acrossReform && (
            <Text size="sm" c="dimmed" data-testid="reform-note">
              {t("dashboard.reformNote")}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} data-testid="cards">
            {d.indicators.map((i) => {
              const cur = own(latest, i.code);
              const prev = previous ? own(previous, i.code) : null;
              if (cur === null) return null;
              const held = i.code in FED_INDICATORS ? d.registry[latest]?.[i.code] : undefined;
              return (
                <Paper
                  key={i.code}
                  withBorder
                  p="sm"
                  component="button"
                  type="button"
                  onClick={() => set({ indicator: i.code })}
                  style={{
                    cursor: "pointer",
                    textAlign: "left",
                    borderColor: i.code === selected?.code ? "var(--mantine-color-blue-5)" : undefined,
                  }}
                  data-testid={`card-${i.code}`}
                >
                  <Text size="xs" c="dimmed">
                    {name(i)}
                  </Text>
                  <Text fw={700} size="xl">
                    {formatValue(cur, lang)}{" "}
                    <Text span size="sm">
                      {unitOfMeasure(i.unitOfMeasure, lang, Number(cur))}
                    </Text>
                  </Text>
                  {prev !== null && (
                    <Text
                      size="xs"
                      c={change(prev, cur).direction === "down" ? "red" : "teal"}
                      data-testid={`trend-${i.code}`}
                    >
                      {changeText(change(prev, cur), lang)}
                    </Text>
                  )}
                  {held !== undefined && held !== cur && (
                    <Text size="xs" c="grape.8" data-testid={`held-${i.code}`}>
                      {t("dashboard.registryHolds", { n: formatValue(held, lang) })}
                    </Text>
                  )}
                </Paper>
              );
            })}
          </SimpleGrid>
          {selected && option && (
            <Paper withBorder p="sm">
              <Text fw={600}>{name(selected)}</Text>
              <EChart option={option} height={260} testId="trend-chart" />
              {acrossReform && (
                <Text size="xs" c="dimmed">
                  {t("dashboard.reformChartNote")}
                </Text>
              )}
            </Paper>
          )}
        </>
      )}
      <CompliancePanel unit={unit} />
      {d && selected && d.children.length > 0 && (
        <Stack gap="xs">
          <Group justify="space-between">
            <Text fw={600}>
              {name(selected)} · {d.unit ? d.unit.name : t("dashboard.country")}
            </Text>
            <ExportButton
              title={`${name(selected)} – ${d.unit ? d.unit.name : t("dashboard.country")}`}
              columns={[t("unit"), ...periods.map(periodName), t("code")]}
              rows={() =>
                d.children.map((c) => [
                  c.name,
                  ...periods.map((p) => {
                    const v = d.values[c.code]?.[p]?.[selected.code];
                    return v === undefined || v === null ? null : Number(v);
                  }),
                  c.code,
                ])
              }
            />
          </Group>
          <WideTable minWidth={700} label={t("dashboard.units")}>
            <Table striped data-testid="drill">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("unit")}</Table.Th>
                  {periods.map((p) => (
                    <Table.Th key={p}>{periodName(p)}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.children.map((c) => (
                  <Table.Tr key={c.code}>
                    <Table.Td>
                      <Anchor onClick={() => drill(c.code)}>{c.name}</Anchor>
                    </Table.Td>
                    {periods.map((p) => (
                      <Table.Td key={p}>{formatValue(d.values[c.code]?.[p]?.[selected.code], lang)}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </WideTable>
        </Stack>
      )}
    </Stack>
  );
}
