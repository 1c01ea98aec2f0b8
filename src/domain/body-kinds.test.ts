import { describe, expect, it } from "vitest";
import { BODY_KINDS, documentFamilyOf } from "./body-kinds.ts";

describe("documentFamilyOf", () => {
  it.each([
    ["party_committee", "party"],
    ["propaganda_mass_mobilization_board", "party"],
    ["party_building_board", "party"],
    ["people_committee", "state"],
    ["people_council", "state"],
    ["fatherland_front", "front"],
    ["women_union", "front"],
  ])("%s → %s", (kind, family) => {
    expect(documentFamilyOf(kind)).toBe(family);
  });
  it("rejects unknown kinds", () => {
    expect(() => documentFamilyOf("nope")).toThrow(RangeError);
  });
  it("has unique kind codes and both languages", () => {
    expect(new Set(BODY_KINDS.map((k) => k.kind)).size).toBe(BODY_KINDS.length);
    for (const k of BODY_KINDS) expect(k.vi && k.en).toBeTruthy();
  });
});
