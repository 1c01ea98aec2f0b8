import { describe, expect, it } from "vitest";
import { aggregate } from "./aggregation.ts";
import { add, compare, divide, isDecimal, multiply } from "./decimal.ts";

describe("decimal", () => {
  it.each([
    [["0.1", "0.2"], "0.3"], // exact, unlike floating point
    [["1354", "657"], "2011"], // Bắc Kạn 2021: new + kept = total
    [["-1.5", "1.25"], "-0.25"],
    [["10.10", "0.90"], "11"],
  ])("add %j → %s", (values, sum) => {
    expect(add(...values)).toBe(sum);
  });
  it.each([
    ["2", "3", 2, "0.67"],
    ["-2", "3", 2, "-0.67"],
    ["1", "8", 2, "0.13"], // 0.125 → half away from zero
    ["-1", "8", 2, "-0.13"],
    ["95.5", "1", 1, "95.5"],
    ["1", "3", 0, "0"],
  ])("divide %s / %s (%d) → %s", (a, b, s, out) => {
    expect(divide(a, b, s)).toBe(out);
  });
  it("multiplies and compares", () => {
    expect(multiply("1.5", "-2.25")).toBe("-3.375");
    expect(compare("2.10", "2.1")).toBe(0);
    expect(compare("-3", "2")).toBe(-1);
  });
  it.each(["", "1e3", "1,5", "1.", ".5", "abc", "1.0000000000001"])("rejects %j", (s) => {
    expect(isDecimal(s)).toBe(false);
    expect(() => add(s)).toThrow(RangeError);
  });
  it("rejects division by zero", () => {
    expect(() => divide("1", "0.00", 2)).toThrow(RangeError);
  });
});

describe("aggregate", () => {
  const items = [
    { value: "96", weight: "1000", at: "2024-01-10" },
    { value: "95.5", weight: "3000", at: "2024-03-01" },
    { value: "97.05", weight: "1000", at: "2023-12-31" },
  ];
  it.each([
    ["sum", "288.55"],
    ["average", "96.18"], // 288.55 / 3 = 96.1833…
    ["weighted_average", "95.91"], // (96000 + 286500 + 97050) / 5000 = 95.91
    ["min", "95.5"],
    ["max", "97.05"],
    ["latest", "95.5"],
    ["none", null],
  ] as const)("%s → %s", (rule, out) => {
    expect(aggregate(rule, items)).toBe(out);
  });
  it("gives null for no values, refuses missing dates, and leaves values without a weight out", () => {
    expect(aggregate("sum", [])).toBeNull();
    expect(() => aggregate("latest", [{ value: "1" }])).toThrow(RangeError);
    expect(aggregate("weighted_average", [{ value: "1" }])).toBeNull();
    expect(aggregate("weighted_average", [{ value: "1", weight: "0" }])).toBeNull();
    // 40% of 200 dossiers and 70% of 600: (8000 + 42000) / 800 = 62.5; the unweighed 10% does not count
    expect(
      aggregate("weighted_average", [
        { value: "40", weight: "200" },
        { value: "70", weight: "600" },
        { value: "10" },
      ]),
    ).toBe("62.5");
  });
});
