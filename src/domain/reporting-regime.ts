/**
 * The reporting regime (chế độ báo cáo) as data: how many working days each level gets after the cut-off,
 * lowest level first, and the deadline a request proposes to its targets.
 *
 * Sources (RULES.md §1a): NĐ 09/2019/NĐ-CP Art. 8(5) [S3] (confirmed) — at least 1 working day after the
 * cut-off, one deadline per level; Khánh Hòa QĐ 01/2023/QĐ-UBND [S2] (partly confirmed) — submit within 2
 * working days of the cut-off. The per-level figures are therefore defaults, overridable on every request.
 * Before 01/07/2025 reports passed commune → district → province; since then commune → province (Luật Tổ chức
 * chính quyền địa phương 2025, RULES.md §1g).
 * @module
 */
import { type LevelDeadline, levelDeadlines, type Period } from "./periods.ts";
import type { UnitLevel } from "./report-forms.ts";
import type { WorkingCalendar } from "./working-days.ts";

export const TWO_TIER_FROM = "2025-07-01";

/** Working days per level (unconfirmed defaults: configurable per request). */
export const DEFAULT_STEP_DAYS: Record<Exclude<UnitLevel, "hamlet">, number> = {
  commune: 2,
  district: 2,
  province: 2,
};

/** The levels a report passes through, lowest first, for a period ending on `periodEnd`. */
export function reportingChain(from: UnitLevel, periodEnd: string): UnitLevel[] {
  const chain: UnitLevel[] =
    periodEnd < TWO_TIER_FROM
      ? ["hamlet", "commune", "district", "province"]
      : ["hamlet", "commune", "province"];
  const i = chain.indexOf(from);
  return i < 0 ? [from] : chain.slice(i);
}

/** Per-level deadlines from `targetLevel` up to the province. Hamlets report on their commune's clock. */
export function proposeDeadlines(
  period: Period,
  targetLevel: UnitLevel,
  calendar: WorkingCalendar,
  stepDays: Partial<Record<UnitLevel, number>> = {},
): LevelDeadline[] {
  const steps = reportingChain(targetLevel, period.end)
    .filter((l) => l !== "hamlet")
    .map((level) => ({
      level,
      workingDays: stepDays[level] ?? DEFAULT_STEP_DAYS[level as Exclude<UnitLevel, "hamlet">],
    }));
  return levelDeadlines(period, steps, calendar);
}

/**
 * The per-level deadlines when the requester sets the first one itself: each level above keeps the working
 * days it had after the level below (NĐ 09/2019/NĐ-CP Art. 8), counted from the deadline chosen.
 */
export function shiftLevelDeadlines(
  levels: readonly LevelDeadline[],
  first: string,
  calendar: WorkingCalendar,
): LevelDeadline[] {
  let from = first;
  return levels.map((l, i) => {
    const below = levels[i - 1];
    if (below)
      from = calendar.addWorkingDays(
        from,
        Math.max(1, calendar.workingDaysBetween(below.deadline, l.deadline)),
      );
    return { level: l.level, deadline: from };
  });
}

/**
 * The per-level deadlines of a request that gathers, from the units below, a report its issuer owes upward:
 * counted back from the owed report's deadline, each level below keeping the working days the rule gives it
 * after the level below (NĐ 09/2019/NĐ-CP Art. 8), so the issuer keeps its own days to consolidate; the owed
 * level and those above keep the deadlines the upper request set. `first`, when the requester sets the
 * targets' deadline itself, replaces the first level's. The targets answer at least one working day after
 * the cut-off and every level before the one above it; null when that no longer fits before the owed deadline.
 */
export function deadlinesBefore(
  /** from the targets' level up, as proposeDeadlines gives them */
  proposed: readonly LevelDeadline[],
  /** the upper request's, from the owed report's level up (its first is the owed deadline) */
  owed: readonly [LevelDeadline, ...LevelDeadline[]],
  cutoffTo: string,
  calendar: WorkingCalendar,
  first?: string,
): LevelDeadline[] | null {
  const owedLevel = owed[0];
  const k = proposed.findIndex((l) => l.level === owedLevel.level);
  // targets of the issuer's own level (its departments, the bodies of its unit): the issuer keeps the step
  // the rule gives that level
  const below =
    k > 0 ? proposed.slice(0, k) : [{ level: proposed[0]?.level ?? owedLevel.level, deadline: cutoffTo }];
  const stepAfter = (i: number) => {
    const next = proposed[i + 1];
    const at = proposed[i];
    if (k <= 0) return Math.max(1, calendar.workingDaysBetween(cutoffTo, at?.deadline ?? cutoffTo));
    return Math.max(1, calendar.workingDaysBetween(at?.deadline ?? cutoffTo, next?.deadline ?? cutoffTo));
  };
  const back: string[] = [];
  let d = owedLevel.deadline;
  for (let i = below.length - 1; i >= 0; i--) {
    d = calendar.subtractWorkingDays(d, stepAfter(i));
    back[i] = d;
  }
  if (first !== undefined) back[0] = first;
  let previous = cutoffTo;
  for (let i = 0; i < back.length; i++) {
    const at = back[i] as string;
    back[i] = at > previous ? at : calendar.addWorkingDays(previous, 1);
    previous = back[i] as string;
  }
  if (previous >= owedLevel.deadline) return null;
  const own = below.map((l, i) => ({ level: l.level, deadline: back[i] as string }));
  return k > 0 ? [...own, ...owed] : [...own, ...owed.slice(1)];
}

export type ReminderKind = "due_soon" | "overdue";

/**
 * Whether a report still owed on `today` needs a reminder: "overdue" after its deadline, "due_soon" when at
 * most `reminderDays` working days are left (the deadline day counted, today not), otherwise none.
 */
export function reminderKind(
  deadline: string,
  today: string,
  reminderDays: number,
  calendar: WorkingCalendar,
): ReminderKind | null {
  if (today > deadline) return "overdue";
  return calendar.workingDaysBetween(today, deadline) <= reminderDays ? "due_soon" : null;
}
