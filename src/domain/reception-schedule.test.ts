import { describe, expect, it } from "vitest";
import {
  checkMonth,
  DEFAULT_RECEPTION_RULES,
  delegationAllowed,
  type ReceiverRole,
  type ReceptionRule,
  type Recurrence,
  receptionRuleOn,
  scheduledDays,
  weeksAround,
} from "./reception-schedule.ts";
import { WorkingCalendar } from "./working-days.ts";

const cal = new WorkingCalendar();
const law = (role: ReceiverRole) => DEFAULT_RECEPTION_RULES.find((r) => r.role === role) as ReceptionRule;

describe("the legal minimums (Luật Tiếp công dân 2013 Art. 13–15; NĐ 64/2014 Art. 4)", () => {
  it.each([
    ["province_chair", 1, "month"],
    ["district_chair", 2, "month"],
    ["commune_chair", 1, "week"],
    ["agency_head", 1, "month"],
    ["reception_office", 1, "working_day"],
  ] as const)("%s: %i a %s", (role, days, per) => {
    expect(receptionRuleOn(role, "2026-03-01", ["82", "30037"])).toMatchObject({ days, per, unitCode: null });
  });

  it("takes a unit's stricter rule for its own leaders and those below, from its date", () => {
    const local: ReceptionRule = {
      role: "agency_head",
      days: 1,
      per: "week",
      validFrom: "2022-01-01",
      unitCode: "872",
      source: "Huyện Tháp Mười",
      confidence: "confirmed",
    };
    expect(receptionRuleOn("agency_head", "2023-05-01", ["87", "872"], [local])?.per).toBe("week");
    expect(receptionRuleOn("agency_head", "2021-05-01", ["87", "872"], [local])?.per).toBe("month");
    expect(receptionRuleOn("agency_head", "2023-05-01", ["82", "30037"], [local])?.per).toBe("month");
  });

  it("lets a deputy receive in the leader's place until 30/6/2026 only (Luật 136/2025/QH15)", () => {
    expect(delegationAllowed("2026-06-30")).toBe(true);
    expect(delegationAllowed("2026-07-01")).toBe(false);
  });
});

describe("the days a schedule gives, a day off moved to the next working day", () => {
  it.each([
    [
      // 01/01/2026 is Tết Dương lịch, 02/01 a day off: the first Thursday moves to Monday 05/01
      "every Thursday of January 2026",
      [{ kind: "weekly", weekday: 4 }],
      "2026-01-01",
      "2026-01-31",
      ["2026-01-05<2026-01-01", "2026-01-08", "2026-01-15", "2026-01-22", "2026-01-29"],
    ],
    [
      // 15/02/2026 falls in Tết (14–22/02), 15/03 on a Sunday
      "the 15th of each month",
      [{ kind: "monthly_day", day: 15 }],
      "2026-01-01",
      "2026-04-30",
      ["2026-01-15", "2026-02-23<2026-02-15", "2026-03-16<2026-03-15", "2026-04-15"],
    ],
    [
      "the second Thursday and the last Friday",
      [
        { kind: "monthly_nth", nth: 2, weekday: 4 },
        { kind: "monthly_nth", nth: -1, weekday: 5 },
      ],
      "2026-04-01",
      "2026-05-31",
      ["2026-04-09", "2026-04-24", "2026-05-14", "2026-05-29"],
    ],
    [
      "the 31st, in a month of 30 days: its last day",
      [{ kind: "monthly_day", day: 31 }],
      "2026-09-01",
      "2026-09-30",
      ["2026-09-30"],
    ],
  ] as const)("%s", (_, recurrences, from, to, days) => {
    expect(
      scheduledDays(recurrences as readonly Recurrence[], from, to, cal).map((d) =>
        d.movedFrom ? `${d.on}<${d.movedFrom}` : d.on,
      ),
    ).toEqual(days);
  });

  it("gives the regular office every working day (21 in January 2026, the make-up Saturday 10/01 among them)", () => {
    const days = scheduledDays([{ kind: "working_days" }], "2026-01-01", "2026-01-31", cal).map((d) => d.on);
    expect(days).toHaveLength(21);
    expect(days).toContain("2026-01-10");
    expect(days).not.toContain("2026-01-02");
  });
});

describe("whether a month meets its minimum", () => {
  const weekly = ["2026-01-05", "2026-01-08", "2026-01-15", "2026-01-22", "2026-01-29"];
  it.each([
    // rule, days, required, short weeks, met
    ["a commune chair, every week of January 2026", law("commune_chair"), weekly, 4, [], true],
    [
      "a commune chair missing the week of 19/01",
      law("commune_chair"),
      weekly.filter((d) => d !== "2026-01-22"),
      4,
      ["2026-01-19"],
      false,
    ],
    ["a district chair, twice", law("district_chair"), ["2026-01-08", "2026-01-22"], 2, [], true],
    ["a district chair, once", law("district_chair"), ["2026-01-08", "2026-02-05"], 2, [], false],
    ["the office on one day only", law("reception_office"), ["2026-01-05"], 21, [], false],
  ] as const)("%s", (_, rule, days, required, shortWeeks, ok) => {
    expect(checkMonth(rule, "2026-01", days, cal)).toMatchObject({ required, shortWeeks, ok });
  });

  it("asks a schedule that starts mid-month, and the month running, only for the weeks they cover", () => {
    // from Wednesday 14/01: the weeks of 12/01, 19/01 and 26/01
    expect(
      checkMonth(law("commune_chair"), "2026-01", weekly.slice(2), cal, {
        from: "2026-01-14",
        to: "2026-01-31",
      }),
    ).toMatchObject({ required: 3, shortWeeks: [], ok: true });
    // on 20/01, what was held by then: the weeks of 05/01, 12/01 and 19/01
    expect(
      checkMonth(law("commune_chair"), "2026-01", ["2026-01-08", "2026-01-15"], cal, {
        from: "2026-01-01",
        to: "2026-01-20",
      }),
    ).toMatchObject({ required: 3, shortWeeks: ["2026-01-19"], ok: false });
  });

  it.each([
    // month, its whole weeks
    ["2026-12", "2026-11-30", "2027-01-03"],
    ["2026-02", "2026-01-26", "2026-03-01"],
    ["2026-06", "2026-06-01", "2026-07-05"],
  ])("takes the whole weeks around %s: %s to %s", (month, from, to) => {
    expect(weeksAround(month)).toEqual([from, to]);
  });

  it("keeps a week that straddles two months by a day in either", () => {
    // every Monday: the week of 30/11 is kept by Monday 30/11, in November
    const mondays = ["2026-11-30", "2026-12-07", "2026-12-14", "2026-12-21", "2026-12-28"];
    expect(checkMonth(law("commune_chair"), "2026-12", mondays, cal)).toMatchObject({
      required: 5,
      counted: 4,
      shortWeeks: [],
      ok: true,
    });
    expect(checkMonth(law("commune_chair"), "2026-12", mondays.slice(1), cal)).toMatchObject({
      shortWeeks: ["2026-11-30"],
      ok: false,
    });
  });

  it.each([
    // a province chair who receives on the 15th, asked on a day of the month running: held days, scheduled so far
    ["on 07/01, before the 15th: nothing asked yet", [], 0, 0, true],
    ["on 16/01, the 15th held", ["2026-01-15"], 1, 1, true],
    ["on 16/01, the 15th missed", [], 1, 1, false],
  ] as const)(
    "asks a monthly minimum of a month running no more than scheduled so far: %s",
    (_, held, soFar, required, ok) => {
      expect(
        checkMonth(law("province_chair"), "2026-01", held, cal, {
          from: "2026-01-01",
          to: "2026-01-16",
          scheduledSoFar: soFar,
        }),
      ).toMatchObject({ required, ok });
    },
  );
});
