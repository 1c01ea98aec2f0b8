import { describe, expect, it } from "vitest";
import { letterValues } from "./letter-figures.ts";

const rows = [
  { kind: "complaint" as const, received: 4, resolved: 2 },
  { kind: "denunciation" as const, received: 1, resolved: 0 },
  { kind: "petition" as const, received: 7, resolved: 5 },
];

describe("the report figures the letters produce", () => {
  it.each([
    // what the form asks, what is filled
    ["the totals only", [["LETTERS_RECEIVED", [""]]], { LETTERS_RECEIVED: { "": "12" } }],
    [
      "received and resolved by kind (accents aside)",
      [
        ["LETTERS_RECEIVED", ["", "kind=khiếu nại", "kind=Tố cáo", "kind=kien nghi, phan anh"]],
        ["LETTERS_RESOLVED", ["", "kind=khiếu nại"]],
      ],
      {
        LETTERS_RECEIVED: {
          "": "12",
          "kind=khiếu nại": "4",
          "kind=Tố cáo": "1",
          "kind=kien nghi, phan anh": "7",
        },
        LETTERS_RESOLVED: { "": "7", "kind=khiếu nại": "2" },
      },
    ],
    [
      "a breakdown the letters do not know: left to the unit",
      [["LETTERS_RESOLVED", ["", "field=đất đai"]]],
      {
        LETTERS_RESOLVED: { "": "7" },
      },
    ],
    ["nothing the letters fill", [["DVK_MODELS_TOTAL", [""]]], {}],
  ] as const)("%s", (_, combos, values) => {
    expect(letterValues(rows, new Map(combos as unknown as [string, string[]][]))).toEqual(values);
  });

  it("says 0 rather than leaving a cell empty", () => {
    expect(letterValues([], new Map([["LETTERS_RECEIVED", ["", "kind=tố cáo"]]]))).toEqual({
      LETTERS_RECEIVED: { "": "0", "kind=tố cáo": "0" },
    });
  });
});
