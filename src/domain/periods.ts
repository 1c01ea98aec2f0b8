/**
 * Reporting periods (kỳ báo cáo), their data cut-off windows (thời gian chốt số liệu) and per-level deadlines.
 * Pure, no I/O.
 *
 * Sources (RULES.md §1a):
 * - NĐ 09/2019/NĐ-CP as copied into Khánh Hòa QĐ 01/2023/QĐ-UBND Art. 4 [S2] (partly confirmed): month = 15th of
 *   the previous month to the 14th; quarter = 15th of the month before the quarter to the 14th of its last
 *   month; 6 months = 15/12 of the previous year to 14/6; 9 months = to 14/9; year = 15/12 to 14/12.
 * - NĐ 09/2019 Art. 8(5) [S3] (confirmed): a deadline leaves at least 1 working day after the cut-off, and a
 *   report passing several levels has a deadline for each level. Thematic and ad-hoc reports: the requester
 *   sets the window and deadline.
 * Codes follow DHIS2 where it has one (2025, 2025Q1, 2025S1, 2025S2, 202501); ours: 2025N9 (9 months),
 * 2022-2024 (several years, e.g. a sơ kết 3 năm), and ad-hoc windows given explicitly. The second half year
 * (6 tháng cuối năm) is cut off like a quarter: from the 15th of the month before it (15/6) to the 14th of its
 * last month (14/12), the pattern of every window above.
 * @module
 */
import { type IsoDate, isIsoDate } from "./dates.ts";
import type { WorkingCalendar } from "./working-days.ts";

export type PeriodType =
  | "month"
  | "quarter"
  | "half_year"
  | "second_half"
  | "nine_months"
  | "year"
  | "multi_year"
  | "ad_hoc";

export interface Period {
  type: PeriodType;
  code: string;
  /** Calendar span the report covers (inclusive). */
  start: IsoDate;
  end: IsoDate;
  /** Data cut-off window (inclusive). */
  cutoffFrom: IsoDate;
  cutoffTo: IsoDate;
}

export class PeriodError extends RangeError {
  constructor(
    readonly messageVi: string,
    messageEn: string,
  ) {
    super(messageEn);
  }
}

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (y: number, m: number, d: number): IsoDate => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
/** The 15th of the month before (y, m). */
const fifteenthBefore = (y: number, m: number): IsoDate => (m === 1 ? iso(y - 1, 12, 15) : iso(y, m - 1, 15));

const YEAR_MIN = 1990;
const YEAR_MAX = 2100;

function checkYear(y: number, code: string): void {
  if (y < YEAR_MIN || y > YEAR_MAX) {
    throw new PeriodError(
      `Năm ngoài phạm vi ${YEAR_MIN}–${YEAR_MAX}: ${code}`,
      `Year out of range in ${code}`,
    );
  }
}

type Builder = (m: RegExpExecArray, code: string) => Period;

const month: Builder = (m, code) => {
  const [y, mo] = [Number(m[1]), Number(m[2])];
  checkYear(y, code);
  if (mo < 1 || mo > 12) throw new PeriodError(`Tháng không hợp lệ: ${code}`, `Bad month in ${code}`);
  return {
    type: "month",
    code,
    start: iso(y, mo, 1),
    end: iso(y, mo, lastDay(y, mo)),
    cutoffFrom: fifteenthBefore(y, mo),
    cutoffTo: iso(y, mo, 14),
  };
};

const quarter: Builder = (m, code) => {
  const [y, q] = [Number(m[1]), Number(m[2])];
  checkYear(y, code);
  const first = 3 * q - 2;
  const last = 3 * q;
  return {
    type: "quarter",
    code,
    start: iso(y, first, 1),
    end: iso(y, last, lastDay(y, last)),
    cutoffFrom: fifteenthBefore(y, first),
    cutoffTo: iso(y, last, 14),
  };
};

/** Periods from 1 January to the end of `lastMonth`, cut off from 15/12 of the year before. */
const fromJanuary =
  (type: PeriodType, lastMonth: number): Builder =>
  (m, code) => {
    const y = Number(m[1]);
    checkYear(y, code);
    return {
      type,
      code,
      start: iso(y, 1, 1),
      end: iso(y, lastMonth, lastDay(y, lastMonth)),
      cutoffFrom: iso(y - 1, 12, 15),
      cutoffTo: iso(y, lastMonth, 14),
    };
  };

const secondHalf: Builder = (m, code) => {
  const y = Number(m[1]);
  checkYear(y, code);
  return {
    type: "second_half",
    code,
    start: iso(y, 7, 1),
    end: iso(y, 12, 31),
    cutoffFrom: iso(y, 6, 15),
    cutoffTo: iso(y, 12, 14),
  };
};

const multiYear: Builder = (m, code) => {
  const [a, b] = [Number(m[1]), Number(m[2])];
  checkYear(a, code);
  checkYear(b, code);
  if (b <= a) {
    throw new PeriodError(
      `Giai đoạn phải có năm cuối sau năm đầu: ${code}`,
      `The last year must follow the first: ${code}`,
    );
  }
  return {
    type: "multi_year",
    code,
    start: iso(a, 1, 1),
    end: iso(b, 12, 31),
    cutoffFrom: iso(a - 1, 12, 15),
    cutoffTo: iso(b, 12, 14),
  };
};

const FORMS: [RegExp, Builder][] = [
  [/^(\d{4})(\d{2})$/, month],
  [/^(\d{4})Q([1-4])$/, quarter],
  [/^(\d{4})S1$/, fromJanuary("half_year", 6)],
  [/^(\d{4})S2$/, secondHalf],
  [/^(\d{4})N9$/, fromJanuary("nine_months", 9)],
  [/^(\d{4})$/, fromJanuary("year", 12)],
  [/^(\d{4})-(\d{4})$/, multiYear],
];

/** Builds a period from its code: 202501, 2025Q1, 2025S1, 2025N9, 2025, 2022-2024. */
export function parsePeriod(code: string): Period {
  for (const [pattern, build] of FORMS) {
    const m = pattern.exec(code);
    if (m) return build(m, code);
  }
  throw new PeriodError(
    `Mã kỳ báo cáo không hợp lệ: "${code}" (ví dụ 202501, 2025Q1, 2025S1, 2025S2, 2025N9, 2025, 2022-2024)`,
    `Bad period code "${code}" (e.g. 202501, 2025Q1, 2025S1, 2025S2, 2025N9, 2025, 2022-2024)`,
  );
}

/** An ad-hoc or thematic period: the requester sets its window (the cut-off defaults to the span). */
export function adHocPeriod(start: IsoDate, end: IsoDate, cutoff?: { from: IsoDate; to: IsoDate }): Period {
  for (const d of [start, end, cutoff?.from, cutoff?.to]) {
    if (d !== undefined && !isIsoDate(d)) throw new PeriodError(`Ngày không hợp lệ: ${d}`, `Bad date: ${d}`);
  }
  if (end < start) throw new PeriodError("Ngày kết thúc trước ngày bắt đầu", "The end is before the start");
  const from = cutoff?.from ?? start;
  const to = cutoff?.to ?? end;
  if (to < from)
    throw new PeriodError("Thời gian chốt số liệu không hợp lệ", "The cut-off window ends before it starts");
  return { type: "ad_hoc", code: `${start}..${end}`, start, end, cutoffFrom: from, cutoffTo: to };
}

const ROMAN = ["I", "II", "III", "IV"];
const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * A period in words, the way report titles name it: "Tháng 01/2025", "Quý I/2025", "6 tháng đầu năm 2025",
 * "6 tháng cuối năm 2025", "9 tháng đầu năm 2025", "Năm 2025", "3 năm 2022–2024"; in English "January 2025",
 * "Q1 2025", "First half of 2025", "Second half of 2025", "First nine months of 2025", "Year 2025",
 * "3 years 2022–2024". An ad-hoc window by its dates.
 */
export function periodLabel(p: Period, lang: "vi" | "en"): string {
  const y = p.start.slice(0, 4);
  const month = Number(p.start.slice(5, 7));
  const vi = lang === "vi";
  switch (p.type) {
    case "month":
      return vi ? `Tháng ${p.start.slice(5, 7)}/${y}` : `${MONTHS_EN[month - 1]} ${y}`;
    case "quarter":
      return vi ? `Quý ${ROMAN[(month - 1) / 3]}/${y}` : `Q${(month - 1) / 3 + 1} ${y}`;
    case "half_year":
      return vi ? `6 tháng đầu năm ${y}` : `First half of ${y}`;
    case "second_half":
      return vi ? `6 tháng cuối năm ${y}` : `Second half of ${y}`;
    case "nine_months":
      return vi ? `9 tháng đầu năm ${y}` : `First nine months of ${y}`;
    case "year":
      return vi ? `Năm ${y}` : `Year ${y}`;
    case "multi_year": {
      const last = p.end.slice(0, 4);
      const n = Number(last) - Number(y) + 1;
      return vi ? `${n} năm ${y}–${last}` : `${n} years ${y}–${last}`;
    }
    case "ad_hoc": {
      const d = (x: string) => x.split("-").reverse().join("/");
      return vi ? `Từ ${d(p.start)} đến ${d(p.end)}` : `${d(p.start)} to ${d(p.end)}`;
    }
  }
}

/** The Vietnamese name used in report titles. */
export const periodLabelVi = (p: Period): string => periodLabel(p, "vi");

/** The label of a stored period code, or the code itself when it is not one of the coded forms (ad hoc). */
export function periodLabelOrCode(code: string, lang: "vi" | "en" = "vi"): string {
  try {
    return periodLabel(parsePeriod(code), lang);
  } catch {
    const m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(code);
    if (m) {
      try {
        return periodLabel(adHocPeriod(m[1] as IsoDate, m[2] as IsoDate), lang);
      } catch {
        return code;
      }
    }
    return code;
  }
}

/** "Cùng kỳ 6 tháng đầu năm 2025" / "Same period, first half of 2025": the period a trend compares with. */
export function samePeriodLabel(code: string, lang: "vi" | "en"): string {
  const label = periodLabelOrCode(code, lang);
  return lang === "vi"
    ? `Cùng kỳ ${label.charAt(0).toLocaleLowerCase("vi")}${label.slice(1)}`
    : `Same period, ${label.charAt(0).toLowerCase()}${label.slice(1)}`;
}

/** What a period picker holds: the kind of period, its year and the part of the year (or the last year). */
export interface PeriodChoice {
  type: Exclude<PeriodType, "ad_hoc">;
  year: number;
  /** Quarter 1–4 or month 1–12, for those types. */
  part?: number;
  /** Several years: the last one. */
  endYear?: number;
}

/** The code of a period chosen in words (throws PeriodError for an impossible choice). */
export function periodCodeOf(c: PeriodChoice): string {
  const code = (() => {
    switch (c.type) {
      case "month":
        return `${c.year}${String(c.part ?? 1).padStart(2, "0")}`;
      case "quarter":
        return `${c.year}Q${c.part ?? 1}`;
      case "half_year":
        return `${c.year}S1`;
      case "second_half":
        return `${c.year}S2`;
      case "nine_months":
        return `${c.year}N9`;
      case "year":
        return String(c.year);
      case "multi_year":
        return `${c.year}-${c.endYear ?? c.year + 2}`;
    }
  })();
  return parsePeriod(code).code;
}

/** The choice a stored code stands for (the picker's starting point); null for an ad-hoc window. */
export function periodChoiceOf(code: string): PeriodChoice | null {
  let p: Period;
  try {
    p = parsePeriod(code);
  } catch {
    return null;
  }
  const year = Number(p.start.slice(0, 4));
  const month = Number(p.start.slice(5, 7));
  switch (p.type) {
    case "month":
      return { type: "month", year, part: month };
    case "quarter":
      return { type: "quarter", year, part: (month - 1) / 3 + 1 };
    case "multi_year":
      return { type: "multi_year", year, endYear: Number(p.end.slice(0, 4)) };
    case "ad_hoc":
      return null;
    default:
      return { type: p.type, year };
  }
}

/** The period before, for comparisons ("so với cùng kỳ" uses the same period of the previous year). */
export function samePeriodLastYear(p: Period): Period {
  if (p.type === "ad_hoc")
    throw new PeriodError("Kỳ đột xuất không có cùng kỳ", "An ad-hoc period has no same period last year");
  if (p.type === "multi_year") {
    const [a, b] = p.code.split("-").map(Number) as [number, number];
    const span = b - a + 1;
    return parsePeriod(`${a - span}-${b - span}`);
  }
  const y = Number(p.code.slice(0, 4));
  return parsePeriod(`${y - 1}${p.code.slice(4)}`);
}

/** The code of {@link samePeriodLastYear}, or null where there is none (an ad-hoc window, a year out of range). */
export function previousPeriodCode(p: Period): string | null {
  if (p.type === "ad_hoc") return null;
  try {
    return samePeriodLastYear(p).code;
  } catch (e) {
    if (e instanceof PeriodError) return null;
    throw e;
  }
}

export interface LevelDeadline {
  level: string;
  deadline: IsoDate;
}

/**
 * Per-level deadlines for a report passing up through several levels (lowest first): each level gets its
 * number of working days after the previous level's deadline, the first after the cut-off. Every step must
 * be at least 1 working day (NĐ 09/2019 Art. 8(5)).
 */
export function levelDeadlines(
  p: Period,
  steps: { level: string; workingDays: number }[],
  calendar: WorkingCalendar,
): LevelDeadline[] {
  let from = p.cutoffTo;
  return steps.map((s) => {
    if (!Number.isInteger(s.workingDays) || s.workingDays < 1) {
      throw new PeriodError(
        `Mỗi cấp cần ít nhất 1 ngày làm việc (cấp ${s.level})`,
        `Each level needs at least 1 working day (level ${s.level})`,
      );
    }
    from = calendar.addWorkingDays(from, s.workingDays);
    return { level: s.level, deadline: from };
  });
}

/** True when the window [cutoffFrom, cutoffTo] contains `date`. */
export function inCutoff(p: Period, date: IsoDate): boolean {
  return p.cutoffFrom <= date && date <= p.cutoffTo;
}
