/**
 * Citizen reception (tiếp công dân) on its legal schedule: how often each leader must receive citizens in
 * person, the days a schedule gives (a day that falls on a day off moves to the next working day), whether a
 * month's schedule and the sessions held meet the minimum, and whether a deputy may receive in the leader's
 * place. The minimums are data, effective-dated, with a unit's stricter rules beside the law's; an
 * administrator's stored rules take precedence from their date. Pure, no I/O.
 *
 * Sources (RULES.md §1c):
 * - Luật Tiếp công dân 2013 (42/2013/QH13): the chair of a province's People's Committee receives in person at
 *   least 1 day a month (Art. 13), of a district's 2 days a month (Art. 14), of a commune's 1 day a week at the
 *   commune's seat (Art. 15(2)). Confirmed.
 * - NĐ 64/2014/NĐ-CP, Art. 4: the head of a State agency at least 1 day a month. Confirmed.
 * - The regular reception office (nơi tiếp công dân thường xuyên) receives on every working day. Partly
 *   confirmed.
 * - A scheduled day that falls on a holiday moves to the next working day (provincial schedules). Partly
 *   confirmed.
 * - Luật 136/2025/QH15, from 01/7/2026: a leader may no longer have a deputy receive in their place.
 *   Confirmed. The commune chair's minimum after it is not confirmed (the draft said 2 days a month).
 * - Stricter local rules, e.g. Tháp Mười: the heads of the district's departments 1 day a week (its 2024
 *   report), are stored for their unit with the same shape.
 * @module
 */
import { addDays, daysInMonth, type IsoDate } from "./dates.ts";
import type { Confidence } from "./letter-clock.ts";

export const RECEIVER_ROLES = [
  "province_chair",
  "district_chair",
  "commune_chair",
  "agency_head",
  "reception_office",
] as const;
export type ReceiverRole = (typeof RECEIVER_ROLES)[number];

export const RECEIVER_ROLE_NAMES: Record<ReceiverRole, { vi: string; en: string }> = {
  province_chair: { vi: "Chủ tịch UBND tỉnh", en: "Chair of the provincial People's Committee" },
  district_chair: { vi: "Chủ tịch UBND huyện", en: "Chair of the district People's Committee" },
  commune_chair: { vi: "Chủ tịch UBND xã", en: "Chair of the commune People's Committee" },
  agency_head: { vi: "Thủ trưởng cơ quan", en: "Head of an agency" },
  reception_office: { vi: "Nơi tiếp công dân thường xuyên", en: "Regular reception office" },
};

/** A minimum: `days` a week or a month (or every working day), from a date, for everyone or one unit's leaders. */
export interface ReceptionRule {
  role: ReceiverRole;
  days: number;
  per: "week" | "month" | "working_day";
  validFrom: IsoDate;
  /** a unit's own stricter rule (its code); null: the law's, for all */
  unitCode: string | null;
  source: string;
  confidence: Confidence;
}

const LAW = "Luật Tiếp công dân 2013";
const law = (role: ReceiverRole, days: number, per: ReceptionRule["per"], source: string, c: Confidence) => ({
  role,
  days,
  per,
  validFrom: "2014-07-01",
  unitCode: null,
  source,
  confidence: c,
});

export const DEFAULT_RECEPTION_RULES: readonly ReceptionRule[] = [
  law("province_chair", 1, "month", `${LAW}, Điều 13`, "confirmed"),
  law("district_chair", 2, "month", `${LAW}, Điều 14`, "confirmed"),
  law("commune_chair", 1, "week", `${LAW}, Điều 15`, "confirmed"),
  law("agency_head", 1, "month", "Nghị định 64/2014/NĐ-CP, Điều 4", "confirmed"),
  law("reception_office", 1, "working_day", LAW, "partly"),
];

/** From this day a deputy may no longer receive in the leader's place (Luật 136/2025/QH15). */
export const NO_DELEGATION_FROM = "2026-07-01";

/** Whether a deputy may receive for the leader on `date`. */
export function delegationAllowed(date: IsoDate): boolean {
  return date < NO_DELEGATION_FROM;
}

/**
 * The minimum for `role` at a unit on `date`: the unit's own rule (or an ancestor's) when stricter rules are
 * stored, else the law's; among each, the one with the latest start on or before the date.
 */
export function receptionRuleOn(
  role: ReceiverRole,
  date: IsoDate,
  unitPath: readonly string[],
  stored: readonly ReceptionRule[] = [],
): ReceptionRule | null {
  const latest = (rules: readonly ReceptionRule[]) =>
    rules
      .filter((r) => r.role === role && r.validFrom <= date)
      .sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))[0];
  const all = [...stored, ...DEFAULT_RECEPTION_RULES];
  // the nearest unit's own rule first, then the law (a stored law-wide rule before the shipped one)
  for (const code of [...unitPath].reverse()) {
    const own = latest(all.filter((r) => r.unitCode === code));
    if (own) return own;
  }
  return latest(stored.filter((r) => r.unitCode === null)) ?? latest(DEFAULT_RECEPTION_RULES) ?? null;
}

/** How a schedule repeats: a weekday every week, a day of each month, the n-th weekday of each month, every working day. */
export type Recurrence =
  | { kind: "weekly"; weekday: number }
  | { kind: "monthly_day"; day: number }
  | { kind: "monthly_nth"; nth: 1 | 2 | 3 | 4 | -1; weekday: number }
  | { kind: "working_days" };

/** The calendar the schedule moves days on (src/domain/working-days.ts `WorkingCalendar`). */
export interface WorkCalendar {
  isWorkingDay(date: IsoDate): boolean;
  addWorkingDays(date: IsoDate, n: number): IsoDate;
}

/** ISO weekday: 1 Monday … 7 Sunday. */
export const weekdayOf = (date: IsoDate) => {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
};

/** The days a recurrence names in [from, to], before any is moved. */
function plannedDays(r: Recurrence, from: IsoDate, to: IsoDate, cal: WorkCalendar): IsoDate[] {
  const out: IsoDate[] = [];
  if (r.kind === "weekly" || r.kind === "working_days") {
    for (let d = from; d <= to; d = addDays(d, 1)) {
      if (r.kind === "weekly" ? weekdayOf(d) === r.weekday : cal.isWorkingDay(d)) out.push(d);
    }
    return out;
  }
  // each month from the one `from` falls in: its index counted from year 0
  for (let i = Number(from.slice(0, 4)) * 12 + Number(from.slice(5, 7)) - 1; ; i++) {
    const [y, m] = [Math.floor(i / 12), (i % 12) + 1];
    const month = `${y}-${String(m).padStart(2, "0")}`;
    if (`${month}-01` > to) break;
    const last = daysInMonth(y, m);
    let day: number;
    if (r.kind === "monthly_day") day = Math.min(r.day, last);
    else {
      const days = Array.from({ length: last }, (_, i) => i + 1).filter(
        (x) => weekdayOf(`${month}-${String(x).padStart(2, "0")}`) === r.weekday,
      );
      day = (r.nth === -1 ? days.at(-1) : days[r.nth - 1]) ?? 0;
    }
    const date = `${month}-${String(day).padStart(2, "0")}`;
    if (day > 0 && date >= from && date <= to) out.push(date);
  }
  return out;
}

export interface ScheduledDay {
  /** the day received on */
  on: IsoDate;
  /** the day the schedule named, when it fell on a day off and moved */
  movedFrom: IsoDate | null;
}

/** The reception days of a schedule in [from, to]: a day off moves to the next working day; each day once. */
export function scheduledDays(
  recurrences: readonly Recurrence[],
  from: IsoDate,
  to: IsoDate,
  cal: WorkCalendar,
): ScheduledDay[] {
  const byDay = new Map<IsoDate, ScheduledDay>();
  for (const r of recurrences) {
    for (const planned of plannedDays(r, from, to, cal)) {
      const on = cal.isWorkingDay(planned) ? planned : cal.addWorkingDays(planned, 0);
      if (!byDay.has(on)) byDay.set(on, { on, movedFrom: on === planned ? null : planned });
    }
  }
  return [...byDay.values()].sort((a, b) => (a.on < b.on ? -1 : 1));
}

/** The whole weeks around `month` ("YYYY-MM"): the Monday of its first day's week to the Sunday of its last's. */
export function weeksAround(month: string): [IsoDate, IsoDate] {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const first = `${month}-01`;
  const last = `${month}-${String(daysInMonth(y, m)).padStart(2, "0")}`;
  return [addDays(first, 1 - weekdayOf(first)), addDays(last, 7 - weekdayOf(last))];
}

/** The working days of `month` ("YYYY-MM") within [from, to]. */
function workingDaysOf(month: string, cal: WorkCalendar, from: IsoDate, to: IsoDate): IsoDate[] {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const out: IsoDate[] = [];
  for (let d = 1; d <= daysInMonth(y, m); d++) {
    const date = `${month}-${String(d).padStart(2, "0")}`;
    if (date >= from && date <= to && cal.isWorkingDay(date)) out.push(date);
  }
  return out;
}

export interface MonthCheck {
  /** the days the rule asks for in the month */
  required: number;
  /** the days counted (scheduled, or held) */
  counted: number;
  /** the weeks (their Mondays) short of a weekly minimum */
  shortWeeks: IsoDate[];
  ok: boolean;
}

/**
 * Whether `days` (scheduled, or held in person) meet `rule` in `month`: a monthly minimum counts the month's
 * days; a weekly one asks it of every week with a working day in the month, counting the whole week (give the
 * days of `weeksAround(month)`: a week that straddles two months is kept by a day in either); the office,
 * every working day.
 * `within` limits what is asked to part of the month (a schedule that starts or ends in it; the days gone by of
 * the month running, for what was held, with the days scheduled by then).
 */
export function checkMonth(
  rule: ReceptionRule,
  month: string,
  days: readonly IsoDate[],
  cal: WorkCalendar,
  within: { from: IsoDate; to: IsoDate; scheduledSoFar?: number } = {
    from: `${month}-01`,
    to: `${month}-31`,
  },
): MonthCheck {
  const inMonth = [...new Set(days.filter((d) => d.startsWith(month)))];
  if (rule.per === "month") {
    // in a month still running, a monthly minimum asks no more days than the schedule has given so far
    const required = Math.min(rule.days, within.scheduledSoFar ?? rule.days);
    return { required, counted: inMonth.length, shortWeeks: [], ok: inMonth.length >= required };
  }
  const working = workingDaysOf(month, cal, within.from, within.to);
  if (rule.per === "working_day") {
    return {
      required: working.length,
      counted: inMonth.length,
      shortWeeks: [],
      ok: inMonth.length >= working.length,
    };
  }
  const weeks = [...new Set(working.map((d) => addDays(d, 1 - weekdayOf(d))))].sort();
  // a week is counted whole: one that straddles two months is kept by a day in either
  const all = [...new Set(days)];
  const shortWeeks = weeks.filter((monday) => {
    const sunday = addDays(monday, 6);
    return all.filter((d) => d >= monday && d <= sunday).length < rule.days;
  });
  return {
    required: weeks.length * rule.days,
    counted: inMonth.length,
    shortWeeks,
    ok: shortWeeks.length === 0,
  };
}
