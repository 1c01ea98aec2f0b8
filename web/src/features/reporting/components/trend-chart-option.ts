import type { EChartsOption } from "@/components/echart.tsx";

/**
 * The trend of one indicator over the periods, as an ECharts line: ended periods solid; a period still
 * running (its figures incomplete) dashed, joined to the last ended one. Numbers are written by the page's
 * formatter, the same as everywhere else on the page.
 */
export function trendChartOption(o: {
  periods: readonly string[];
  periodName: (p: string) => string;
  running: (p: string) => boolean;
  value: (p: string) => string | null;
  name: string;
  runningName: string;
  format: (v: number) => string;
}): EChartsOption {
  const { periods, running, value } = o;
  return {
    tooltip: { trigger: "axis", valueFormatter: (v: unknown) => (typeof v === "number" ? o.format(v) : "—") },
    grid: { left: 80, right: 20, top: 20, bottom: 30 },
    xAxis: { type: "category", data: periods.map(o.periodName) },
    yAxis: { type: "value", axisLabel: { formatter: (v: number) => o.format(v) } },
    series: [
      {
        type: "line",
        name: o.name,
        data: periods.map((p) => {
          const v = value(p);
          return v === null || running(p) ? null : Number(v);
        }),
        connectNulls: false,
      },
      {
        type: "line",
        name: o.runningName,
        lineStyle: { type: "dashed" },
        // from the last ended period to the running ones
        data: periods.map((p, i) => {
          const v = value(p);
          const next = periods[i + 1];
          const joins = running(p) || (next !== undefined && running(next));
          return v === null || !joins ? null : Number(v);
        }),
        connectNulls: false,
      },
    ],
  };
}
