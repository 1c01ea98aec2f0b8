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
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { add } from "../../../../../src/domain/decimal.ts";
import { parsePeriod } from "../../../../../src/domain/periods.ts";
import { change, changeText } from "../../../../../src/domain/trend.ts";
import { formatDecimalVi } from "../../../../../src/domain/vn-format.ts";
import { EChart, type EChartsOption } from "../../../components/echart.tsx";
import { ExportButton } from "../../../components/export-button.tsx";
import { api, type ReportForm } from "../../../lib/api.ts";
import type { components } from "../../../lib/api-types.ts";
import { todayIso } from "../../../lib/format.ts";
import { describeFailure } from "../../../lib/use-api-error.ts";

type Totals = components["schemas"]["Totals"];
const YEARS = 5;

function periodsOf(kind: string, lastYear: number): string[] {
  const years = Array.from({ length: YEARS }, (_, i) => lastYear - YEARS + 1 + i);
  return years.map((y) => (kind === "S1" ? `${y}S1` : String(y)));
}

const show = (v: string | null | undefined) => (v === null || v === undefined ? "—" : formatDecimalVi(v));

/**
 * Dashboard: a form's rolled-up numbers for a unit (default: the country) over the last five years or first
 * halves, the change on a year earlier, and the units below it to drill into, down to the hamlet.
 */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const [params, setParams] = useSearchParams();
  const unit = params.get("unit") ?? "";
  const kind = params.get("kind") ?? "year";
  const form = params.get("form") ?? "dvcq-thap-muoi";
  const indicator = params.get("indicator") ?? "DVK_MODELS_TOTAL";
  const trail = (params.get("trail") ?? "").split(",").filter(Boolean);
  const periods = useMemo(() => periodsOf(kind, new Date().getFullYear()), [kind]);
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) v === null || v === "" ? next.delete(k) : next.set(k, v);
    setParams(next);
  };
  const forms = useQuery({
    queryKey: ["forms"],
    queryFn: () => api<{ items: ReportForm[] }>("GET", "/api/forms"),
  });
  const q = useQuery({
    queryKey: ["totals", form, kind, unit],
    queryFn: () =>
      api<Totals>(
        "GET",
        `/api/reporting/totals?form=${encodeURIComponent(form)}&periods=${periods.join(",")}${unit ? `&unit=${encodeURIComponent(unit)}` : ""}`,
      ),
    retry: false,
  });
  const d = q.data;
  // the unit's own value, or for the country the sum of its provinces (sums only)
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
  const option = useMemo<EChartsOption | null>(() => {
    if (!d || !selected) return null;
    return {
      tooltip: { trigger: "axis" },
      grid: { left: 70, right: 20, top: 20, bottom: 30 },
      xAxis: { type: "category", data: periods },
      yAxis: { type: "value" },
      series: [
        {
          type: "line",
          name: lang === "en" ? selected.nameEn : selected.nameVi,
          data: periods.map((p) => {
            const v = own(p, selected.code);
            return v === null ? null : Number(v);
          }),
          connectNulls: false,
        },
      ],
    };
  }, [d, selected, periods, own, lang]);

  const drill = (code: string) => set({ unit: code, trail: [...trail, unit].filter(Boolean).join(",") });
  return (
    <Stack>
      <Title order={3}>{t("dashboard.title")}</Title>
      <Group align="end" wrap="wrap">
        <Select
          label={t("reports.form")}
          w={380}
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
          data={[
            { value: "year", label: t("dashboard.years") },
            { value: "S1", label: t("dashboard.halves") },
          ]}
        />
      </Group>
      <Breadcrumbs data-testid="trail">
        <Anchor onClick={() => set({ unit: null, trail: null })}>{t("dashboard.country")}</Anchor>
        {trail.map((c, i) => (
          <Anchor key={c} onClick={() => set({ unit: c, trail: trail.slice(0, i).join(",") })}>
            {c}
          </Anchor>
        ))}
        {d?.unit && <Text>{d.unit.name}</Text>}
      </Breadcrumbs>
      {q.isLoading && <Loader />}
      {q.error && <Alert color="red">{describeFailure(q.error, lang)}</Alert>}
      {d && latest === undefined && <Alert>{t("reports.empty")}</Alert>}
      {d && latest && (
        <>
          <Text size="sm" c="dimmed">
            {t("dashboard.latest", { period: latest })}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} data-testid="cards">
            {d.indicators.map((i) => {
              const cur = own(latest, i.code);
              const prev = previous ? own(previous, i.code) : null;
              if (cur === null) return null;
              return (
                <Paper
                  key={i.code}
                  withBorder
                  p="sm"
                  onClick={() => set({ indicator: i.code })}
                  style={{
                    cursor: "pointer",
                    borderColor: i.code === selected?.code ? "var(--mantine-color-blue-5)" : undefined,
                  }}
                  data-testid={`card-${i.code}`}
                >
                  <Text size="xs" c="dimmed">
                    {name(i)}
                  </Text>
                  <Text fw={700} size="xl">
                    {show(cur)}{" "}
                    <Text span size="sm">
                      {i.unitOfMeasure}
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
                </Paper>
              );
            })}
          </SimpleGrid>
          {selected && option && (
            <Paper withBorder p="sm">
              <Text fw={600}>{name(selected)}</Text>
              <EChart option={option} height={260} testId="trend-chart" />
            </Paper>
          )}
        </>
      )}
      {d && selected && d.children.length > 0 && (
        <Stack gap="xs">
          <Group justify="space-between">
            <Text fw={600}>
              {name(selected)} · {d.unit ? d.unit.name : t("dashboard.country")}
            </Text>
            <ExportButton
              title={`${name(selected)} – ${d.unit ? d.unit.name : t("dashboard.country")}`}
              columns={[t("code"), t("unit"), ...periods]}
              rows={() =>
                d.children.map((c) => [
                  c.code,
                  c.name,
                  ...periods.map((p) => {
                    const v = d.values[c.code]?.[p]?.[selected.code];
                    return v === undefined || v === null ? null : Number(v);
                  }),
                ])
              }
            />
          </Group>
          <Table.ScrollContainer minWidth={700}>
            <Table striped data-testid="drill">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("unit")}</Table.Th>
                  {periods.map((p) => (
                    <Table.Th key={p}>{p}</Table.Th>
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
                      <Table.Td key={p}>{show(d.values[c.code]?.[p]?.[selected.code])}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
    </Stack>
  );
}
