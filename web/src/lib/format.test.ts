import { describe, expect, it } from "vitest";
import { formatDate, formatNumber } from "./format.ts";

describe("web format helpers", () => {
  it.each([
    ["2025-07-01", "01/07/2025"],
    [null, "—"],
  ])("formatDate(%s) → %s", (iso, out) => {
    expect(formatDate(iso)).toBe(out);
  });
  it.each([
    [2011, "2.011"],
    [3321, "3.321"],
    [34, "34"],
  ])("formatNumber(%d) → %s", (n, out) => {
    expect(formatNumber(n)).toBe(out);
  });
});
