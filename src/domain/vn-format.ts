/**
 * Number display in both languages of the app, the one module every page, chart, table, export and document
 * uses. Vietnamese: "." groups thousands and "," marks decimals (2.011; 50,43%), as TCVN 7217 conventions are
 * used in every official report (e.g. the Bắc Kạn review: "2.011 mô hình"). English: "," groups and "." marks
 * decimals (2,011; 50.43%).
 * @module
 */

export type Lang = "vi" | "en";

const SEPARATORS: Record<Lang, { group: string; decimal: string }> = {
  vi: { group: ".", decimal: "," },
  en: { group: ",", decimal: "." },
};

/** The language code of the page ("en", "en-GB" → English; anything else → Vietnamese). */
export const langOf = (language: string | undefined): Lang => (language?.startsWith("en") ? "en" : "vi");

function grouped(whole: string, lang: Lang): string {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, SEPARATORS[lang].group);
}

/** 2011 → "2.011" (vi) / "2,011" (en); 1234.5 with 2 decimals → "1.234,50" / "1,234.50". */
export function formatNumber(value: number, lang: Lang, decimals = 0): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole = "0", fraction] = fixed.split(".");
  const sign = value < 0 && Number(fixed) !== 0 ? "-" : "";
  const g = grouped(whole, lang);
  return fraction ? `${sign}${g}${SEPARATORS[lang].decimal}${fraction}` : `${sign}${g}`;
}

/** An exact decimal string: "2011" → "2.011" / "2,011"; "50.43" → "50,43" / "50.43". */
export function formatDecimal(value: string, lang: Lang): string {
  const neg = value.startsWith("-");
  const [whole = "0", fraction] = value.replace("-", "").split(".");
  return `${neg ? "-" : ""}${grouped(whole, lang)}${fraction ? `${SEPARATORS[lang].decimal}${fraction}` : ""}`;
}

/** 50.43 → "50,43%" / "50.43%". */
export function formatPercent(value: number, lang: Lang, decimals = 2): string {
  return `${formatNumber(value, lang, decimals)}%`;
}

/**
 * A value with its unit of measure, the way each language writes it: "2.011 mô hình", "50,43%" (a percent
 * sign sits on the number); "1 model" / "2,011 models" once the unit is translated by the caller.
 */
export function withUnit(formatted: string, unit: string): string {
  if (!unit) return formatted;
  return unit === "%" ? `${formatted}%` : `${formatted} ${unit}`;
}

/** 2011 → "2.011"; 1234.5 with 2 decimals → "1.234,50". */
export const formatNumberVi = (value: number, decimals = 0) => formatNumber(value, "vi", decimals);
/** 50.43 → "50,43%". */
export const formatPercentVi = (value: number, decimals = 2) => formatPercent(value, "vi", decimals);
/** An exact decimal string in Vietnamese form: "2011" → "2.011", "50.43" → "50,43", "-1234.5" → "-1.234,5". */
export const formatDecimalVi = (value: string) => formatDecimal(value, "vi");
/** An exact decimal string in English form: "2011" → "2,011", "50.43" → "50.43". */
export const formatDecimalEn = (value: string) => formatDecimal(value, "en");

/**
 * Reads a number typed the Vietnamese way into canonical form: "2.011" → "2011", "50,43" → "50.43",
 * "4.500.000,5" → "4500000.5". A dot not followed by groups of three digits is taken as a decimal point
 * ("2.5" → "2.5"), as typed on an English keyboard. Anything else is returned trimmed, for the caller to reject.
 */
export function parseNumberVi(input: string): string {
  const s = input.trim().replace(/\s/g, "");
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) return s.replace(/\./g, "").replace(",", ".");
  if (/^-?\d+,\d+$/.test(s)) return s.replace(",", ".");
  return s;
}

/**
 * Reads a number typed the English way: "2,011" → "2011", "1,234,567.5" → "1234567.5", "50.43" → "50.43".
 * A comma not followed by groups of three digits is taken as a decimal comma ("2,5" → "2.5"), as typed by a
 * Vietnamese hand on the English page. Anything else is returned trimmed, for the caller to reject.
 */
export function parseNumberEn(input: string): string {
  const s = input.trim().replace(/\s/g, "");
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) return s.replace(/,/g, "");
  if (/^-?\d+,\d+$/.test(s)) return s.replace(",", ".");
  return s;
}

/** A number typed on a page in its language, in canonical form (see parseNumberVi, parseNumberEn). */
export const parseNumber = (input: string, lang: Lang) =>
  lang === "en" ? parseNumberEn(input) : parseNumberVi(input);
