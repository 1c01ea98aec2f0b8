/**
 * Working days of State bodies: Monday–Friday, less public holidays, plus the Saturdays the Government makes
 * working days when it moves a day off. Pure, no I/O; the tables are data (an admin-edited table will take
 * precedence once stored).
 *
 * Sources (RULES.md §1h):
 * - Labour Code 2019 (45/2019/QH14), Art. 112: 11 paid holidays — 1/1; Tết Âm lịch 5 days; Giỗ Tổ Hùng Vương
 *   10/3 âm lịch; 30/4; 1/5; Quốc khánh 2/9 plus one day before or after. Art. 112(3) as applied to public
 *   servants: a holiday falling on the weekly rest day is made up on the next working day.
 * - The Government sets each year's actual dates and swaps (e.g. 2026: Tết Dương lịch 01–04/01 with Friday
 *   02/01 swapped to Saturday 10/01; Tết 14/02–22/02).
 * Days not taken from a published notice are marked "estimated" until an admin confirms them.
 * @module
 */
import { addDays, type IsoDate, isIsoDate } from "./dates.ts";
import { lunarToSolar } from "./lunar.ts";

export type DayStatus = "official" | "estimated";

export interface SpecialDay {
  date: IsoDate;
  /** "holiday": no work on a weekday; "working": a Saturday or Sunday made a working day (ngày làm bù). */
  kind: "holiday" | "working";
  name: string;
  status: DayStatus;
  source: string;
}

export interface YearSchedule {
  year: number;
  /** "official" only when every day of the year is. */
  status: DayStatus;
  days: SpecialDay[];
}

const ESTIMATE = "Ước tính theo Điều 112 Bộ luật Lao động 2019 (chưa có thông báo chính thức)";
// The 2025 dates are the ones the Government announced and applied; the notices' numbers were not retrieved
// (RULES.md has no entry), so an admin should confirm them against the notices.
const OFFICIAL_2025 = "Lịch nghỉ lễ, Tết năm 2025 do Chính phủ công bố (số thông báo chưa đối chiếu)";
// RULES.md §1h [S63][S64]
const OFFICIAL_2026 =
  "Công văn số 12729/VPCP-KGVX của Văn phòng Chính phủ (Tết Dương lịch, Tết Nguyên đán 2026)";

const day = (
  date: IsoDate,
  name: string,
  status: DayStatus,
  source: string,
  kind: SpecialDay["kind"] = "holiday",
) => ({
  date,
  kind,
  name,
  status,
  source,
});

/** The published schedules shipped with danvan. 2026 days after Tết are estimated until confirmed. */
export const SHIPPED_SCHEDULES: Record<number, SpecialDay[]> = {
  2025: [
    day("2025-01-01", "Tết Dương lịch", "official", OFFICIAL_2025),
    ...["2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31"].map((d) =>
      day(d, "Tết Nguyên đán", "official", OFFICIAL_2025),
    ),
    day("2025-04-07", "Giỗ Tổ Hùng Vương", "official", OFFICIAL_2025),
    day("2025-04-26", "Làm bù cho ngày 02/05", "official", OFFICIAL_2025, "working"),
    day("2025-04-30", "Ngày Chiến thắng", "official", OFFICIAL_2025),
    day("2025-05-01", "Quốc tế Lao động", "official", OFFICIAL_2025),
    day("2025-05-02", "Nghỉ hoán đổi (làm bù 26/04)", "official", OFFICIAL_2025),
    day("2025-09-01", "Quốc khánh (ngày liền kề)", "official", OFFICIAL_2025),
    day("2025-09-02", "Quốc khánh", "official", OFFICIAL_2025),
  ],
  2026: [
    day("2026-01-01", "Tết Dương lịch", "official", OFFICIAL_2026),
    day("2026-01-02", "Nghỉ hoán đổi (làm bù 10/01)", "official", OFFICIAL_2026),
    day("2026-01-10", "Làm bù cho ngày 02/01", "official", OFFICIAL_2026, "working"),
    ...["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"].map((d) =>
      day(d, "Tết Nguyên đán", "official", OFFICIAL_2026),
    ),
    ...estimatedDays(2026).filter((d) => d.date > "2026-03-01"),
  ],
};

function weekday(date: IsoDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
}

function isWeekend(date: IsoDate): boolean {
  const w = weekday(date);
  return w === 0 || w === 6;
}

/**
 * The days off the law gives in `year`, computed: Tết âm lịch as the last day of the old year and the first
 * four of the new, the day before 2/9 (after it when 2/9 is a Thursday), and weekend holidays made up on the
 * next working day.
 */
export function estimatedDays(year: number): SpecialDay[] {
  const tet = lunarToSolar(1, 1, year);
  const holidays: [IsoDate, string][] = [
    [`${year}-01-01`, "Tết Dương lịch"],
    ...[-1, 0, 1, 2, 3].map((i): [IsoDate, string] => [addDays(tet, i), "Tết Nguyên đán"]),
    [lunarToSolar(10, 3, year), "Giỗ Tổ Hùng Vương"],
    [`${year}-04-30`, "Ngày Chiến thắng"],
    [`${year}-05-01`, "Quốc tế Lao động"],
    [`${year}-09-02`, "Quốc khánh"],
  ];
  // the day before 2/9, unless 2/9 is a Thursday: then the Friday after, joining the weekend
  const national = `${year}-09-02`;
  holidays.push([addDays(national, weekday(national) === 4 ? 1 : -1), "Quốc khánh (ngày liền kề)"]);
  const taken = new Set(holidays.map(([d]) => d));
  const out: SpecialDay[] = [];
  for (const [date, name] of holidays.sort(([a], [b]) => a.localeCompare(b))) {
    if (!isWeekend(date)) {
      out.push(day(date, name, "estimated", ESTIMATE));
      continue;
    }
    let make = addDays(date, 1);
    while (isWeekend(make) || taken.has(make)) make = addDays(make, 1);
    taken.add(make);
    out.push(day(make, `Nghỉ bù ${name}`, "estimated", ESTIMATE));
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

/** The schedule of a year: a stored (admin-confirmed) one first, then the shipped one, else an estimate. */
export function scheduleFor(year: number, stored: Record<number, SpecialDay[]> = {}): YearSchedule {
  const days = stored[year] ?? SHIPPED_SCHEDULES[year] ?? estimatedDays(year);
  return { year, status: days.every((d) => d.status === "official") ? "official" : "estimated", days };
}

const DAY_MS = 86_400_000;
/** Days since 1970-01-01 (a Thursday), and back: the arithmetic below steps through whole days as numbers. */
const dayNumber = (date: IsoDate) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const isoOf = (n: number): IsoDate => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** Working-day arithmetic over the schedules. */
export class WorkingCalendar {
  /** each year's holidays and make-up days, by day number, built the first time the year is asked */
  private cache = new Map<number, Map<number, SpecialDay>>();

  constructor(private readonly stored: Record<number, SpecialDay[]> = {}) {}

  private special(n: number): SpecialDay | undefined {
    const year = new Date(n * DAY_MS).getUTCFullYear();
    let m = this.cache.get(year);
    if (!m) {
      m = new Map(scheduleFor(year, this.stored).days.map((d) => [dayNumber(d.date), d]));
      this.cache.set(year, m);
    }
    return m.get(n);
  }

  private isWorkingDayNumber(n: number): boolean {
    const s = this.special(n);
    if (s) return s.kind === "working";
    const w = (n + 4) % 7; // 0 = Sunday
    return w !== 0 && w !== 6;
  }

  isWorkingDay(date: IsoDate): boolean {
    if (!isIsoDate(date)) throw new RangeError(`not a date: ${date}`);
    return this.isWorkingDayNumber(dayNumber(date));
  }

  /** The n-th working day after `date` (n ≥ 1); n = 0 gives `date` itself if it is a working day, else the next. */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number ≥ 0: ${n}`);
    if (!isIsoDate(date)) throw new RangeError(`not a date: ${date}`);
    let d = dayNumber(date);
    if (n === 0) {
      while (!this.isWorkingDayNumber(d)) d++;
      return isoOf(d);
    }
    let left = n;
    while (left > 0) {
      d++;
      if (this.isWorkingDayNumber(d)) left--;
    }
    return isoOf(d);
  }

  /** The n-th working day before `date` (n ≥ 1). */
  subtractWorkingDays(date: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a whole number ≥ 1: ${n}`);
    if (!isIsoDate(date)) throw new RangeError(`not a date: ${date}`);
    let d = dayNumber(date);
    let left = n;
    while (left > 0) {
      d--;
      if (this.isWorkingDayNumber(d)) left--;
    }
    return isoOf(d);
  }

  /** Working days in (from, to]: 0 when `to` ≤ `from`. */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    if (!isIsoDate(from) || !isIsoDate(to)) throw new RangeError(`not a date: ${from} or ${to}`);
    let n = 0;
    const last = dayNumber(to);
    for (let d = dayNumber(from) + 1; d <= last; d++) if (this.isWorkingDayNumber(d)) n++;
    return n;
  }
}
