import { Table, Text, TextInput, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDecimalVi } from "../../../../../src/domain/vn-format.ts";
import type { SubmissionDetail } from "../../../lib/api.ts";
import type { Values } from "../entry.ts";

type Indicator = SubmissionDetail["indicators"][number];

/** One indicator table: a row per indicator (and per category option when broken down), last year alongside. */
export function IndicatorTable(props: {
  rows: { indicator: string; by?: string }[];
  indicators: Indicator[];
  input: Values;
  errors: Record<string, string>;
  previous: SubmissionDetail["previous"];
  outliers: SubmissionDetail["checks"]["outliers"];
  editable: boolean;
  /** Indicators filled from the "Dân vận khéo" registry: shown, never typed. */
  fed?: readonly string[];
  onChange: (code: string, combo: string, value: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const byCode = new Map(props.indicators.map((i) => [i.code, i]));
  const fed = new Set(props.fed ?? []);
  const prev = (code: string, combo: string) => {
    const v = props.previous?.values[code]?.[combo];
    return v === undefined ? "—" : byCode.get(code)?.type === "text" ? v : formatDecimalVi(v);
  };
  const cells = props.rows.flatMap((r) => {
    const ind = byCode.get(r.indicator);
    if (!ind) return [];
    const name = i18n.language === "en" ? ind.nameEn : ind.nameVi;
    const options = r.by ? (ind.categories[r.by] ?? []) : [];
    return [
      { ind, combo: "", label: name, sub: false },
      ...options.map((o) => ({ ind, combo: `${r.by}=${o}`, label: o, sub: true })),
    ];
  });
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("reports.indicator")}</Table.Th>
            <Table.Th>{t("unitOfMeasure")}</Table.Th>
            {props.previous && (
              <Table.Th>{t("reports.previous", { period: props.previous.periodCode })}</Table.Th>
            )}
            <Table.Th w={200}>{t("reports.value")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cells.map(({ ind, combo, label, sub }) => {
            const err = props.errors[`${ind.code}|${combo}`];
            const outlier = combo === "" && props.outliers.find((o) => o.indicator === ind.code);
            return (
              <Table.Tr key={`${ind.code}|${combo}`}>
                <Table.Td pl={sub ? 32 : undefined}>
                  <Text size="sm" fs={sub ? "italic" : undefined}>
                    {sub ? `– ${label}` : label}
                  </Text>
                </Table.Td>
                <Table.Td>{ind.unitOfMeasure}</Table.Td>
                {props.previous && <Table.Td>{prev(ind.code, combo)}</Table.Td>}
                <Table.Td>
                  <Tooltip
                    label={
                      outlier
                        ? t("reports.outlier", {
                            previous: formatDecimalVi(outlier.previous),
                            current: formatDecimalVi(outlier.current),
                          })
                        : ""
                    }
                    disabled={!outlier}
                  >
                    <TextInput
                      size="xs"
                      value={props.input[ind.code]?.[combo] ?? ""}
                      onChange={(e) => props.onChange(ind.code, combo, e.currentTarget.value)}
                      readOnly={!props.editable || fed.has(ind.code)}
                      description={fed.has(ind.code) && combo === "" ? t("reports.fedFromModels") : undefined}
                      error={err}
                      styles={outlier ? { input: { borderColor: "orange" } } : undefined}
                      inputMode={ind.type === "text" ? "text" : "decimal"}
                      aria-label={`${ind.code}${combo ? ` ${combo}` : ""}`}
                      data-testid={`value-${ind.code}${combo ? `-${combo}` : ""}`}
                    />
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
