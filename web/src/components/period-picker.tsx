import {
  type PeriodChoice,
  PeriodError,
  parsePeriod,
  periodChoiceOf,
  periodCodeOf,
  periodLabel,
} from "@domain/periods.ts";
import { langOf } from "@domain/vn-format.ts";
import { Group, Select, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DateField } from "./date-field.tsx";

/** What the picker gives: a period code, or an ad-hoc window (from one date to another). */
export type PeriodValue = { code: string } | { start: string | null; end: string | null };

const TYPES = [
  "year",
  "half_year",
  "second_half",
  "nine_months",
  "quarter",
  "month",
  "multi_year",
  "ad_hoc",
] as const;
type Kind = (typeof TYPES)[number];

const ROMAN = ["I", "II", "III", "IV"];

/** The period a value names in words ("6 tháng cuối năm 2026"), or null while it is not a period yet. */
export function periodValueLabel(v: PeriodValue, lang: "vi" | "en"): string | null {
  try {
    if ("code" in v) return periodLabel(parsePeriod(v.code), lang);
    if (!v.start || !v.end) return null;
    const d = (x: string) => x.split("-").reverse().join("/");
    return lang === "vi" ? `Từ ${d(v.start)} đến ${d(v.end)}` : `${d(v.start)} to ${d(v.end)}`;
  } catch (e) {
    if (e instanceof PeriodError) return null;
    throw e;
  }
}

/**
 * Chooses a reporting period in words: its kind (năm, 6 tháng đầu năm, 6 tháng cuối năm, 9 tháng, quý,
 * tháng, nhiều năm, đột xuất), then its year and the quarter or month, the last year, or the dates of an
 * ad-hoc window. Says the period it makes under it ("6 tháng cuối năm 2026"); the code stays the API's.
 */
export function PeriodPicker({
  value,
  onChange,
  label,
  years = 12,
  allowAdHoc = true,
  error,
}: {
  value: PeriodValue;
  onChange: (v: PeriodValue) => void;
  label?: string;
  /** How many years back from next year to offer. */
  years?: number;
  allowAdHoc?: boolean;
  error?: string | null;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const thisYear = new Date().getFullYear();
  const yearList = Array.from({ length: years }, (_, i) => String(thisYear + 1 - i));
  const choice: PeriodChoice | null = "code" in value ? periodChoiceOf(value.code) : null;
  const kind: Kind = "code" in value ? (choice?.type ?? "year") : "ad_hoc";
  const set = (c: PeriodChoice) => {
    try {
      onChange({ code: periodCodeOf(c) });
    } catch (e) {
      if (!(e instanceof PeriodError)) throw e;
    }
  };
  const year = choice?.year ?? thisYear;
  const words = periodValueLabel(value, lang);
  return (
    <Stack gap={4}>
      <Group align="end" gap="xs" wrap="wrap">
        <Select
          label={label ?? t("period.label")}
          w={200}
          allowDeselect={false}
          value={kind}
          onChange={(k) => {
            if (!k) return;
            if (k === "ad_hoc") onChange({ start: null, end: null });
            else
              set({
                type: k as PeriodChoice["type"],
                year,
                ...(k === "quarter" ? { part: 1 } : k === "month" ? { part: 1 } : {}),
                ...(k === "multi_year" ? { year: year - 2, endYear: year } : {}),
              });
          }}
          data={TYPES.filter((k) => allowAdHoc || k !== "ad_hoc").map((k) => ({
            value: k,
            label: t(`period.kinds.${k}`),
          }))}
          data-testid="period-kind"
        />
        {kind !== "ad_hoc" && (
          <Select
            label={kind === "multi_year" ? t("period.fromYear") : t("period.year")}
            w={110}
            allowDeselect={false}
            value={String(year)}
            onChange={(y) => y && choice && set({ ...choice, year: Number(y) })}
            data={yearList}
            data-testid="period-year"
          />
        )}
        {kind === "quarter" && (
          <Select
            label={t("period.quarter")}
            w={110}
            allowDeselect={false}
            value={String(choice?.part ?? 1)}
            onChange={(q) => q && choice && set({ ...choice, part: Number(q) })}
            data={ROMAN.map((r, i) => ({
              value: String(i + 1),
              label: t("period.quarterN", { n: i + 1, roman: r }),
            }))}
          />
        )}
        {kind === "month" && (
          <Select
            label={t("period.month")}
            w={130}
            allowDeselect={false}
            value={String(choice?.part ?? 1)}
            onChange={(m) => m && choice && set({ ...choice, part: Number(m) })}
            data={Array.from({ length: 12 }, (_, i) => ({
              value: String(i + 1),
              label: t("period.monthN", { n: i + 1 }),
            }))}
          />
        )}
        {kind === "multi_year" && (
          <Select
            label={t("period.toYear")}
            w={110}
            allowDeselect={false}
            value={String(choice?.endYear ?? year + 2)}
            onChange={(y) => y && choice && set({ ...choice, endYear: Number(y) })}
            data={yearList.filter((y) => Number(y) > year)}
          />
        )}
        {kind === "ad_hoc" && "start" in value && (
          <>
            <DateField
              label={t("period.from")}
              w={150}
              value={value.start}
              onChange={(start) => onChange({ ...value, start })}
            />
            <DateField
              label={t("period.to")}
              w={150}
              value={value.end}
              onChange={(end) => onChange({ ...value, end })}
            />
          </>
        )}
      </Group>
      {(error || words) && (
        <Text size="sm" c={error ? "red" : "dimmed"} data-testid="period-words">
          {error ?? words}
        </Text>
      )}
    </Stack>
  );
}
