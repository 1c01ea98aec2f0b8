/**
 * What a report holds and how it is checked: the form's indicators from the catalogue, the values fed from
 * the models registry and the published evaluation results, the values and narrative cleaned to their
 * canonical form, and the checks (types, breakdowns, the form's rules, outliers against last year).
 * @module
 */
import type {
  Db,
  IndicatorRow,
  ReportFormRow,
  ReportRequestRow,
  SubmissionNarrative,
  SubmissionRow,
  SubmissionValues,
} from "../../../db/database.ts";
import type { Kept } from "../../../db/kept.ts";
import { FED_INDICATORS, fedValues } from "../../../domain/dvk-models.ts";
import { checkValue, type IndicatorType } from "../../../domain/indicators.ts";
import {
  isReceptionOrLetterCode,
  LETTER_FED,
  letterValues,
  RECEPTION_FED,
  receptionValues,
} from "../../../domain/letter-figures.ts";
import { formCombos, formIndicators } from "../../../domain/report-forms.ts";
import { breakdownMessage, checkBreakdowns, checkRule, isOutlier } from "../../../domain/validation-rules.ts";
import { errors } from "../../../errors.ts";
import { EVALUATION_FED, evaluationValues } from "../../evaluations/evaluation-results.service.ts";
import { catalogue as indicatorCatalogue } from "../../indicators/catalogue.ts";
import { letterCounts } from "../../letters/letters.service.ts";
import { registryCounts } from "../../models/model-counts.service.ts";
import { receptionFigures, receptionKeptSince } from "../../reception/reception.service.ts";

/** The form's indicators from the catalogue, in the form's order. */
export async function catalogueFor(db: Db, kept: Kept, form: ReportFormRow) {
  return catalogueOf(await indicatorCatalogue(db, kept), form);
}

/** Per catalogue (it is held while its revision stands) and per form version (held by requireForm). */
export const catalogues = new WeakMap<
  readonly IndicatorRow[],
  WeakMap<ReportFormRow, ReadonlyMap<string, IndicatorRow>>
>();

export function catalogueOf(
  indicators: readonly IndicatorRow[],
  form: ReportFormRow,
): ReadonlyMap<string, IndicatorRow> {
  let byForm = catalogues.get(indicators);
  if (!byForm) {
    byForm = new WeakMap();
    catalogues.set(indicators, byForm);
  }
  const held = byForm.get(form);
  if (held) return held;
  const all = new Map(indicators.map((i) => [i.code, i]));
  const out = new Map(
    formIndicators({ sections: form.sections }).flatMap((code) => {
      const i = all.get(code);
      return i ? [[code, i] as const] : [];
    }),
  );
  byForm.set(form, out);
  return out;
}

export type Fed = Awaited<ReturnType<typeof fedFor>>;
/** The totals of a set of values (kept with it: a submit checks them, then answers with the same checks). */
export const totalsHeld = new WeakMap<SubmissionValues, Record<string, string | undefined>>();
export function totalsOf(values: SubmissionValues): Record<string, string | undefined> {
  let out = totalsHeld.get(values);
  if (!out) {
    out = {};
    for (const code in values) out[code] = values[code]?.[""];
    totalsHeld.set(values, out);
  }
  return out;
}

/** The indicators of a form whose breakdowns must add up (counts summed over units), per form version. */
export const additiveHeld = new WeakMap<ReadonlyMap<string, IndicatorRow>, ReadonlySet<string>>();
export function additiveOf(catalogue: ReadonlyMap<string, IndicatorRow>): ReadonlySet<string> {
  let held = additiveHeld.get(catalogue);
  if (!held) {
    held = new Set([...catalogue.values()].filter((i) => i.aggregation === "sum").map((i) => i.code));
    additiveHeld.set(catalogue, held);
  }
  return held;
}

/**
 * Rule outcomes, breakdowns that cannot be and outliers for a set of values (the same checks the web runs
 * while typing).
 */
export function checks(
  form: ReportFormRow,
  catalogue: ReadonlyMap<string, IndicatorRow>,
  values: SubmissionValues,
  previous: SubmissionValues | null,
) {
  const breakdowns = checkBreakdowns(values, combosOfForm(catalogue, form), additiveOf(catalogue)).map(
    (p) => {
      const ind = catalogue.get(p.indicator);
      return {
        ...p,
        ...breakdownMessage(p, { vi: ind?.name_vi ?? p.indicator, en: ind?.name_en ?? p.indicator }),
      };
    },
  );
  const totals = totalsOf(values);
  const rules = form.rules.map((r, i) => ({ index: i, rule: r, outcome: checkRule(r, totals) }));
  const outliers = previous
    ? Object.entries(totals).flatMap(([code, v]) => {
        const p = previous[code]?.[""];
        if (
          v === undefined ||
          v === "" ||
          p === undefined ||
          Number.isNaN(Number(v)) ||
          Number.isNaN(Number(p))
        )
          return [];
        return isOutlier(p, v, form.outlier_percent) ? [{ indicator: code, previous: p, current: v }] : [];
      })
    : [];
  return {
    breakdowns,
    violations: rules
      .filter((r) => r.outcome.status === "violated")
      .map((r) => ({
        index: r.index,
        severity: r.rule.severity,
        messageVi: r.rule.messageVi,
        messageEn: r.rule.messageEn,
        left: r.outcome.status === "violated" ? r.outcome.left : "",
        right: r.outcome.status === "violated" ? r.outcome.right : "",
      })),
    outliers,
  };
}

/** The breakdowns of an indicator the form does not break down: the total alone. */
export const TOTAL_ONLY: readonly string[] = [""];
/** The field path of an entered value in a validation error ("values.CODE.total"). */
export const valueField = (code: string, combo: string) => `values.${code}.${combo || "total"}`;
/** The breakdowns each indicator of the form takes, per form version (its catalogue is held per version). */
export const combosHeld = new WeakMap<ReadonlyMap<string, IndicatorRow>, ReadonlyMap<string, string[]>>();
export function combosOfForm(catalogue: ReadonlyMap<string, IndicatorRow>, form: ReportFormRow) {
  let held = combosHeld.get(catalogue);
  if (!held) {
    held = formCombos(form, (code) => catalogue.get(code)?.categories);
    combosHeld.set(catalogue, held);
  }
  return held;
}

/**
 * Checks entered values against the form and the catalogue; every problem at once, as field paths. Values are
 * kept in their canonical form ("1.50" → "1.5", blanks dropped). Usually they are typed that way already:
 * then the input itself is the answer and nothing is copied (a deadline burst checks 60 values of 200
 * reports at once, and every copy is garbage the server must collect while the reports wait).
 */
export async function cleanValues(
  db: Db,
  kept: Kept,
  form: ReportFormRow,
  raw: Record<string, Record<string, string>>,
) {
  const catalogue = await catalogueFor(db, kept, form);
  const combosOf = combosOfForm(catalogue, form);
  const problems: { field: string; messageVi: string; messageEn: string }[] = [];
  let asTyped = true;
  // plain loops: no closures or arrays per value
  for (const code in raw) {
    const combos = raw[code] as Record<string, string>;
    const ind = catalogue.get(code);
    if (!ind) {
      problems.push({
        field: `values.${code}`,
        messageVi: `Chỉ tiêu ${code} không có trong biểu mẫu`,
        messageEn: `${code} is not on the form`,
      });
      continue;
    }
    const allowed = combosOf.get(code) ?? TOTAL_ONLY;
    let anyKept = false;
    for (const combo in combos) {
      const value = combos[combo] as string;
      if (!allowed.includes(combo)) {
        problems.push({
          field: valueField(code, combo),
          messageVi: `Phân tổ không hợp lệ: ${combo}`,
          messageEn: `Unknown breakdown: ${combo}`,
        });
        continue;
      }
      if (value.trim() === "") {
        asTyped = false;
        continue;
      }
      const c = checkValue(ind.type as IndicatorType, value, ind.max_value);
      if (!c.ok) {
        problems.push({
          field: valueField(code, combo),
          messageVi: c.messageVi,
          messageEn: c.messageEn,
        });
        continue;
      }
      if (c.value !== value) asTyped = false;
      anyKept = true;
    }
    if (!anyKept) asTyped = false;
  }
  if (problems.length) throw errors.validation(problems);
  if (asTyped) return raw as SubmissionValues;
  // something to drop or to write canonically: a copy (every value checked above)
  const out: SubmissionValues = {};
  for (const code in raw) {
    const combos = raw[code] as Record<string, string>;
    const ind = catalogue.get(code) as IndicatorRow;
    let cleanedCombos: Record<string, string> | undefined;
    for (const combo in combos) {
      const value = combos[combo] as string;
      if (value.trim() === "") continue;
      const c = checkValue(ind.type as IndicatorType, value, ind.max_value);
      if (c.ok) {
        cleanedCombos ??= {};
        cleanedCombos[combo] = c.value;
      }
    }
    if (cleanedCombos) out[code] = cleanedCombos;
  }
  return out;
}

export function cleanNarrative(form: ReportFormRow, raw: Record<string, string>): SubmissionNarrative {
  const keys = new Set(form.sections.filter((s) => s.kind === "narrative").map((s) => s.key));
  const bad = Object.keys(raw).filter((k) => !keys.has(k));
  if (bad.length) {
    throw errors.validation(
      bad.map((k) => ({
        field: `narrative.${k}`,
        messageVi: `Không có mục ${k} để viết`,
        messageEn: `No narrative section ${k}`,
      })),
    );
  }
  return Object.fromEntries(Object.entries(raw).filter(([, v]) => v.trim() !== ""));
}

/**
 * The figures a registry holds for indicators of the form, for the period's year (its end): the model counts
 * of the "Dân vận khéo" registry under the reporting unit (once the province keeps its models there that
 * year: see models.service registryCounts) and the unit's published dân vận chính quyền result (score, band,
 * rank, PAR Index and SIPAS ranks), shown beside what the report says, with the difference, for the unit to take
 * them in one action, never written over what it typed; for the period itself, reception and letters
 * (src/domain/letter-figures.ts): where the province kept its reception in danvan from the period's first day
 * (`kept`), these are the report's own figures, read-only in the form and written at every save and at sending.
 * Null when none applies.
 */
export async function fedFor(db: Db, kept: Kept, l: Loaded, forWrite = false) {
  const onForm = formIndicators({ sections: l.form.sections });
  const modelCodes = onForm.filter((c) => c in FED_INDICATORS);
  const evaluationCodes = onForm.filter((c) => (EVALUATION_FED as readonly string[]).includes(c));
  // a write needs the registers' figures only where they are the report's own: a province that does not keep
  // its reception in danvan for the whole period is not read for them (its page shows them, a write does not)
  const registers =
    !forWrite ||
    !onForm.some(isReceptionOrLetterCode) ||
    ((await receptionKeptSince(db, l.sub.province_code)) ?? "9999-12-31") <= l.request.period_start;
  const letterCodes = registers ? onForm.filter((c) => c in LETTER_FED) : [];
  const receptionCodes = registers ? onForm.filter((c) => c in RECEPTION_FED) : [];
  if (!modelCodes.length && !evaluationCodes.length && !letterCodes.length && !receptionCodes.length)
    return null;
  const year = Number(l.request.period_end.slice(0, 4));
  const { period_start: from, period_end: to } = l.request;
  const { unit_code: unit, province_code: province } = l.sub;
  // the sources are asked at the same time (one round trip, not four)
  const [models, evaluation, letters, reception] = await Promise.all([
    modelCodes.length
      ? Promise.all([catalogueFor(db, kept, l.form), registryCounts(db, kept, unit, province, year)])
      : null,
    evaluationCodes.length ? evaluationValues(db, kept, unit, year, evaluationCodes) : null,
    // the letters received and resolved, and reception, in the report's period
    letterCodes.length
      ? Promise.all([catalogueFor(db, kept, l.form), letterCounts(db, unit, province, from, to)])
      : null,
    letterCodes.length || receptionCodes.length
      ? receptionFigures(
          db,
          unit,
          province,
          from,
          to,
          receptionCodes.includes("RECEPTION_DAYS_SCHEDULED") ? { kept } : null,
        )
      : null,
  ]);
  const values: SubmissionValues = {};
  if (models?.[1]) {
    const [catalogue, counts] = models;
    Object.assign(values, fedValues(counts.rows, counts.fieldNames, combosOfForm(catalogue, l.form)));
  }
  if (evaluation) Object.assign(values, evaluation);
  if (letters) Object.assign(values, letterValues(letters[1], combosOfForm(letters[0], l.form)));
  if (reception) Object.assign(values, receptionValues(reception.figures, receptionCodes));
  const codes = Object.keys(values);
  // the province's reception and letters are in danvan for the whole period: their figures are the report's
  const since = reception?.keptSince ?? null;
  const keptCodes = since !== null && since <= from ? [...letterCodes, ...receptionCodes] : [];
  return codes.length ? { codes, year, values, kept: keptCodes.filter((c) => c in values) } : null;
}

export type Previous = { periodCode: string; values: SubmissionValues } | null;

/** A report loaded with what every reading of it needs. */
export interface Loaded {
  sub: SubmissionRow;
  unitName: string;
  request: ReportRequestRow;
  form: ReportFormRow;
  /** The unit's values for the same period a year earlier (read with the submission), if it reported them. */
  previous: Previous;
}
