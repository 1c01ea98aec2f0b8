import { describe, expect, it } from "vitest";
import {
  type ClockRule,
  checkExtension,
  clockText,
  daysLeft,
  extensionsAllowed,
  type LetterTimeline,
  legalClock,
  ruleOn,
} from "./letter-clock.ts";
import { WorkingCalendar } from "./working-days.ts";

const cal = new WorkingCalendar();
const base: LetterTimeline = {
  kind: "complaint",
  round: 1,
  complexity: "normal",
  remote: false,
  receivedOn: "2026-03-02",
  acceptedOn: "2026-03-05",
  extensions: [],
  suspensions: [],
  closedOn: null,
};
const at = (patch: Partial<LetterTimeline>): LetterTimeline => ({ ...base, ...patch });

describe("the legal clock (Luật Khiếu nại 2011 Art. 27, 28, 37; Luật Tố cáo 2018 Art. 24, 30)", () => {
  it.each([
    // case, the clock's stage, its last day
    ["a complaint not yet accepted: 10 days from receipt", at({ acceptedOn: null }), "accept", "2026-03-12"],
    ["a first complaint: 30 days from acceptance", at({}), "resolve", "2026-04-04"],
    ["a complex first complaint: 45", at({ complexity: "complex" }), "resolve", "2026-04-19"],
    ["a first complaint in a remote area: 45", at({ remote: true }), "resolve", "2026-04-19"],
    ["a complex one there: 60", at({ remote: true, complexity: "complex" }), "resolve", "2026-05-04"],
    ["a second complaint: 45", at({ round: 2 }), "resolve", "2026-04-19"],
    ["a complex second complaint: 60", at({ round: 2, complexity: "complex" }), "resolve", "2026-05-04"],
    ["a second complaint in a remote area: 60", at({ round: 2, remote: true }), "resolve", "2026-05-04"],
    [
      "a complex one there: 70",
      at({ round: 2, remote: true, complexity: "complex" }),
      "resolve",
      "2026-05-14",
    ],
    [
      "a denunciation not yet accepted: 7 working days",
      at({ kind: "denunciation", acceptedOn: null }),
      "accept",
      "2026-03-11",
    ],
    ["a denunciation: 30 days from acceptance", at({ kind: "denunciation" }), "resolve", "2026-04-04"],
    [
      "extended once by 30",
      at({ kind: "denunciation", complexity: "complex", extensions: [{ on: "2026-04-01", days: 30 }] }),
      "resolve",
      "2026-05-04",
    ],
    [
      "extended twice (90 in all)",
      at({
        kind: "denunciation",
        complexity: "particularly_complex",
        extensions: [
          { on: "2026-04-01", days: 30 },
          { on: "2026-05-01", days: 30 },
        ],
      }),
      "resolve",
      "2026-06-03",
    ],
    [
      "suspended 10 days, then resumed: 10 days later",
      at({ suspensions: [{ from: "2026-03-10", to: "2026-03-20" }] }),
      "resolve",
      "2026-04-14",
    ],
    [
      // 27/4 (Giỗ Tổ made up), 30/4 and 1/5 are days off
      "a petition: 10 working days from receipt, holidays skipped",
      at({ kind: "petition", receivedOn: "2026-04-24", acceptedOn: null }),
      "resolve",
      "2026-05-13",
    ],
  ] as const)("%s", (_, t, stage, due) => {
    expect(legalClock(t, cal)).toMatchObject({ stage, due, suspended: false });
  });

  it("stops while suspended and runs no more once closed", () => {
    expect(legalClock(at({ suspensions: [{ from: "2026-03-10", to: null }] }), cal)).toMatchObject({
      due: null,
      suspended: true,
    });
    expect(legalClock(at({ closedOn: "2026-03-20" }), cal)).toBeNull();
  });

  it("takes the rule in force when the step started: a stored rule from its date only", () => {
    const stored: ClockRule[] = [
      {
        key: "complaint.accept",
        days: 10,
        count: "working",
        validFrom: "2026-07-01",
        source: "Luật 136/2025/QH15",
        confidence: "unconfirmed",
      },
    ];
    expect(ruleOn("complaint.accept", "2026-06-30", stored).count).toBe("calendar");
    expect(legalClock(at({ acceptedOn: null, receivedOn: "2026-06-30" }), cal, stored)?.due).toBe(
      "2026-07-10",
    );
    expect(legalClock(at({ acceptedOn: null, receivedOn: "2026-07-01" }), cal, stored)?.due).toBe(
      "2026-07-15",
    );
  });
});

describe("extensions of a denunciation (Luật Tố cáo 2018 Art. 30)", () => {
  it.each([
    ["normal", 0],
    ["complex", 1],
    ["particularly_complex", 2],
  ] as const)("a %s case may be extended %i time(s)", (c, n) => {
    expect(extensionsAllowed(c)).toBe(n);
  });

  const denunciation = at({ kind: "denunciation", complexity: "complex" });
  it.each([
    ["a complex case, 30 days, before the deadline", denunciation, { on: "2026-04-01", days: 30 }, null],
    ["a complaint", at({ complexity: "complex" }), { on: "2026-04-01", days: 30 }, "kind"],
    [
      "a case not accepted",
      at({ kind: "denunciation", acceptedOn: null }),
      { on: "2026-04-01", days: 10 },
      "state",
    ],
    ["a closed case", { ...denunciation, closedOn: "2026-03-30" }, { on: "2026-04-01", days: 10 }, "state"],
    [
      "a case that is not complex",
      at({ kind: "denunciation" }),
      { on: "2026-04-01", days: 10 },
      "complexity",
    ],
    [
      "a complex case extended once already",
      { ...denunciation, extensions: [{ on: "2026-04-01", days: 30 }] },
      { on: "2026-04-20", days: 10 },
      "complexity",
    ],
    ["beyond 30 days", denunciation, { on: "2026-04-01", days: 31 }, "days"],
    ["no days", denunciation, { on: "2026-04-01", days: 0 }, "days"],
    ["dated before acceptance", denunciation, { on: "2026-03-01", days: 10 }, "on"],
    ["after the time ran out", denunciation, { on: "2026-04-05", days: 10 }, "on"],
  ] as const)("%s", (_, t, ext, field) => {
    expect(checkExtension(t, ext, cal)?.field ?? null).toBe(field);
  });
});

describe("the days left, as the page says them", () => {
  it.each([
    ["2026-03-15", "2026-03-12", "calendar", 3, "còn 3 ngày", "3 days left"],
    ["2026-03-12", "2026-03-12", "calendar", 0, "hết hạn hôm nay", "due today"],
    ["2026-03-10", "2026-03-12", "calendar", -2, "quá hạn 2 ngày", "2 days overdue"],
    // Friday to the next Monday: one working day
    ["2026-03-16", "2026-03-13", "working", 1, "còn 1 ngày làm việc", "1 working day left"],
  ] as const)("due %s, on %s (%s days): %i", (due, today, count, left, vi, en) => {
    expect(daysLeft(due, today, count, cal)).toBe(left);
    expect(clockText(left, count)).toEqual({ vi, en });
  });
});
