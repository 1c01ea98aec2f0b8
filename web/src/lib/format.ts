/**
 * Display helpers of the web: the server's pure rules (src/domain/vn-format.ts, dates.ts, periods.ts) in the
 * page's language, so text, tables, badges, charts and exports write numbers, dates and periods one way:
 * Vietnamese 2.500 and 50,43%; English 2,500 and 50.43%.
 */

import { formatDateVi, todayInVietnam } from "@domain/dates.ts";
import { periodLabelOrCode, samePeriodLabel } from "@domain/periods.ts";
import {
  formatDecimal as decimalIn,
  type Lang,
  langOf,
  formatNumber as numberIn,
  formatPercent as percentIn,
} from "@domain/vn-format.ts";
import i18n from "i18next";

/** The page's language (Vietnamese unless English was chosen). */
export const pageLang = (): Lang => langOf(i18n.language);

/** dd/MM/yyyy, or a dash for an open date. */
export function formatDate(iso: string | null | undefined): string {
  return iso ? formatDateVi(iso.slice(0, 10)) : "—";
}

/** A date and time in Việt Nam's time zone: "01/12/2026 09:05". */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  const day = todayInVietnam(d);
  const time = d.toLocaleTimeString("en-GB", {
    timeZone: "Asia/Ho_Chi_Minh",
    hour: "2-digit",
    minute: "2-digit",
  });
  return `${formatDateVi(day)} ${time}`;
}

/** 2011 → "2.011" (vi) / "2,011" (en). */
export const formatNumber = (n: number, decimals = 0, lang: Lang = pageLang()) => numberIn(n, lang, decimals);

/** An exact decimal from the API ("2011", "50.43"), or a dash for none. */
export const formatValue = (v: string | null | undefined, lang: Lang = pageLang()) =>
  v === null || v === undefined || v === "" ? "—" : decimalIn(v, lang);

/** 50.43 → "50,43%" / "50.43%". */
export const formatPercent = (n: number, decimals = 2, lang: Lang = pageLang()) =>
  percentIn(n, lang, decimals);

/** A period code in words: "2026S2" → "6 tháng cuối năm 2026" / "Second half of 2026". */
export const formatPeriod = (code: string, lang: Lang = pageLang()) => periodLabelOrCode(code, lang);

/** "Cùng kỳ 6 tháng đầu năm 2025" / "Same period, first half of 2025". */
export const formatSamePeriod = (code: string, lang: Lang = pageLang()) => samePeriodLabel(code, lang);

export const todayIso = () => todayInVietnam();
