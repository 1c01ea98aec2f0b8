/**
 * The legal clocks of citizens' letters (đơn thư): how long a body has to accept (thụ lý) a complaint or a
 * denunciation, to resolve it, and to answer a petition; how a denunciation's time is extended; how a
 * suspension stops the clock. The time limits are data, effective-dated (`ClockRule`), because the law changes
 * (Luật 136/2025/QH15 amends the three laws from 01/7/2026) and because some are not confirmed: an administrator
 * stores a newer set and it takes precedence from its date. Pure, no I/O.
 *
 * Sources (RULES.md §1c):
 * - Luật Khiếu nại 2011 (02/2011/QH13): Art. 27, a complaint is accepted within 10 days of receipt; Art. 28, the
 *   first resolution within 30 days of acceptance (45 when complex), 45 (60) in remote, very difficult areas;
 *   Art. 37, the second within 45 days (60 when complex), 60 (70) in such areas. Confirmed.
 * - Luật Tố cáo 2018 (25/2018/QH14): Art. 30, a denunciation is resolved within 30 days of acceptance; a complex
 *   one may be extended once by up to 30 days, a particularly complex one twice, each by up to 30 (90 in all);
 *   each extension is a written decision. Confirmed. Its acceptance within 7 working days of receipt (Art. 24,
 *   Art. 29) is not confirmed.
 * - Kiến nghị, phản ánh: no time limit was confirmed; 10 working days is a local practice (unconfirmed).
 * - The per-step limit of handling a received letter (TT 05/2021/TT-TTCP: 10 working days) is partly confirmed.
 * - Calendar or working days: the laws say "ngày"; which is meant is not confirmed, so each rule says how it
 *   counts. A suspension (tạm đình chỉ) stops the clock and the resumption restarts it with the days left
 *   (Luật 136/2025/QH15); a withdrawal (rút đơn) ends the case.
 * @module
 */
import { addDays, type IsoDate } from "./dates.ts";

export type LetterKind = "complaint" | "denunciation" | "petition";
export type DayCount = "calendar" | "working";
export type Confidence = "confirmed" | "partly" | "unconfirmed";
/** Luật Khiếu nại's "phức tạp"; Luật Tố cáo's "phức tạp" and "đặc biệt phức tạp". */
export type Complexity = "normal" | "complex" | "particularly_complex";

export const CLOCK_KEYS = [
  "complaint.accept",
  "complaint.first",
  "complaint.first.complex",
  "complaint.first.remote",
  "complaint.first.remote.complex",
  "complaint.second",
  "complaint.second.complex",
  "complaint.second.remote",
  "complaint.second.remote.complex",
  "denunciation.accept",
  "denunciation.resolve",
  "denunciation.extension",
  "petition.answer",
  "letter.handle",
] as const;
export type ClockKey = (typeof CLOCK_KEYS)[number];

/** What each time limit is, in both languages. */
export const CLOCK_KEY_LABELS: Record<ClockKey, { vi: string; en: string }> = {
  "complaint.accept": { vi: "Thụ lý khiếu nại", en: "Accepting a complaint" },
  "complaint.first": { vi: "Giải quyết khiếu nại lần đầu", en: "First resolution of a complaint" },
  "complaint.first.complex": {
    vi: "Giải quyết khiếu nại lần đầu, vụ việc phức tạp",
    en: "First resolution, complex",
  },
  "complaint.first.remote": {
    vi: "Giải quyết khiếu nại lần đầu, vùng sâu, vùng xa",
    en: "First resolution, remote area",
  },
  "complaint.first.remote.complex": {
    vi: "Giải quyết khiếu nại lần đầu, vùng sâu, vùng xa, phức tạp",
    en: "First resolution, remote area, complex",
  },
  "complaint.second": { vi: "Giải quyết khiếu nại lần hai", en: "Second resolution of a complaint" },
  "complaint.second.complex": {
    vi: "Giải quyết khiếu nại lần hai, vụ việc phức tạp",
    en: "Second resolution, complex",
  },
  "complaint.second.remote": {
    vi: "Giải quyết khiếu nại lần hai, vùng sâu, vùng xa",
    en: "Second resolution, remote area",
  },
  "complaint.second.remote.complex": {
    vi: "Giải quyết khiếu nại lần hai, vùng sâu, vùng xa, phức tạp",
    en: "Second resolution, remote area, complex",
  },
  "denunciation.accept": { vi: "Thụ lý tố cáo", en: "Accepting a denunciation" },
  "denunciation.resolve": { vi: "Giải quyết tố cáo", en: "Resolving a denunciation" },
  "denunciation.extension": {
    vi: "Mỗi lần gia hạn giải quyết tố cáo",
    en: "Each extension of a denunciation",
  },
  "petition.answer": { vi: "Trả lời kiến nghị, phản ánh", en: "Answering a petition" },
  "letter.handle": {
    vi: "Xử lý đơn tiếp nhận (bước của cơ quan)",
    en: "Handling a received letter (the body's step)",
  },
};

/** One time limit, from a date: its days, how they count, where it comes from and how sure it is. */
export interface ClockRule {
  key: ClockKey;
  days: number;
  count: DayCount;
  validFrom: IsoDate;
  source: string;
  confidence: Confidence;
}

const KN = "Luật Khiếu nại 2011";
const TC = "Luật Tố cáo 2018";
const rule = (
  key: ClockKey,
  days: number,
  count: DayCount,
  source: string,
  confidence: Confidence = "confirmed",
): ClockRule => ({ key, days, count, validFrom: "2012-07-01", source, confidence });

/** The time limits as the laws set them (RULES.md §1c); an administrator's stored set takes precedence. */
export const DEFAULT_CLOCK_RULES: readonly ClockRule[] = [
  rule("complaint.accept", 10, "calendar", `${KN}, Điều 27`),
  rule("complaint.first", 30, "calendar", `${KN}, Điều 28`),
  rule("complaint.first.complex", 45, "calendar", `${KN}, Điều 28`),
  rule("complaint.first.remote", 45, "calendar", `${KN}, Điều 28`),
  rule("complaint.first.remote.complex", 60, "calendar", `${KN}, Điều 28`),
  rule("complaint.second", 45, "calendar", `${KN}, Điều 37`),
  rule("complaint.second.complex", 60, "calendar", `${KN}, Điều 37`),
  rule("complaint.second.remote", 60, "calendar", `${KN}, Điều 37`),
  rule("complaint.second.remote.complex", 70, "calendar", `${KN}, Điều 37`),
  rule("denunciation.accept", 7, "working", `${TC}, Điều 24, 29`, "unconfirmed"),
  rule("denunciation.resolve", 30, "calendar", `${TC}, Điều 30`),
  rule("denunciation.extension", 30, "calendar", `${TC}, Điều 30`),
  rule("petition.answer", 10, "working", "Thực tiễn địa phương", "unconfirmed"),
  rule("letter.handle", 10, "working", "Thông tư 05/2021/TT-TTCP", "partly"),
];

/** Working-day arithmetic the clocks need (src/domain/working-days.ts `WorkingCalendar`). */
export interface Workdays {
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
  isWorkingDay(date: IsoDate): boolean;
}

/** The rule of `key` in force on `date`: the stored one with the latest start on or before it, else the law's. */
export function ruleOn(key: ClockKey, date: IsoDate, stored: readonly ClockRule[] = []): ClockRule {
  const pick = (rules: readonly ClockRule[]) =>
    rules
      .filter((r) => r.key === key && r.validFrom <= date)
      .sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))[0];
  const found = pick(stored) ?? pick(DEFAULT_CLOCK_RULES);
  if (!found) throw new RangeError(`no time limit ${key} on ${date}`);
  return found;
}

/** `days` after `from` as the rule counts them. */
export function addCounted(from: IsoDate, days: number, count: DayCount, cal: Workdays): IsoDate {
  return count === "working" ? cal.addWorkingDays(from, days) : addDays(from, days);
}

/** Days in (from, to] as the rule counts them (0 when `to` ≤ `from`). */
export function countBetween(from: IsoDate, to: IsoDate, count: DayCount, cal: Workdays): number {
  if (to <= from) return 0;
  if (count === "working") return cal.workingDaysBetween(from, to);
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export interface Suspension {
  from: IsoDate;
  /** null while suspended */
  to: IsoDate | null;
}

/** What a case's clocks are computed from. */
export interface LetterTimeline {
  kind: LetterKind;
  /** a complaint's round: the first resolution, or the second at the upper body */
  round: 1 | 2;
  complexity: Complexity;
  /** vùng sâu, vùng xa đi lại khó khăn (Luật Khiếu nại, Art. 28, 37) */
  remote: boolean;
  receivedOn: IsoDate;
  acceptedOn: IsoDate | null;
  /** a denunciation's extension decisions: each adds its days */
  extensions: readonly { on: IsoDate; days: number }[];
  suspensions: readonly Suspension[];
  /** resolved, withdrawn, transferred, returned or filed: no clock runs */
  closedOn: IsoDate | null;
}

/** The resolution rule of a case once accepted. */
function resolutionKey(t: LetterTimeline): ClockKey {
  if (t.kind === "denunciation") return "denunciation.resolve";
  if (t.kind === "petition") return "petition.answer";
  const round = t.round === 2 ? "second" : "first";
  const complex = t.complexity !== "normal";
  return `complaint.${round}${t.remote ? ".remote" : ""}${complex ? ".complex" : ""}` as ClockKey;
}

export interface LegalClock {
  /** accepting it (thụ lý), or resolving it (giải quyết; a petition: answering it) */
  stage: "accept" | "resolve";
  /** the last day; null while suspended */
  due: IsoDate | null;
  count: DayCount;
  suspended: boolean;
  rule: ClockRule;
}

/**
 * The legal clock of a case: before acceptance, the days to accept it (a petition is answered from receipt);
 * after, the days to resolve it, with its extensions and the days it stood suspended added (a suspension still
 * open holds the clock: no due day). Null once the case is closed.
 */
export function legalClock(
  t: LetterTimeline,
  cal: Workdays,
  stored: readonly ClockRule[] = [],
): LegalClock | null {
  if (t.closedOn !== null) return null;
  if (t.acceptedOn === null && t.kind !== "petition") {
    const r = ruleOn(
      t.kind === "complaint" ? "complaint.accept" : "denunciation.accept",
      t.receivedOn,
      stored,
    );
    return {
      stage: "accept",
      due: addCounted(t.receivedOn, r.days, r.count, cal),
      count: r.count,
      suspended: false,
      rule: r,
    };
  }
  const start = t.acceptedOn ?? t.receivedOn;
  const r = ruleOn(resolutionKey(t), start, stored);
  const open = t.suspensions.some((s) => s.to === null);
  if (open) return { stage: "resolve", due: null, count: r.count, suspended: true, rule: r };
  const held = t.suspensions.reduce((n, s) => n + countBetween(s.from, s.to as IsoDate, r.count, cal), 0);
  const extended = t.extensions.reduce((n, e) => n + e.days, 0);
  return {
    stage: "resolve",
    due: addCounted(start, r.days + extended + held, r.count, cal),
    count: r.count,
    suspended: false,
    rule: r,
  };
}

/** How many extensions a denunciation may have: one when complex, two when particularly complex (Art. 30). */
export function extensionsAllowed(c: Complexity): number {
  return c === "particularly_complex" ? 2 : c === "complex" ? 1 : 0;
}

export interface ClockProblem {
  field: string;
  vi: string;
  en: string;
}

/**
 * Whether an extension of `days` decided on `on` may be given: a denunciation only, accepted and not closed,
 * complex enough for one more, within the days the law allows, decided before its time runs out.
 */
export function checkExtension(
  t: LetterTimeline,
  ext: { on: IsoDate; days: number },
  cal: Workdays,
  stored: readonly ClockRule[] = [],
): ClockProblem | null {
  if (t.kind !== "denunciation")
    return {
      field: "kind",
      vi: "Chỉ gia hạn giải quyết tố cáo",
      en: "Only a denunciation's time is extended",
    };
  if (t.acceptedOn === null || t.closedOn !== null)
    return {
      field: "state",
      vi: "Chỉ gia hạn vụ việc đã thụ lý, đang giải quyết",
      en: "Only an accepted case still being resolved is extended",
    };
  const allowed = extensionsAllowed(t.complexity);
  if (t.extensions.length >= allowed)
    return {
      field: "complexity",
      vi:
        allowed === 0
          ? "Vụ việc không phức tạp: không được gia hạn (Luật Tố cáo, Điều 30)"
          : `Đã gia hạn ${allowed} lần, tối đa theo mức độ phức tạp của vụ việc (Luật Tố cáo, Điều 30)`,
      en:
        allowed === 0
          ? "The case is not complex: no extension (Luật Tố cáo, Art. 30)"
          : `Extended ${allowed} time(s) already, the most its complexity allows (Luật Tố cáo, Art. 30)`,
    };
  const r = ruleOn("denunciation.extension", t.acceptedOn, stored);
  if (!Number.isInteger(ext.days) || ext.days < 1 || ext.days > r.days)
    return {
      field: "days",
      vi: `Mỗi lần gia hạn không quá ${r.days} ngày (${r.source})`,
      en: `Each extension is at most ${r.days} days (${r.source})`,
    };
  if (ext.on < t.acceptedOn)
    return {
      field: "on",
      vi: "Ngày gia hạn trước ngày thụ lý",
      en: "The extension is dated before acceptance",
    };
  const clock = legalClock(t, cal, stored);
  if (clock?.due && ext.on > clock.due)
    return {
      field: "on",
      vi: "Quyết định gia hạn phải ban hành trước khi hết thời hạn giải quyết",
      en: "An extension is decided before the time limit runs out",
    };
  return null;
}

/** Days left (negative: overdue) from `today` to `due`, counted as the rule counts. */
export function daysLeft(due: IsoDate, today: IsoDate, count: DayCount, cal: Workdays): number {
  return due >= today ? countBetween(today, due, count, cal) : -countBetween(due, today, count, cal);
}

/** "còn 3 ngày" / "hết hạn hôm nay" / "quá hạn 2 ngày" (working days said so), in Vietnamese and English. */
export function clockText(left: number, count: DayCount): { vi: string; en: string } {
  const wVi = count === "working" ? " làm việc" : "";
  const wEn = count === "working" ? " working" : "";
  const plural = (n: number) => (n === 1 ? "" : "s");
  if (left > 0) return { vi: `còn ${left} ngày${wVi}`, en: `${left}${wEn} day${plural(left)} left` };
  if (left === 0) return { vi: "hết hạn hôm nay", en: "due today" };
  return {
    vi: `quá hạn ${-left} ngày${wVi}`,
    en: `${-left}${wEn} day${plural(-left)} overdue`,
  };
}
