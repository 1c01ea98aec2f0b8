import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
  formatPeriod,
  formatSamePeriod,
  formatValue,
} from "./format.ts";

describe("web format helpers", () => {
  it.each([
    ["2025-07-01", "01/07/2025"],
    [null, "—"],
  ])("formatDate(%s) → %s", (iso, out) => {
    expect(formatDate(iso)).toBe(out);
  });
  it("writes a time in Việt Nam's time zone", () => {
    expect(formatDateTime("2026-11-30T18:05:00Z")).toBe("01/12/2026 01:05");
  });
  it.each([
    [2011, "vi", "2.011"],
    [3321, "vi", "3.321"],
    [34, "vi", "34"],
    [2011, "en", "2,011"],
  ] as const)("formatNumber(%d, %s) → %s", (n, lang, out) => {
    expect(formatNumber(n, 0, lang)).toBe(out);
  });
  it("writes values, percentages and periods the language's way", () => {
    expect(formatValue("2500", "vi")).toBe("2.500");
    expect(formatValue("2500", "en")).toBe("2,500");
    expect(formatValue(null, "vi")).toBe("—");
    expect(formatPercent(50.43, 2, "vi")).toBe("50,43%");
    expect(formatPercent(50.43, 2, "en")).toBe("50.43%");
    expect(formatPeriod("2026S2", "vi")).toBe("6 tháng cuối năm 2026");
    expect(formatPeriod("2026S2", "en")).toBe("Second half of 2026");
    expect(formatSamePeriod("2025S1", "vi")).toBe("Cùng kỳ 6 tháng đầu năm 2025");
  });
});
