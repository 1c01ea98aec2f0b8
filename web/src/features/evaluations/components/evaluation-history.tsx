import { term } from "@domain/terms.ts";
import { langOf } from "@domain/vn-format.ts";
import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { EChart } from "@/components/echart.tsx";
import { formatValue } from "@/lib/format.ts";
import { useEvaluationHistory } from "../api/evaluations.ts";
import { pointsShown } from "../scheme.ts";

/** A unit's published results over the years: score and rank drawn, then each year's band and ranks. */
export function EvaluationHistory({ unit }: { unit: string }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const history = useEvaluationHistory(unit);
  const chart = history.data?.items.length
    ? {
        tooltip: { trigger: "axis" },
        legend: { data: [t("evaluations.score"), t("evaluations.rank")] },
        xAxis: { type: "category", data: history.data.items.map((h) => String(h.year)) },
        yAxis: [
          {
            type: "value",
            name: t("evaluations.score"),
            min: 0,
            max: 110,
            axisLabel: { formatter: (v: number) => formatValue(String(v)) },
          },
          {
            type: "value",
            name: t("evaluations.rank"),
            inverse: true,
            // whole places only, one below the lowest drawn so a single first place is not alone on the axis
            min: 1,
            max: (range: { max: number }) => Math.max(2, range.max + 1),
            minInterval: 1,
            axisLabel: { formatter: (v: number) => formatValue(String(v)) },
          },
        ],
        series: [
          {
            name: t("evaluations.score"),
            type: "line",
            data: history.data.items.map((h) => (h.score ? Number(h.score.replace(",", ".")) : null)),
            label: { show: true, formatter: (p: { value: number }) => formatValue(String(p.value)) },
          },
          {
            name: t("evaluations.rank"),
            // a line on an inverted axis: first place at the top
            type: "line",
            yAxisIndex: 1,
            data: history.data.items.map((h) => h.rank),
            lineStyle: { type: "dashed" },
            symbolSize: 8,
            label: {
              show: true,
              position: "bottom",
              formatter: (p: { value: number }) => t("evaluations.rankOf", { rank: p.value }),
            },
          },
        ],
      }
    : null;
  return (
    <>
      {chart ? (
        <>
          <EChart option={chart} height={260} testId="evaluation-history" />
          <Table>
            <Table.Tbody>
              {history.data?.items.map((h) => (
                <Table.Tr key={h.year}>
                  <Table.Td>{h.year}</Table.Td>
                  <Table.Td>{pointsShown(h.score)}</Table.Td>
                  <Table.Td>{h.bandName ? term(h.bandName, lang) : ""}</Table.Td>
                  <Table.Td>
                    {h.rank !== null ? t("evaluations.rankOf", { rank: h.rank }) : t("evaluations.notRanked")}
                  </Table.Td>
                  <Table.Td>
                    {h.parRank !== null && `PAR Index: ${h.parRank}`}
                    {h.sipasRank !== null && ` · SIPAS: ${h.sipasRank}`}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {t("evaluations.noHistory")}
        </Text>
      )}
    </>
  );
}
