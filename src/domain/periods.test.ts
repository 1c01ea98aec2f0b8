import { describe, expect, it } from "vitest";
import {
  adHocPeriod,
  inCutoff,
  levelDeadlines,
  PeriodError,
  parsePeriod,
  periodChoiceOf,
  periodCodeOf,
  periodLabel,
  periodLabelOrCode,
  periodLabelVi,
  previousPeriodCode,
  samePeriodLabel,
  samePeriodLastYear,
} from "./periods.ts";
import { WorkingCalendar } from "./working-days.ts";

describe("parsePeriod: spans and NĐ 09/2019 cut-off windows", () => {
  it.each([
    ["202501", "month", "2025-01-01", "2025-01-31", "2024-12-15", "2025-01-14", "Tháng 01/2025"],
    ["202402", "month", "2024-02-01", "2024-02-29", "2024-01-15", "2024-02-14", "Tháng 02/2024"],
    ["2025Q1", "quarter", "2025-01-01", "2025-03-31", "2024-12-15", "2025-03-14", "Quý I/2025"],
    ["2025Q3", "quarter", "2025-07-01", "2025-09-30", "2025-06-15", "2025-09-14", "Quý III/2025"],
    ["2025S1", "half_year", "2025-01-01", "2025-06-30", "2024-12-15", "2025-06-14", "6 tháng đầu năm 2025"],
    ["2025N9", "nine_months", "2025-01-01", "2025-09-30", "2024-12-15", "2025-09-14", "9 tháng đầu năm 2025"],
    ["2025", "year", "2025-01-01", "2025-12-31", "2024-12-15", "2025-12-14", "Năm 2025"],
    ["2022-2024", "multi_year", "2022-01-01", "2024-12-31", "2021-12-15", "2024-12-14", "3 năm 2022–2024"],
    [
      "2025S2",
      "second_half",
      "2025-07-01",
      "2025-12-31",
      "2025-06-15",
      "2025-12-14",
      "6 tháng cuối năm 2025",
    ],
  ])("%s", (code, type, start, end, from, to, label) => {
    const p = parsePeriod(code);
    expect(p).toEqual({ type, code, start, end, cutoffFrom: from, cutoffTo: to });
    expect(periodLabelVi(p)).toBe(label);
  });

  it.each(["202513", "2025Q5", "2025S3", "1800", "2024-2022", "2025-13-40", "", "Q1-2025"])(
    "rejects %s",
    (code) => {
      expect(() => parsePeriod(code)).toThrow(PeriodError);
    },
  );
});

describe("ad-hoc periods", () => {
  it("takes the requester's window", () => {
    const p = adHocPeriod("2024-01-01", "2024-01-31", { from: "2023-12-20", to: "2024-01-25" });
    expect(p).toMatchObject({ type: "ad_hoc", cutoffFrom: "2023-12-20", cutoffTo: "2024-01-25" });
    expect(periodLabelVi(p)).toBe("Từ 01/01/2024 đến 31/01/2024");
    expect(inCutoff(p, "2024-01-25")).toBe(true);
    expect(inCutoff(p, "2024-01-26")).toBe(false);
  });
  it.each([
    ["2024-02-01", "2024-01-01"],
    ["2024-02-30", "2024-03-01"],
  ])("rejects %s..%s", (a, b) => {
    expect(() => adHocPeriod(a, b)).toThrow(PeriodError);
  });
});

describe("samePeriodLastYear", () => {
  it.each([
    ["2025S1", "2024S1"],
    ["202601", "202501"],
    ["2025Q4", "2024Q4"],
    ["2025", "2024"],
    ["2022-2024", "2019-2021"],
  ])("%s → %s", (a, b) => {
    expect(samePeriodLastYear(parsePeriod(a)).code).toBe(b);
    expect(previousPeriodCode(parsePeriod(a))).toBe(b);
  });

  it("has none for an ad-hoc window or a year before the range", () => {
    expect(previousPeriodCode(adHocPeriod("2026-03-01", "2026-03-20"))).toBeNull();
    expect(previousPeriodCode(parsePeriod("1990"))).toBeNull(); // the first year the module knows
  });
});

describe("levelDeadlines (working days after the cut-off, level by level)", () => {
  const cal = new WorkingCalendar();
  it("6 months of 2026: commune 2, province 2, centre 3 working days", () => {
    // cut-off Sunday 14/06/2026 → Tue 16/06, Thu 18/06, Tue 23/06
    expect(
      levelDeadlines(
        parsePeriod("2026S1"),
        [
          { level: "commune", workingDays: 2 },
          { level: "province", workingDays: 2 },
          { level: "centre", workingDays: 3 },
        ],
        cal,
      ),
    ).toEqual([
      { level: "commune", deadline: "2026-06-16" },
      { level: "province", deadline: "2026-06-18" },
      { level: "centre", deadline: "2026-06-23" },
    ]);
  });
  it("jumps over Tết: month 02/2026 (cut-off Sat 14/02) + 1 working day → 23/02", () => {
    expect(levelDeadlines(parsePeriod("202602"), [{ level: "commune", workingDays: 1 }], cal)).toEqual([
      { level: "commune", deadline: "2026-02-23" },
    ]);
  });
  it("requires at least 1 working day per level (Art. 8(5))", () => {
    expect(() => levelDeadlines(parsePeriod("2026"), [{ level: "commune", workingDays: 0 }], cal)).toThrow(
      PeriodError,
    );
  });
});

describe("periodLabelOrCode", () => {
  it.each([
    ["2026S1", "6 tháng đầu năm 2026"],
    // an ad-hoc window in words too, by its dates
    ["2026-01-01..2026-03-31", "Từ 01/01/2026 đến 31/03/2026"],
    ["not-a-period", "not-a-period"],
  ])("%s → %s", (code, label) => {
    expect(periodLabelOrCode(code)).toBe(label);
  });
});

describe("periods in words, both languages", () => {
  it.each([
    ["202511", "Tháng 11/2025", "November 2025"],
    ["2025Q3", "Quý III/2025", "Q3 2025"],
    ["2026S1", "6 tháng đầu năm 2026", "First half of 2026"],
    ["2026S2", "6 tháng cuối năm 2026", "Second half of 2026"],
    ["2026N9", "9 tháng đầu năm 2026", "First nine months of 2026"],
    ["2026", "Năm 2026", "Year 2026"],
    ["2022-2024", "3 năm 2022–2024", "3 years 2022–2024"],
    ["2026-03-01..2026-05-31", "Từ 01/03/2026 đến 31/05/2026", "01/03/2026 to 31/05/2026"],
  ])("%s", (code, vi, en) => {
    expect(periodLabelOrCode(code)).toBe(vi);
    expect(periodLabelOrCode(code, "en")).toBe(en);
  });
  it("names the period a trend compares with", () => {
    expect(samePeriodLabel("2025S1", "vi")).toBe("Cùng kỳ 6 tháng đầu năm 2025");
    expect(samePeriodLabel("2025", "vi")).toBe("Cùng kỳ năm 2025");
    expect(samePeriodLabel("2025S1", "en")).toBe("Same period, first half of 2025");
  });
  it("leaves an unknown code as it is", () => {
    expect(periodLabelOrCode("abc")).toBe("abc");
  });
});

describe("periods chosen in words: the picker's choice and the code", () => {
  it.each([
    [{ type: "year", year: 2026 }, "2026"],
    [{ type: "second_half", year: 2026 }, "2026S2"],
    [{ type: "half_year", year: 2026 }, "2026S1"],
    [{ type: "nine_months", year: 2026 }, "2026N9"],
    [{ type: "quarter", year: 2026, part: 3 }, "2026Q3"],
    [{ type: "month", year: 2026, part: 11 }, "202611"],
    [{ type: "multi_year", year: 2022, endYear: 2024 }, "2022-2024"],
  ] as const)("%o → %s and back", (choice, code) => {
    expect(periodCodeOf(choice)).toBe(code);
    expect(periodChoiceOf(code)).toEqual(choice);
  });
  it("refuses what cannot be", () => {
    expect(() => periodCodeOf({ type: "multi_year", year: 2024, endYear: 2022 })).toThrow(PeriodError);
    expect(() => periodCodeOf({ type: "month", year: 2026, part: 13 })).toThrow(PeriodError);
    expect(periodChoiceOf("2026-03-01..2026-05-31")).toBeNull();
  });
  it("labels what it builds", () => {
    expect(periodLabel(parsePeriod(periodCodeOf({ type: "second_half", year: 2026 })), "vi")).toBe(
      "6 tháng cuối năm 2026",
    );
  });
});
