import { describe, expect, it } from "vitest";
import { BUILT_IN_INDICATORS } from "./indicators.ts";

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
