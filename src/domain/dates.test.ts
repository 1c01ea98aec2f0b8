import { describe, expect, it } from "vitest";
import {
  addDays,
  formatDateVi,
  isIsoDate,
  isWithin,
  parseDateVi,
  previousDay,
  todayInVietnam,
} from "./dates.ts";

describe("isIsoDate", () => {
  it.each([
    ["2025-07-01", true],
    ["2024-02-29", true],
    ["2025-02-29", false],
    ["2025-13-40", false],
    ["2025-00-10", false],
    ["2025-04-31", false],
    ["2025-7-1", false],
    ["01/07/2025", false],
    ["", false],
    ["2025-07-01T00:00:00Z", false],
  ])("%s → %s", (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});

describe("date helpers", () => {
  it("formats dd/MM/yyyy", () => {
    expect(formatDateVi("2025-07-01")).toBe("01/07/2025");
  });
  it("steps back over month and year ends", () => {
    expect(previousDay("2025-07-01")).toBe("2025-06-30");
    expect(previousDay("2026-01-01")).toBe("2025-12-31");
    expect(previousDay("2024-03-01")).toBe("2024-02-29");
  });
  it("uses Vietnam's day, not UTC's", () => {
    expect(todayInVietnam(new Date("2025-06-30T18:30:00Z"))).toBe("2025-07-01");
  });
  it.each([
    ["2025-07-01", null, null, true],
    ["2025-06-30", "2025-07-01", null, false],
    ["2025-06-30", null, "2025-06-30", true],
    ["2025-07-01", null, "2025-06-30", false],
  ] as const)("%s within [%s, %s] → %s", (d, f, t, expected) => {
    expect(isWithin(d, f, t)).toBe(expected);
  });
});

describe("parseDateVi", () => {
  it.each([
    ["31/12/2026", "2026-12-31"],
    ["1/7/2025", "2025-07-01"],
    [" 01.07.2025 ", "2025-07-01"],
    ["29/02/2024", "2024-02-29"],
    ["29/02/2025", null],
    ["31/04/2026", null],
    ["12/31/2026", null],
    ["1/7/25", null],
    ["2026-12-31", null],
    ["ngày mai", null],
    ["", null],
  ])("%s → %s", (text, iso) => expect(parseDateVi(text)).toBe(iso));
});

describe("addDays", () => {
  it.each([
    ["2026-11-22", 45, "2027-01-06"],
    ["2026-11-22", -90, "2026-08-24"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2025-12-31", 1, "2026-01-01"],
  ])("%s %i → %s", (d, n, out) => {
    expect(addDays(d, n)).toBe(out);
  });
});
