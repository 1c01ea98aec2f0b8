import { describe, expect, it } from "vitest";
import {
  formatDecimal,
  formatDecimalEn,
  formatDecimalVi,
  formatNumber,
  formatNumberVi,
  formatPercent,
  formatPercentVi,
  langOf,
  parseNumber,
  parseNumberEn,
  parseNumberVi,
  withUnit,
} from "./vn-format.ts";

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

describe("exact decimals, both ways", () => {
  it.each([
    ["2011", "2.011"],
    ["50.43", "50,43"],
    ["-1234.5", "-1.234,5"],
    ["0", "0"],
    ["4500000000", "4.500.000.000"],
  ])("formatDecimalVi(%s) = %s", (v, out) => {
    expect(formatDecimalVi(v)).toBe(out);
  });
  it.each([
    ["2.011", "2011"],
    ["50,43", "50.43"],
    ["4.500.000,5", "4500000.5"],
    [" 1 354 ", "1354"],
    ["2.5", "2.5"],
    ["12", "12"],
    ["abc", "abc"],
    ["1,2,3", "1,2,3"],
  ])("parseNumberVi(%s) = %s", (v, out) => {
    expect(parseNumberVi(v)).toBe(out);
  });
});

describe("parseNumberEn: what the English page reads", () => {
  it.each([
    ["2,011", "2011"],
    ["1,234,567.5", "1234567.5"],
    ["50.43", "50.43"],
    ["2011", "2011"],
    ["-3,321", "-3321"],
    ["2,5", "2.5"],
    ["2.011", "2.011"],
    ["1,2,3", "1,2,3"],
  ])("parseNumberEn(%s) = %s", (v, out) => expect(parseNumberEn(v)).toBe(out));

  it("reads each language's own writing back to the same value", () => {
    for (const v of ["2011", "1234567.5", "0.25", "-3321"]) {
      expect(parseNumber(formatDecimal(v, "vi"), "vi")).toBe(v);
      expect(parseNumber(formatDecimal(v, "en"), "en")).toBe(v);
    }
  });
});

describe("English as well, from the same module", () => {
  it.each([
    [2011, "en", 0, "2,011"],
    [1234567.891, "en", 2, "1,234,567.89"],
    [-3321, "en", 0, "-3,321"],
    [2011, "vi", 0, "2.011"],
  ] as const)("formatNumber(%d, %s, %d) = %s", (value, lang, decimals, expected) => {
    expect(formatNumber(value, lang, decimals)).toBe(expected);
  });
  it.each([
    ["2011", "2,011"],
    ["50.43", "50.43"],
    ["-1234.5", "-1,234.5"],
    ["4500000000", "4,500,000,000"],
  ])("formatDecimalEn(%s) = %s", (v, out) => {
    expect(formatDecimalEn(v)).toBe(out);
    expect(formatDecimal(v, "en")).toBe(out);
  });
  it("writes percentages and units of measure", () => {
    expect(formatPercent(50.43, "en")).toBe("50.43%");
    expect(formatPercent(50.43, "vi")).toBe("50,43%");
    expect(withUnit("2.011", "mô hình")).toBe("2.011 mô hình");
    expect(withUnit("50,43", "%")).toBe("50,43%");
    expect(withUnit("7", "")).toBe("7");
  });
  it("reads the page's language", () => {
    expect(langOf("en")).toBe("en");
    expect(langOf("en-GB")).toBe("en");
    expect(langOf("vi")).toBe("vi");
    expect(langOf(undefined)).toBe("vi");
  });
});
