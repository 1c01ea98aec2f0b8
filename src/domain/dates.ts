/**
 * Calendar dates as plain `YYYY-MM-DD` strings (no time zone), and their Vietnamese display form.
 *
 * Source for the display form: NĐ 30/2020/NĐ-CP, Phụ lục I (dates written in full; days 01–09 and months
 * 01–02 with a leading zero in document headers); on screens we use dd/MM/yyyy throughout.
 * @module
 */

export type IsoDate = string & { readonly __brand?: "IsoDate" };

/**
 * The first day of two-tier local government: districts abolished, 34 provinces and 3,321 communes (NQ
 * 202/2025/QH15 and NQ 203/2025/QH15, in force 01/7/2025; RULES.md §1g). Figures of periods before it are
 * those of the units of the time, counted in today's units through the successor links.
 */
export const TWO_TIER_FROM = "2025-07-01";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date in `YYYY-MM-DD` form: 2025-02-29 and 2025-13-40 are rejected. */
export function isIsoDate(value: string): value is IsoDate {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Today's date in Viet Nam (UTC+7), whatever the server's zone. */
export function todayInVietnam(now: Date = new Date()): IsoDate {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** The day before a date. */
export function previousDay(date: IsoDate): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** dd/MM/yyyy, e.g. 2025-07-01 → 01/07/2025. */
export function formatDateVi(date: IsoDate): string {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not an ISO date: ${date}`);
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/**
 * A date typed as on screens, day first: "31/12/2026", "1/7/2025" (also with "-" or "."), as an ISO date;
 * null for anything else, including a day the month does not have (31/02/2026) and a two-digit year.
 */
export function parseDateVi(text: string): IsoDate | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const iso = `${m[3]}-${(m[2] as string).padStart(2, "0")}-${(m[1] as string).padStart(2, "0")}`;
  return isIsoDate(iso) ? iso : null;
}

/** True when `date` lies in the inclusive window [from, to]; null bounds are open. */
export function isWithin(date: IsoDate, from: IsoDate | null, to: IsoDate | null): boolean {
  return (from === null || from <= date) && (to === null || date <= to);
}

/** The date `n` days after `date` (before it for a negative `n`). */
export function addDays(date: IsoDate, n: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
