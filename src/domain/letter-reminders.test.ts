import { describe, expect, it } from "vitest";
import { letterReminder } from "./letter-reminders.ts";
import { WorkingCalendar } from "./working-days.ts";

const cal = new WorkingCalendar();
// Wednesday 11 March 2026; the weekend of 14–15 March is not counted
const today = "2026-03-11";

describe("what a letter's clocks ask of people (danvan's own thresholds: the law sets only the legal days)", () => {
  it.each([
    ["the step due in 5 working days", "accepted", "2026-03-18", "2026-04-20", null],
    ["the step due in 2 working days", "accepted", "2026-03-13", "2026-04-20", "due_soon"],
    ["the step due Monday, 3 working days on", "received", "2026-03-16", "2026-03-30", null],
    ["the step due today", "received", "2026-03-11", "2026-03-30", "due_soon"],
    ["the step one working day late", "accepted", "2026-03-10", "2026-04-20", "overdue"],
    ["the step 2 working days late", "accepted", "2026-03-09", "2026-04-20", "overdue"],
    ["the step 3 working days late, over a weekend", "accepted", "2026-03-06", "2026-04-20", "escalated"],
    ["the legal day passed", "accepted", "2026-03-20", "2026-03-10", "escalated"],
    ["suspended: its clocks stand still", "suspended", "2026-03-01", "2026-03-01", null],
    ["resolved", "resolved", null, null, null],
    ["no step day", "accepted", null, "2026-04-20", null],
  ] as const)("%s → %s", (_, status, stepDue, legalDue, expected) => {
    expect(letterReminder({ status, step_due: stepDue, legal_due: legalDue }, today, cal)).toBe(expected);
  });
});
