import { langOf } from "@domain/vn-format.ts";
import { Alert, Group, Loader, Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { EChart, type EChartsOption } from "@/components/echart.tsx";
import { UnitPicker } from "@/components/unit-picker.tsx";
import { call, client } from "@/lib/api.ts";
import type { components } from "@/lib/api-types.ts";
import { formatDate, formatNumber, formatPeriod } from "@/lib/format.ts";
import { describeFailure } from "@/lib/use-api-error.ts";
import { reportingKeys } from "../api/keys.ts";

type Map = components["schemas"]["TimelinessMap"];

/** Units × periods: the share of reports sent on time, late and missing counted in the tooltip. */
export function TimelinessMap({ defaultUnit }: { defaultUnit: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [unit, setUnit] = useState(defaultUnit);
  const lang = langOf(i18n.language);
  const q = useQuery({
    queryKey: reportingKeys.timeliness(unit),
    queryFn: () => call(client.GET("/api/reporting/timeliness", { params: { query: { unit } } })),
    enabled: unit.trim() !== "",
    retry: false,
  });
  const d = q.data;
  const option = useMemo<EChartsOption | null>(() => {
    if (!d) return null;
    const col = new Map(d.columns.map((c, i) => [c.requestId, i]));
    const row = new Map(d.rows.map((r, i) => [r.code, i]));
    const data = d.cells.flatMap((c) => {
      const x = col.get(c.requestId);
      const y = row.get(c.unitCode);
      if (x === undefined || y === undefined) return [];
      const due = c.onTime + c.late + c.missing;
      return [{ value: [x, y, due ? Math.round((c.onTime * 100) / due) : "-"], cell: c }];
    });
    return {
      tooltip: {
        formatter: (p: { data: { cell: Map["cells"][number] } }) => {
          const c = p.data.cell;
          const col = d.columns.find((x) => x.requestId === c.requestId);
          const unitName = d.rows.find((r) => r.code === c.unitCode)?.name ?? c.unitCode;
          const n = (x: number) => formatNumber(x, 0, lang);
          return `${unitName}<br/>${col ? formatPeriod(col.periodCode, lang) : ""} · ${t("reports.deadline")} ${formatDate(col?.deadline)}<br/>${t("reports.onTime")}: ${n(c.onTime)}/${n(c.expected)} · ${t("reports.late")}: ${n(c.late)} · ${t("reports.missing")}: ${n(c.missing)}`;
        },
      },
      // the periods and the colour key on top: a province's map is taller than a screen
      grid: { left: 210, right: 20, top: 130, bottom: 10 },
      xAxis: {
        type: "category",
        position: "top",
        data: d.columns.map((c) => formatPeriod(c.periodCode, lang)),
        splitArea: { show: true },
        // the periods in words are long: turned, and never cut
        axisLabel: { rotate: 30, interval: 0, hideOverlap: false },
      },
      yAxis: {
        type: "category",
        data: d.rows.map((r) => r.name),
        inverse: true,
        // a long name goes onto a second line rather than being cut
        axisLabel: { width: 200, overflow: "break", lineHeight: 12 },
      },
      visualMap: {
        min: 0,
        max: 100,
        calculable: false,
        orient: "horizontal",
        left: "center",
        top: 0,
        text: [`100% ${t("reports.onTime")}`, "0%"],
        inRange: { color: ["#e03131", "#fab005", "#2f9e44"] },
      },
      series: [{ type: "heatmap", data, emphasis: { itemStyle: { borderColor: "#333", borderWidth: 1 } } }],
    };
  }, [d, t, lang]);
  return (
    <Stack>
      <Group align="end">
        <UnitPicker
          label={t("unit")}
          w={320}
          value={unit || null}
          clearable={false}
          onChange={(code) => code && setUnit(code)}
          data-testid="heatmap-unit"
        />
      </Group>
      {q.isLoading && <Loader size="sm" />}
      {q.error && <Alert color="red">{describeFailure(q.error, lang)}</Alert>}
      {d && d.columns.length === 0 && <Alert>{t("reports.heatmapEmpty")}</Alert>}
      {option && d && d.columns.length > 0 && (
        <EChart
          option={option}
          height={Math.max(200, d.rows.length * 20 + 140)}
          testId="heatmap"
          onClick={(data) => {
            const c = (data as { cell?: Map["cells"][number] })?.cell;
            if (c) navigate(`/requests/${c.requestId}?unit=${encodeURIComponent(c.unitCode)}`);
          }}
        />
      )}
    </Stack>
  );
}
