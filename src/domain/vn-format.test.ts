import { describe, expect, it } from "vitest";
import { formatNumberVi, formatPercentVi } from "./vn-format.ts";

describe("formatNumberVi", () => {
  it.each([
    [2011, 0, "2.011"],
    [1354, 0, "1.354"],
    [657, 0, "657"],
    [10035, 0, "10.035"],
    [1234567.891, 2, "1.234.567,89"],
    [-3321, 0, "-3.321"],
    [0, 0, "0"],
    [-0.001, 2, "0,00"],
  ])("%d (%d decimals) → %s", (value, decimals, expected) => {
    expect(formatNumberVi(value, decimals)).toBe(expected);
  });
  it("formats percentages", () => {
    expect(formatPercentVi(50.43)).toBe("50,43%");
    expect(formatPercentVi(95.5, 1)).toBe("95,5%");
  });
});
