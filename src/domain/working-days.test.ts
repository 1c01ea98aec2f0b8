import { describe, expect, it } from "vitest";
import { estimatedDays, scheduleFor, WorkingCalendar } from "./working-days.ts";

const cal = new WorkingCalendar();

describe("isWorkingDay", () => {
  it.each([
    ["2025-01-01", false, "Tết Dương lịch 2025"],
    ["2025-01-27", false, "Tết 2025"],
    ["2025-02-03", true, "back after Tết 2025"],
    ["2025-04-26", true, "Saturday made a working day (swap for 02/05)"],
    ["2025-05-02", false, "swapped day off"],
    ["2025-09-01", false, "Quốc khánh 2025, day before"],
    ["2026-01-02", false, "Friday swapped off (RULES §1h)"],
    ["2026-01-10", true, "Saturday 10/01/2026 made a working day"],
    ["2026-01-05", true, "Monday after Tết Dương lịch 2026"],
    ["2026-02-13", true, "Friday before Tết 2026"],
    ["2026-02-16", false, "Tết 2026 (14–22/02)"],
    ["2026-02-20", false, "Tết 2026"],
    ["2026-02-23", true, "back after Tết 2026"],
    ["2026-04-27", false, "Giỗ Tổ 2026 falls on Sunday 26/04: made up Monday (estimated)"],
    ["2026-03-07", false, "an ordinary Saturday"],
    ["2026-03-09", true, "an ordinary Monday"],
  ])("%s → %s (%s)", (date, working) => {
    expect(cal.isWorkingDay(date)).toBe(working);
  });

  it("rejects a non-date", () => {
    expect(() => cal.isWorkingDay("2025-13-40")).toThrow(RangeError);
  });
});

describe("addWorkingDays / workingDaysBetween", () => {
  it.each([
    ["2026-02-13", 1, "2026-02-23"], // over Tết 2026
    ["2026-01-09", 1, "2026-01-10"], // onto the working Saturday
    ["2025-04-29", 1, "2025-05-05"], // over 30/4–4/5/2025
    ["2025-06-13", 5, "2025-06-20"],
    ["2026-02-14", 0, "2026-02-23"],
    ["2026-03-09", 0, "2026-03-09"],
  ])("%s + %d working days → %s", (from, n, expected) => {
    expect(cal.addWorkingDays(from, n)).toBe(expected);
  });
  it.each([
    ["2026-02-23", 1, "2026-02-13"], // back over Tết 2026
    ["2026-01-12", 1, "2026-01-10"], // back onto the working Saturday
    ["2025-05-05", 1, "2025-04-29"], // back over 30/4–4/5/2025
    ["2025-06-20", 5, "2025-06-13"],
  ])("%s − %d working days → %s", (from, n, expected) => {
    expect(cal.subtractWorkingDays(from, n)).toBe(expected);
    expect(cal.addWorkingDays(expected, n)).toBe(from);
  });
  it("counts working days in (from, to]", () => {
    expect(cal.workingDaysBetween("2026-02-13", "2026-02-23")).toBe(1);
    expect(cal.workingDaysBetween("2026-03-09", "2026-03-09")).toBe(0);
  });
});

describe("schedules", () => {
  it("ships 2025 as official, 2026 partly estimated, later years estimated", () => {
    expect(scheduleFor(2025).status).toBe("official");
    expect(scheduleFor(2026).status).toBe("estimated");
    expect(scheduleFor(2026).days.find((d) => d.date === "2026-02-17")?.status).toBe("official");
    expect(scheduleFor(2027).status).toBe("estimated");
  });

  it("estimates 2027 from the lunar calendar: Tết on Saturday 06/02, weekend days made up", () => {
    const days = estimatedDays(2027).map((d) => d.date);
    expect(days).toEqual(
      expect.arrayContaining([
        "2027-01-01",
        "2027-02-05",
        "2027-02-08",
        "2027-02-09",
        "2027-02-10",
        "2027-02-11",
        "2027-04-16",
      ]),
    );
    expect(days).not.toContain("2027-02-06"); // a Saturday: made up on a weekday instead
    expect(estimatedDays(2027)).toHaveLength(11);
  });

  it("an admin-confirmed table replaces the estimate", () => {
    const c = new WorkingCalendar({
      2027: [
        { date: "2027-01-01", kind: "holiday", name: "Tết Dương lịch", status: "official", source: "test" },
      ],
    });
    expect(scheduleFor(2027, { 2027: [] }).days).toEqual([]);
    expect(c.isWorkingDay("2027-02-08")).toBe(true); // no Tết in that (test) table
  });
});
