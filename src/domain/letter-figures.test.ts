import { describe, expect, it } from "vitest";
import { letterValues, receptionValues, withKept } from "./letter-figures.ts";

const rows = [
  { kind: "complaint" as const, received: 4, resolved: 2, resolvedOnTime: 1 },
  { kind: "denunciation" as const, received: 1, resolved: 0, resolvedOnTime: 0 },
  { kind: "petition" as const, received: 7, resolved: 5, resolvedOnTime: 5 },
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
    [
      "resolved on time, in all and by kind",
      [["LETTERS_RESOLVED_ON_TIME", ["", "kind=khiếu nại", "kind=kiến nghị, phản ánh"]]],
      { LETTERS_RESOLVED_ON_TIME: { "": "6", "kind=khiếu nại": "1", "kind=kiến nghị, phản ánh": "5" } },
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

describe("the report figures reception produces", () => {
  const figures = { days: 4, scheduledDays: 5, sessions: 6, citizens: 23, groups: 1, dialogues: 2 };
  it.each([
    ["the heads' days only", ["RECEPTION_DAYS"], { RECEPTION_DAYS: { "": "4" } }],
    [
      "the heads' days held against those scheduled",
      ["RECEPTION_DAYS", "RECEPTION_DAYS_SCHEDULED"],
      { RECEPTION_DAYS: { "": "4" }, RECEPTION_DAYS_SCHEDULED: { "": "5" } },
    ],
    [
      "every reception figure the form asks for",
      ["RECEPTION_SESSIONS", "CITIZENS_RECEIVED", "CROWD_GROUPS", "DIALOGUES_HELD", "LETTERS_RECEIVED"],
      {
        RECEPTION_SESSIONS: { "": "6" },
        CITIZENS_RECEIVED: { "": "23" },
        CROWD_GROUPS: { "": "1" },
        DIALOGUES_HELD: { "": "2" },
      },
    ],
    ["none on the form", ["DVK_MODELS_TOTAL"], {}],
  ] as const)("%s", (_, onForm, values) => {
    expect(receptionValues(figures, onForm)).toEqual(values);
  });
});

describe("the registers' figures in place of what was typed", () => {
  const held = { RECEPTION_DAYS: { "": "4" }, LETTERS_RECEIVED: { "": "12", "kind=tố cáo": "1" } };
  it.each([
    [
      "a typed figure of a kept indicator is replaced, breakdown and all",
      { RECEPTION_DAYS: { "": "9" }, LETTERS_RECEIVED: { "": "3" }, DVK_MODELS_TOTAL: { "": "5" } },
      ["RECEPTION_DAYS", "LETTERS_RECEIVED"],
      {
        RECEPTION_DAYS: { "": "4" },
        LETTERS_RECEIVED: { "": "12", "kind=tố cáo": "1" },
        DVK_MODELS_TOTAL: { "": "5" },
      },
    ],
    ["an empty cell is filled", {}, ["RECEPTION_DAYS"], { RECEPTION_DAYS: { "": "4" } }],
    [
      "nothing kept: what was typed stays",
      { RECEPTION_DAYS: { "": "9" } },
      [],
      { RECEPTION_DAYS: { "": "9" } },
    ],
  ] as const)("%s", (_, typed, kept, expected) => {
    expect(withKept(typed as Record<string, Record<string, string>>, kept, held)).toEqual(expected);
  });
});
