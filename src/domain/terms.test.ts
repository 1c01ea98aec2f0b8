import { describe, expect, it } from "vitest";
import { BUILT_IN_INDICATORS } from "./indicators.ts";
import { dimensionName, term, unitOfMeasure } from "./terms.ts";

describe("terms of the data in English", () => {
  it.each([
    ["mô hình", 1, "model"],
    ["mô hình", 2011, "models"],
    ["mô hình", undefined, "models"],
    ["%", 5, "%"],
    ["", 5, ""],
  ])("unitOfMeasure(%s, en, %s) = %s", (vi, n, en) => {
    expect(unitOfMeasure(vi, "en", n)).toBe(en);
    expect(unitOfMeasure(vi, "vi", n)).toBe(vi);
  });
  it("has English for every shipped unit of measure and breakdown option", () => {
    for (const i of BUILT_IN_INDICATORS) {
      if (i.unitOfMeasure && i.unitOfMeasure !== "%") {
        expect(unitOfMeasure(i.unitOfMeasure, "en", 2), i.code).not.toBe(i.unitOfMeasure);
      }
      for (const key of Object.keys(i.categories)) {
        expect(dimensionName(key, "vi"), `${i.code} ${key}`).not.toBe(key);
        expect(dimensionName(key, "en"), `${i.code} ${key}`).not.toBe(key);
      }
      for (const options of Object.values(i.categories)) {
        for (const o of options) expect(term(o, "en"), `${i.code} ${o}`).not.toBe(o);
      }
    }
  });
  it("leaves unknown words as they are", () => {
    expect(term("Xã Tháp Mười", "en")).toBe("Xã Tháp Mười");
    expect(term("kinh tế", "vi")).toBe("kinh tế");
    expect(term("Hoàn thành tốt nhiệm vụ", "en")).toBe("Completed tasks well");
  });
});
