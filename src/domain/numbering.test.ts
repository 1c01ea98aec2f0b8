import { describe, expect, it } from "vitest";
import { NumberingError, type SequenceInput, sequenceOf, termOn } from "./numbering.ts";

const terms = [
  { id: 1, name: "khóa X (2020–2025)", startsOn: "2020-08-16", endsOn: "2025-09-20" },
  { id: 2, name: "khóa XI (2025–2030)", startsOn: "2025-09-21", endsOn: null },
];
const base: SequenceInput = {
  family: "state",
  typeCode: "BC",
  normative: false,
  date: "2024-02-05",
  congress: false,
  terms: [],
  stateSequence: "shared",
};

describe("sequenceOf", () => {
  it.each<[string, Partial<SequenceInput>, { series: string; scope: string }]>([
    ["State, shared yearly sequence", {}, { series: "*", scope: "year:2024" }],
    ["State công văn, shared", { typeCode: null }, { series: "*", scope: "year:2024" }],
    ["State, per type", { stateSequence: "per_type" }, { series: "BC", scope: "year:2024" }],
    [
      "State công văn, per type",
      { typeCode: null, stateSequence: "per_type" },
      { series: "CV", scope: "year:2024" },
    ],
    [
      "State normative: own series per type",
      { typeCode: "QĐ", normative: true },
      { series: "QĐ", scope: "year:2024" },
    ],
    [
      "Party, per type per term",
      { family: "party", typeCode: "KH", terms },
      { series: "KH", scope: "term:1" },
    ],
    [
      "Party, the new term",
      { family: "party", typeCode: "KH", terms, date: "2025-09-21" },
      { series: "KH", scope: "term:2" },
    ],
    [
      "Party, last day of a term",
      { family: "party", typeCode: "KH", terms, date: "2025-09-20" },
      { series: "KH", scope: "term:1" },
    ],
    [
      "Party congress: one sequence",
      { family: "party", typeCode: "NQ", terms, congress: true },
      { series: "*", scope: "congress:1" },
    ],
  ])("%s", (_name, change, expected) => {
    expect(sequenceOf({ ...base, ...change })).toMatchObject(expected);
  });
  it("refuses a Party document without a term or without a type", () => {
    expect(() => sequenceOf({ ...base, family: "party", terms: [] })).toThrow(NumberingError);
    expect(() => sequenceOf({ ...base, family: "party", typeCode: null, terms })).toThrow(NumberingError);
    expect(() => sequenceOf({ ...base, family: "party", terms, date: "2019-01-01" })).toThrow(/no term/);
  });
  it("finds the term of a date", () => {
    expect(termOn(terms, "2030-01-01")?.id).toBe(2);
    expect(termOn(terms, "2020-08-15")).toBeNull();
  });
});
