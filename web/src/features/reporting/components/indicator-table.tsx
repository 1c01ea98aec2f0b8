import { add, multiply } from "@domain/decimal.ts";
import { term, unitOfMeasure } from "@domain/terms.ts";
import { langOf } from "@domain/vn-format.ts";
import { Table, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { WideTable } from "@/components/wide-table.tsx";
import type { SubmissionDetail } from "@/lib/api.ts";
import { formatSamePeriod, formatValue } from "@/lib/format.ts";
import type { Values } from "../entry.ts";

type Indicator = SubmissionDetail["indicators"][number];

/**
 * One indicator table: a row per indicator (and per category option when broken down), the same period a year
 * earlier alongside, and where a registry holds the figure too (the "Dân vận khéo" models, the published
 * evaluation) its figure beside the report's, with the difference. Unusual changes and breakdowns that do not
 * add up say so under the cell.
 */
export function IndicatorTable(props: {
  rows: { indicator: string; by?: string }[];
  indicators: Indicator[];
  input: Values;
  /** The same read into canonical values (what a save sends). */
  values: Values;
  errors: Record<string, string>;
  previous: SubmissionDetail["previous"];
  outliers: SubmissionDetail["checks"]["outliers"];
  /** Breakdowns that do not add up, by indicator: what to say under its total. */
  breakdowns: Record<string, string[]>;
  editable: boolean;
  /** What the registries hold for indicators of the form (null: none). */
  fed: SubmissionDetail["fed"];
  onChange: (code: string, combo: string, value: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const byCode = new Map(props.indicators.map((i) => [i.code, i]));
  // the registers' own figures (reception, letters): read-only, their value is the registry's
  const keptCodes = new Set(props.fed?.kept ?? []);
  const fedCodes = new Set((props.fed?.codes ?? []).filter((c) => !keptCodes.has(c)));
  const withRegistry = props.rows.some((r) => fedCodes.has(r.indicator));
  const show = (code: string, v: string | undefined) =>
    v === undefined ? "—" : byCode.get(code)?.type === "text" ? v : formatValue(v);
  const cells = props.rows.flatMap((r) => {
    const ind = byCode.get(r.indicator);
    if (!ind) return [];
    const name = lang === "en" ? ind.nameEn : ind.nameVi;
    const options = r.by ? (ind.categories[r.by] ?? []) : [];
    return [
      { ind, combo: "", label: name, sub: false },
      ...options.map((o) => ({
        ind,
        combo: `${r.by}=${o}`,
        label: `${name}: ${term(o, lang)}`,
        short: term(o, lang),
        sub: true,
      })),
    ];
  });
  return (
    <WideTable minWidth={600} label={t("reports.figures")}>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("reports.indicator")}</Table.Th>
            <Table.Th>{t("unitOfMeasure")}</Table.Th>
            {props.previous && <Table.Th>{formatSamePeriod(props.previous.periodCode, lang)}</Table.Th>}
            <Table.Th w={220}>{t("reports.value")}</Table.Th>
            {withRegistry && <Table.Th>{t("reports.registryHeld")}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cells.map((cell) => {
            const { ind, combo, label, sub } = cell;
            const err = props.errors[`${ind.code}|${combo}`];
            const outlier = combo === "" ? props.outliers.find((o) => o.indicator === ind.code) : undefined;
            const typed = props.input[ind.code]?.[combo] ?? "";
            const held = fedCodes.has(ind.code) ? props.fed?.values[ind.code]?.[combo] : undefined;
            const breakdown = combo === "" ? (props.breakdowns[ind.code] ?? []) : [];
            return (
              <Table.Tr key={`${ind.code}|${combo}`}>
                <Table.Td pl={sub ? 32 : undefined}>
                  <Text size="sm" fs={sub ? "italic" : undefined}>
                    {sub ? `– ${"short" in cell ? cell.short : label}` : label}
                  </Text>
                </Table.Td>
                <Table.Td>{unitOfMeasure(ind.unitOfMeasure, lang)}</Table.Td>
                {props.previous && (
                  <Table.Td>{show(ind.code, props.previous.values[ind.code]?.[combo])}</Table.Td>
                )}
                <Table.Td>
                  <TextInput
                    size="xs"
                    value={typed}
                    onChange={(e) => props.onChange(ind.code, combo, e.currentTarget.value)}
                    readOnly={!props.editable || keptCodes.has(ind.code)}
                    error={err ?? (breakdown.length ? breakdown.join("; ") : undefined)}
                    description={
                      keptCodes.has(ind.code) && combo === "" ? (
                        <Text span size="xs" c="dimmed" data-testid={`kept-${ind.code}`}>
                          {t("reports.keptFigure")}
                        </Text>
                      ) : outlier ? (
                        <Text span size="xs" c="orange" data-testid={`outlier-${ind.code}`}>
                          {t("reports.outlierText", {
                            previous: formatValue(outlier.previous),
                            current: formatValue(outlier.current),
                          })}
                        </Text>
                      ) : undefined
                    }
                    styles={outlier ? { input: { borderColor: "var(--mantine-color-orange-6)" } } : undefined}
                    inputMode={ind.type === "text" ? "text" : "decimal"}
                    aria-label={label}
                    data-testid={`value-${ind.code}${combo ? `-${combo}` : ""}`}
                  />
                </Table.Td>
                {withRegistry && (
                  <Table.Td
                    data-testid={
                      held !== undefined ? `held-${ind.code}${combo ? `-${combo}` : ""}` : undefined
                    }
                  >
                    {held !== undefined && (
                      <RegistryValue held={held} reported={props.values[ind.code]?.[combo]} lang={lang} />
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </WideTable>
  );
}

/** The registry's figure, and how far the report's is from it. */
function RegistryValue({ held, reported, lang }: { held: string; reported?: string; lang: "vi" | "en" }) {
  const { t } = useTranslation();
  const diff = reported === undefined ? null : add(reported, multiply("-1", held));
  return (
    <Text size="sm">
      {formatValue(held, lang)}
      {diff !== null && diff !== "0" && (
        <Text span size="xs" c="orange" ml={6}>
          {t("reports.reportDiffers", { diff: formatValue(diff, lang) })}
        </Text>
      )}
    </Text>
  );
}
