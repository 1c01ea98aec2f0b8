import { describe, expect, it } from "vitest";
import {
  type AskRelation,
  type AskRule,
  DEFAULT_ASK_RULES,
  DEFAULT_ASK_RULES_FROM,
  mayAsk,
} from "./ask-rules.ts";

const inForce: AskRule[] = DEFAULT_ASK_RULES.map((r) => ({
  ...r,
  validFrom: DEFAULT_ASK_RULES_FROM,
  validTo: null,
}));

describe("who may ask whom (defaults)", () => {
  const cases: [string, string, AskRelation, boolean][] = [
    // the reference report: the Ban Dân vận Huyện ủy asks the UBND huyện of the same district
    ["mass_mobilization_board", "people_committee", "same", true],
    ["mass_mobilization_board", "fatherland_front", "same", true],
    ["mass_mobilization_board", "women_union", "same", true],
    ["propaganda_mass_mobilization_board", "people_committee", "same", true],
    ["propaganda_mass_mobilization_board", "party_committee", "below", true],
    ["party_committee", "police", "below", true],
    // a Party body does not ask another Party body, or the departments, of its own unit
    ["mass_mobilization_board", "party_committee", "same", false],
    ["mass_mobilization_board", "committee_department", "same", false],
    // the State asks its departments and the committees below, not the Party
    ["people_committee", "committee_department", "same", true],
    ["people_committee", "people_committee", "below", true],
    ["people_committee", "mass_mobilization_board", "same", false],
    ["people_committee", "party_committee", "below", false],
    ["people_committee", "fatherland_front", "same", false],
    // the Front asks its members and the Front below
    ["fatherland_front", "farmers_union", "same", true],
    ["fatherland_front", "fatherland_front", "below", true],
    ["fatherland_front", "people_committee", "same", false],
    // a mass organisation asks its own kind below only
    ["women_union", "women_union", "below", true],
    ["women_union", "farmers_union", "same", false],
  ];
  it.each(cases)("%s asks %s (%s): %s", (issuer, target, relation, expected) => {
    expect(mayAsk(inForce, issuer, target, relation, "2024-01-09")).toBe(expected);
  });

  it("holds each rule once", () => {
    const keys = DEFAULT_ASK_RULES.map((r) => `${r.issuerKind}|${r.targetKind}|${r.relation}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("rules are dated", () => {
  const rule: AskRule = {
    issuerKind: "people_council",
    targetKind: "committee_department",
    relation: "same",
    validFrom: "2025-07-01",
    validTo: "2025-12-31",
  };
  it.each([
    ["2025-06-30", false],
    ["2025-07-01", true],
    ["2025-12-31", true],
    ["2026-01-01", false],
  ])("on %s: %s", (on, expected) => {
    expect(mayAsk([rule], "people_council", "committee_department", "same", on)).toBe(expected);
  });
});
