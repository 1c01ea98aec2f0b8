import { describe, expect, it } from "vitest";
import { dateOfJulianDay, julianDay, lunarToSolar } from "./lunar.ts";

describe("julian days", () => {
  it.each([
    [1, 1, 2000, 2451545],
    [1, 7, 2025, 2460858],
  ])("%d/%d/%d → %d and back", (d, m, y, jd) => {
    expect(julianDay(d, m, y)).toBe(jd);
    expect(dateOfJulianDay(jd)).toBe(`${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
  });
});

describe("lunarToSolar (UTC+7)", () => {
  // Tết Nguyên đán (1/1 âm lịch), as published in the Government's holiday notices and every Vietnamese calendar
  it.each([
    [2020, "2020-01-25"],
    [2021, "2021-02-12"],
    [2022, "2022-02-01"],
    [2023, "2023-01-22"],
    [2024, "2024-02-10"],
    [2025, "2025-01-29"],
    [2026, "2026-02-17"],
    [2027, "2027-02-06"],
    [2028, "2028-01-26"],
  ])("Tết %d is %s", (year, date) => {
    expect(lunarToSolar(1, 1, year)).toBe(date);
  });

  // Giỗ Tổ Hùng Vương (10/3 âm lịch); 2023 has a leap 2nd month, so this also checks the leap rule
  it.each([
    [2023, "2023-04-29"],
    [2024, "2024-04-18"],
    [2025, "2025-04-07"],
    [2026, "2026-04-26"],
  ])("Giỗ Tổ %d is %s", (year, date) => {
    expect(lunarToSolar(10, 3, year)).toBe(date);
  });

  it("handles a leap month and rejects one that does not exist", () => {
    expect(lunarToSolar(1, 2, 2023, true)).toBe("2023-03-22");
    expect(() => lunarToSolar(1, 5, 2024, true)).toThrow(RangeError);
  });
});
