import { describe, expect, it } from "vitest";
import { BUILT_IN_INDICATORS, checkValue, checkWeight, type IndicatorType } from "./indicators.ts";

describe("built-in indicators", () => {
  it("have unique codes in CONSTANT_CASE and both languages", () => {
    const codes = BUILT_IN_INDICATORS.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const i of BUILT_IN_INDICATORS) {
      expect(i.code).toMatch(/^[A-Z][A-Z0-9_]{2,63}$/);
      expect(i.nameVi && i.nameEn).toBeTruthy();
    }
  });
  it("aggregate text and ranks by no rule, counts by sum", () => {
    for (const i of BUILT_IN_INDICATORS) {
      if (i.type === "text" || i.code.endsWith("_RANK")) expect(i.aggregation).toBe("none");
      if (i.unitOfMeasure === "mô hình") expect(i.aggregation).toBe("sum");
    }
  });
});

describe("checkWeight", () => {
  const catalogue = new Map<string, { type: IndicatorType }>(BUILT_IN_INDICATORS.map((i) => [i.code, i]));
  it("holds for every built-in", () => {
    for (const i of BUILT_IN_INDICATORS) expect(checkWeight(i, catalogue)).toBeNull();
  });
  it.each([
    ["a weighted average without a weight", { aggregation: "weighted_average", weightCode: null }],
    ["a weight on a plain average", { aggregation: "average", weightCode: "DOSSIERS_RECEIVED" }],
    ["a weight that is a share", { aggregation: "weighted_average", weightCode: "ONLINE_DOSSIER_SHARE" }],
    ["a weight that is text", { aggregation: "weighted_average", weightCode: "DVCQ_BAND" }],
    ["a weight not in the catalogue", { aggregation: "weighted_average", weightCode: "NO_SUCH" }],
    ["itself", { aggregation: "weighted_average", weightCode: "X_SHARE" }],
  ] as const)("refuses %s", (_, def) => {
    const r = checkWeight(
      { code: "X_SHARE", ...def },
      new Map([...catalogue, ["X_SHARE", { type: "decimal" }]]),
    );
    expect(r?.messageVi).toBeTruthy();
    expect(r?.messageEn).toBeTruthy();
  });
});

describe("checkValue by type", () => {
  it.each([
    ["integer", "2011", "2011"],
    ["integer", " 07 ", "7"],
    ["decimal", "4500000.50", "4500000.5"],
    ["percentage", "50.43", "50.43"],
    ["percentage", "100", "100"],
    ["percentage", "0", "0"],
    ["integer", "0", "0"],
    ["integer", " 12 ", "12"],
    ["integer", "999999999999999", "999999999999999"],
    ["integer", "123456789012345678", "123456789012345678"],
    ["decimal", "2011", "2011"],
    ["decimal", "00", "0"],
    ["text", " Hoàn thành xuất sắc ", "Hoàn thành xuất sắc"],
  ] as const)("%s %s → %s", (type, raw, value) => {
    expect(checkValue(type, raw)).toEqual({ ok: true, value });
  });
  it.each([
    ["integer", "1.5"],
    ["integer", "-3"],
    ["integer", "abc"],
    ["decimal", "1e5"],
    ["percentage", "100.01"],
    ["percentage", "101"],
    ["percentage", "999999999999999"],
    ["percentage", "-1"],
    ["text", "x".repeat(2001)],
    ["integer", "1234567890123456789"],
    ["decimal", "20110000000000000000000"],
    ["decimal", "1.1234567"],
  ] as const)("%s %s is refused", (type, raw) => {
    const r = checkValue(type, raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.messageVi.length).toBeGreaterThan(0);
  });
});

describe("checkValue against the indicator's bound", () => {
  it.each([
    ["integer", "1000000", "1000000", true],
    ["integer", "1000001", "1000000", false],
    ["integer", "20110000000000", "1000000", false],
    ["decimal", "99.5", "100", true],
    ["decimal", "100.5", "100", false],
    ["integer", "5", null, true],
  ] as const)("%s %s under bound %s → ok %s", (type, raw, max, ok) => {
    expect(checkValue(type, raw, max).ok).toBe(ok);
  });
  it("says what the bound is, in both languages", () => {
    const r = checkValue("integer", "20110000000000", "1000000");
    expect(r).toMatchObject({
      ok: false,
      messageVi: expect.stringContaining("tối đa 1.000.000"),
      messageEn: expect.stringContaining("at most 1,000,000"),
    });
  });
  it("ships a bound for every numeric built-in indicator", () => {
    for (const i of BUILT_IN_INDICATORS.filter((x) => x.type !== "text" && x.type !== "percentage")) {
      expect(i.maxValue, i.code).toMatch(/^[1-9]\d*$/);
    }
  });
});
