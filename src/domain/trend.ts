/**
 * Change against the same period of the previous year, as official reports write it: "tăng 12,5% so với cùng
 * kỳ", "giảm 3,2% so với cùng kỳ", "bằng cùng kỳ" (e.g. the Bắc Kạn review's comparisons). Exact decimals,
 * one decimal place, rounded half away from zero. Pure, no I/O.
 * @module
 */
import { add, compare, divide, multiply } from "./decimal.ts";
import { formatDecimal } from "./vn-format.ts";

export interface Change {
  direction: "up" | "down" | "same" | "new";
  /** Percent with one decimal, absolute ("12.5"); null when there was nothing to compare with. */
  percent: string | null;
}

export function change(previous: string, current: string): Change {
  if (compare(previous, current) === 0) return { direction: "same", percent: "0" };
  if (compare(previous, "0") === 0) return { direction: "new", percent: null };
  const pct = divide(multiply(add(current, multiply("-1", previous)), "100"), previous, 1);
  const neg = pct.startsWith("-");
  return { direction: neg ? "down" : "up", percent: neg ? pct.slice(1) : pct };
}

export function changeText(c: Change, lang: "vi" | "en"): string {
  const pct = c.percent === null ? "" : `${formatDecimal(c.percent, lang)}%`;
  switch (c.direction) {
    case "same":
      return lang === "vi" ? "bằng cùng kỳ" : "same as a year earlier";
    case "new":
      return lang === "vi" ? "cùng kỳ chưa có số liệu" : "nothing a year earlier";
    case "up":
      return lang === "vi" ? `tăng ${pct} so với cùng kỳ` : `up ${pct} on a year earlier`;
    case "down":
      return lang === "vi" ? `giảm ${pct} so với cùng kỳ` : `down ${pct} on a year earlier`;
  }
}
