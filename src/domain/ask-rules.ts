/**
 * Who may ask whom for a report. Bodies ask bodies: a Party body asks the State and the Front of its own unit
 * and every body below it; the People's Committee asks its own departments and the People's Committees below
 * it; the Front asks its member organisations and the Front below it; every body asks the bodies of its own
 * kind below it. The reference report (Tháp Mười, 2024) is the Ban Dân vận Huyện ủy asking the UBND huyện of
 * the same district; the Bắc Kạn review is a Party body compiling what the State, the Front and the mass
 * organisations reported.
 *
 * No retrieved text states the rule as such (the regulation on dân vận work, Quy định số 23-QĐ/TW ngày
 * 30/7/2021, was found, its per-level duties were not), so it is kept as data: these defaults are stored with
 * their dates (table `ask_rule`) and a system administrator may add a rule or end one from a date on.
 * @module
 */
import { BODY_KINDS } from "./body-kinds.ts";

/** "same": a body of the asking body's own unit; "below": a body of a unit under it. */
export type AskRelation = "same" | "below";

export interface AskRule {
  issuerKind: string;
  targetKind: string;
  relation: AskRelation;
  /** ISO dates; `validTo` null: still in force */
  validFrom: string;
  validTo: string | null;
}

const PARTY = BODY_KINDS.filter((k) => k.family === "party").map((k) => k.kind);
const STATE = ["people_council", "people_committee"];
const FRONT = BODY_KINDS.filter((k) => k.family === "front").map((k) => k.kind);
const FRONT_MEMBERS = FRONT.filter((k) => k !== "fatherland_front");
const ALL = BODY_KINDS.map((k) => k.kind);

/** The date the defaults are stored from: Quy định số 23-QĐ/TW (30/7/2021), in force on signing. */
export const DEFAULT_ASK_RULES_FROM = "2021-07-30";

function rules(issuers: readonly string[], targets: readonly string[], relation: AskRelation) {
  return issuers.flatMap((issuerKind) => targets.map((targetKind) => ({ issuerKind, targetKind, relation })));
}

/** The shipped rules, each (issuer kind, target kind, relation) once. */
export const DEFAULT_ASK_RULES: readonly Omit<AskRule, "validFrom" | "validTo">[] = (() => {
  const all = [
    // the Party: the State and the Front of its own unit, and every body below
    ...rules(PARTY, [...STATE, ...FRONT], "same"),
    ...rules(PARTY, ALL, "below"),
    // the People's Committee: its departments and armed forces' commands, and the committees below
    ...rules(["people_committee"], ["committee_department", "military_command", "police"], "same"),
    ...rules(["people_committee"], ["people_committee", "committee_department"], "below"),
    // the People's Council: its committee, and the councils below
    ...rules(["people_council"], ["people_committee"], "same"),
    // the Front: its member organisations, and the Front and its members below
    ...rules(["fatherland_front"], FRONT_MEMBERS, "same"),
    ...rules(["fatherland_front"], FRONT, "below"),
    // every body: the bodies of its own kind below it
    ...ALL.map((k) => ({ issuerKind: k, targetKind: k, relation: "below" as const })),
  ];
  const seen = new Set<string>();
  return all.filter((r) => {
    const key = `${r.issuerKind}|${r.targetKind}|${r.relation}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
})();

/** Whether a body of `issuerKind` may ask one of `targetKind` (`relation` to it) on the date `on`. */
export function mayAsk(
  rulesInForce: readonly AskRule[],
  issuerKind: string,
  targetKind: string,
  relation: AskRelation,
  on: string,
): boolean {
  return rulesInForce.some(
    (r) =>
      r.issuerKind === issuerKind &&
      r.targetKind === targetKind &&
      r.relation === relation &&
      r.validFrom <= on &&
      (r.validTo === null || on <= r.validTo),
  );
}
