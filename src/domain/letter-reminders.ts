/**
 * What a letter's clocks ask of people: its handlers are reminded before its step's day and told once it has
 * passed; the head of the body is told (escalation) when the step is late by several working days or the legal
 * day has passed. The law sets the legal days (letter-clock.ts), not when to remind or escalate: these are
 * danvan's own, as named constants. A suspended letter's clocks stand still, so it reminds no one. Pure, no I/O.
 * @module
 */
import type { IsoDate } from "./dates.ts";
import type { LetterStatus } from "./letter-workflow.ts";
import type { WorkingCalendar } from "./working-days.ts";

export type LetterReminder = "due_soon" | "overdue" | "escalated";

/** Handlers are reminded when the step's day is at most this many working days ahead. */
export const REMIND_WORKING_DAYS = 2;
/** The head of the body is told when the step is this many working days late (or the legal day passed). */
export const ESCALATE_WORKING_DAYS = 3;

export interface ClockedLetter {
  status: LetterStatus | string;
  step_due: IsoDate | null;
  legal_due: IsoDate | null;
}

export function letterReminder(
  l: ClockedLetter,
  today: IsoDate,
  cal: WorkingCalendar,
): LetterReminder | null {
  if (l.status !== "received" && l.status !== "accepted") return null;
  if (l.legal_due !== null && l.legal_due < today) return "escalated";
  if (l.step_due === null) return null;
  if (l.step_due < today)
    return cal.workingDaysBetween(l.step_due, today) >= ESCALATE_WORKING_DAYS ? "escalated" : "overdue";
  return cal.workingDaysBetween(today, l.step_due) <= REMIND_WORKING_DAYS ? "due_soon" : null;
}
