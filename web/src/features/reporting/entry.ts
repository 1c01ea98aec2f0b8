/**
 * Data entry rules the page runs while the user types: the same pure checks as the server (src/domain), on
 * values typed in the page's language (Vietnamese "2.011", "50,43"; English "2,011", "50.43"), plus the
 * comparison of two stored versions.
 * @module
 */
import { checkValue, type IndicatorType } from "@domain/indicators.ts";
import { withKept } from "@domain/letter-figures.ts";
import { type FormDefinition, formCombos } from "@domain/report-forms.ts";
import {
  breakdownMessage,
  checkBreakdowns,
  checkRule,
  type ValidationRule,
} from "@domain/validation-rules.ts";
import { formatDecimal, type Lang, langOf, parseNumber } from "@domain/vn-format.ts";

export type Values = Record<string, Record<string, string>>;
export interface IndicatorMeta {
  code: string;
  type: IndicatorType;
  /** The largest value a report can give (null: no bound beyond the type's). */
  maxValue?: string | null;
}

/** Stored (canonical) values shown for editing: numbers as the page's language writes them. */
/** What the registers hold for a report: every fed figure, and those that are the report's own (`kept`). */
export interface Held {
  codes: string[];
  values: Values;
  kept: string[];
}

/**
 * A report's cells as the form first shows them: what it holds, with the registers' figures in place of the
 * kept ones (reception and letters kept in danvan: read-only, sent as the registers hold them).
 */
export const initialInput = (values: Values, held: Held | null, indicators: IndicatorMeta[], lang: Lang) =>
  toInput(held ? withKept(values, held.kept, held.values) : values, indicators, lang);

/** True when a registry holds a figure, not kept, that differs from what the report says: worth offering. */
export const heldDiffers = (held: Held | null, values: Values) =>
  (held?.codes ?? []).some(
    (code) =>
      !held?.kept.includes(code) &&
      Object.entries(held?.values[code] ?? {}).some(([combo, v]) => values[code]?.[combo] !== v),
  );

export function toInput(values: Values, indicators: IndicatorMeta[], lang: Lang = "vi"): Values {
  const types = new Map(indicators.map((i) => [i.code, i.type]));
  return Object.fromEntries(
    Object.entries(values).map(([code, combos]) => [
      code,
      Object.fromEntries(
        Object.entries(combos).map(([k, v]) => [k, types.get(code) === "text" ? v : formatDecimal(v, lang)]),
      ),
    ]),
  );
}

/** What the user typed, read into canonical values and per-cell errors ("CODE|combo" → message). */
export function readInput(
  input: Values,
  indicators: IndicatorMeta[],
  lang: string,
): { values: Values; errors: Record<string, string> } {
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const values: Values = {};
  const errors: Record<string, string> = {};
  for (const [code, combos] of Object.entries(input)) {
    const ind = byCode.get(code);
    if (!ind) continue;
    const type = ind.type;
    for (const [combo, raw] of Object.entries(combos)) {
      if (raw.trim() === "") continue;
      const c = checkValue(type, type === "text" ? raw : parseNumber(raw, langOf(lang)), ind.maxValue);
      if (c.ok) values[code] = { ...values[code], [combo]: c.value };
      else errors[`${code}|${combo}`] = lang === "en" ? c.messageEn : c.messageVi;
    }
  }
  return { values, errors };
}

/**
 * What was typed in one language, written as the other writes it, when the page's language changes: "2.011"
 * typed on the Vietnamese page reads "2,011" on the English one (never 2.011). A cell that does not read as a
 * number stays as typed, for its error to show.
 */
export function relang(input: Values, indicators: IndicatorMeta[], from: Lang, to: Lang): Values {
  if (from === to) return input;
  const types = new Map(indicators.map((i) => [i.code, i.type]));
  return Object.fromEntries(
    Object.entries(input).map(([code, combos]) => [
      code,
      Object.fromEntries(
        Object.entries(combos).map(([k, raw]) => {
          const type = types.get(code);
          if (!type || type === "text" || raw.trim() === "") return [k, raw];
          const c = checkValue(type, parseNumber(raw, from));
          return [k, c.ok ? formatDecimal(c.value, to) : raw];
        }),
      ),
    ]),
  );
}

export interface RuleMessage extends ValidationRule {
  messageVi: string;
  messageEn: string;
}

/** The form's rules that the current totals break, errors first. */
export function brokenRules(rules: RuleMessage[], values: Values) {
  const totals = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v[""]]));
  return rules
    .map((rule) => ({ rule, outcome: checkRule(rule, totals) }))
    .filter((r) => r.outcome.status === "violated")
    .sort((a, b) => (a.rule.severity === b.rule.severity ? 0 : a.rule.severity === "error" ? -1 : 1));
}

/** An indicator as the breakdown check needs it: its names, how it adds up and its breakdowns. */
export interface BreakdownIndicator {
  code: string;
  nameVi: string;
  nameEn: string;
  aggregation: string;
  categories: Record<string, string[]>;
}

/**
 * Breakdowns that cannot be (parts above the total), checked as the server checks them: what to say under
 * each indicator's total, in the page's language.
 */
export function breakdownProblems(
  form: Pick<FormDefinition, "sections">,
  indicators: BreakdownIndicator[],
  values: Values,
  lang: Lang,
): Record<string, string[]> {
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const combos = formCombos(form, (code) => byCode.get(code)?.categories);
  const additive = new Set(indicators.filter((i) => i.aggregation === "sum").map((i) => i.code));
  const out: Record<string, string[]> = {};
  for (const p of checkBreakdowns(values, combos, additive)) {
    const ind = byCode.get(p.indicator);
    const m = breakdownMessage(p, { vi: ind?.nameVi ?? p.indicator, en: ind?.nameEn ?? p.indicator });
    out[p.indicator] = [...(out[p.indicator] ?? []), lang === "en" ? m.messageEn : m.messageVi];
  }
  return out;
}

export interface Change {
  kind: "value" | "narrative";
  key: string;
  before: string | undefined;
  after: string | undefined;
}

/** What changed between two versions: every value cell and every narrative section that differs. */
export function diffVersions(
  a: { values: Values; narrative: Record<string, string> },
  b: { values: Values; narrative: Record<string, string> },
): Change[] {
  const out: Change[] = [];
  const codes = [...new Set([...Object.keys(a.values), ...Object.keys(b.values)])].sort();
  for (const code of codes) {
    const combos = [
      ...new Set([...Object.keys(a.values[code] ?? {}), ...Object.keys(b.values[code] ?? {})]),
    ].sort();
    for (const combo of combos) {
      const before = a.values[code]?.[combo];
      const after = b.values[code]?.[combo];
      if (before !== after)
        out.push({ kind: "value", key: combo ? `${code} (${combo})` : code, before, after });
    }
  }
  const keys = [...new Set([...Object.keys(a.narrative), ...Object.keys(b.narrative)])].sort();
  for (const key of keys) {
    if (a.narrative[key] !== b.narrative[key]) {
      out.push({ kind: "narrative", key, before: a.narrative[key], after: b.narrative[key] });
    }
  }
  return out;
}

/**
 * Figures and texts brought into a draft (from the units below, or a registry): each cell or section that is
 * empty takes what comes; one already typed keeps it unless `overwrite`. Says how many it filled and kept, so
 * the page can tell the official, and nothing typed is replaced without being asked.
 */
export function mergeInto(
  cur: { input: Values; narrative: Record<string, string> },
  incoming: { input: Values; narrative: Record<string, string> },
  overwrite: boolean,
): { input: Values; narrative: Record<string, string>; filled: number; kept: number } {
  let filled = 0;
  let kept = 0;
  const input: Values = { ...cur.input };
  for (const [code, combos] of Object.entries(incoming.input)) {
    const row = { ...input[code] };
    for (const [combo, v] of Object.entries(combos)) {
      const typed = row[combo]?.trim() ?? "";
      if (typed === v) continue;
      if (typed !== "" && !overwrite) kept++;
      else {
        row[combo] = v;
        filled++;
      }
    }
    input[code] = row;
  }
  const narrative = { ...cur.narrative };
  for (const [key, text] of Object.entries(incoming.narrative)) {
    const typed = narrative[key]?.trim() ?? "";
    if (typed === text.trim()) continue;
    if (typed !== "" && !overwrite) kept++;
    else {
      narrative[key] = text;
      filled++;
    }
  }
  return { input, narrative, filled, kept };
}
