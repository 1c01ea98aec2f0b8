import { describe, expect, it } from "vitest";
import {
  breakdownProblems,
  brokenRules,
  diffVersions,
  heldDiffers,
  initialInput,
  mergeInto,
  readInput,
  toInput,
} from "./entry.ts";

const INDICATORS = [
  { code: "DVK_MODELS_TOTAL", type: "integer" as const },
  { code: "DVK_MODELS_NEW", type: "integer" as const },
  { code: "DVK_MODELS_KEPT", type: "integer" as const },
  { code: "ONLINE_DOSSIER_SHARE", type: "percentage" as const },
  { code: "DVCQ_BAND", type: "text" as const },
];

describe("reading what the user typed", () => {
  it.each([
    ["DVK_MODELS_TOTAL", "2.011", "2011"],
    ["ONLINE_DOSSIER_SHARE", "50,43", "50.43"],
    ["DVCQ_BAND", " Hoàn thành xuất sắc ", "Hoàn thành xuất sắc"],
  ])("%s %s → %s", (code, raw, value) => {
    expect(readInput({ [code]: { "": raw } }, INDICATORS, "vi")).toEqual({
      values: { [code]: { "": value } },
      errors: {},
    });
  });
  it("flags bad cells in the user's language and skips empty ones", () => {
    const r = readInput(
      { DVK_MODELS_TOTAL: { "": "1,5", "field=kinh tế": "" }, ONLINE_DOSSIER_SHARE: { "": "120" } },
      INDICATORS,
      "en",
    );
    expect(r.values).toEqual({});
    expect(Object.keys(r.errors)).toEqual(["DVK_MODELS_TOTAL|", "ONLINE_DOSSIER_SHARE|"]);
    expect(r.errors["ONLINE_DOSSIER_SHARE|"]).toBe("A percentage lies between 0 and 100");
  });
  it("shows stored values the Vietnamese way", () => {
    expect(
      toInput(
        { DVK_MODELS_TOTAL: { "": "2011" }, ONLINE_DOSSIER_SHARE: { "": "50.43" }, DVCQ_BAND: { "": "Tốt" } },
        INDICATORS,
      ),
    ).toEqual({
      DVK_MODELS_TOTAL: { "": "2.011" },
      ONLINE_DOSSIER_SHARE: { "": "50,43" },
      DVCQ_BAND: { "": "Tốt" },
    });
  });
});

describe("rules while typing", () => {
  const rules = [
    {
      left: "DVK_MODELS_TOTAL",
      operator: "==" as const,
      right: "DVK_MODELS_NEW + DVK_MODELS_KEPT",
      severity: "error" as const,
      messageVi: "Tổng",
      messageEn: "Total",
    },
  ];
  it("2.011 = 1.354 + 657 holds; 2.012 does not", () => {
    expect(
      brokenRules(rules, {
        DVK_MODELS_TOTAL: { "": "2011" },
        DVK_MODELS_NEW: { "": "1354" },
        DVK_MODELS_KEPT: { "": "657" },
      }),
    ).toEqual([]);
    expect(
      brokenRules(rules, {
        DVK_MODELS_TOTAL: { "": "2012" },
        DVK_MODELS_NEW: { "": "1354" },
        DVK_MODELS_KEPT: { "": "657" },
      }),
    ).toHaveLength(1);
  });
});

describe("breakdowns while typing", () => {
  const form = {
    sections: [
      {
        key: "I",
        depth: 1 as const,
        titleVi: "Mô hình",
        titleEn: "Models",
        kind: "table" as const,
        rows: [{ indicator: "DVK_MODELS_TOTAL", by: "field" }],
      },
    ],
  };
  const indicators = [
    {
      code: "DVK_MODELS_TOTAL",
      nameVi: "Tổng số mô hình",
      nameEn: "Models in all",
      aggregation: "sum",
      categories: { field: ["kinh tế", "văn hóa - xã hội"] },
    },
  ];
  const values = (total: string, a: string, b?: string) => ({
    DVK_MODELS_TOTAL: {
      "": total,
      "field=kinh tế": a,
      ...(b === undefined ? {} : { "field=văn hóa - xã hội": b }),
    },
  });
  it.each([
    ["parts that add up to the total", values("10", "6", "4"), {}],
    ["one part given, under the total", values("10", "6"), {}],
    [
      "one part above the total",
      values("10", "12"),
      { DVK_MODELS_TOTAL: [expect.stringContaining("Tổng số mô hình")] },
    ],
    [
      "every part given, adding up to another number",
      values("10", "6", "3"),
      { DVK_MODELS_TOTAL: ["Tổng số mô hình: các số theo lĩnh vực cộng lại là 9, khác tổng số 10"] },
    ],
  ])("%s", (_name, typed, expected) => {
    expect(breakdownProblems(form, indicators, typed, "vi")).toEqual(expected);
  });
  it("says it in English on an English page", () => {
    expect(breakdownProblems(form, indicators, values("10", "6", "3"), "en")).toEqual({
      DVK_MODELS_TOTAL: ["Models in all: the parts by field add up to 9, not the total 10"],
    });
  });
});

describe("comparing versions", () => {
  it("lists changed cells and sections", () => {
    expect(
      diffVersions(
        { values: { A: { "": "1" }, B: { "": "2" } }, narrative: { I: "x" } },
        { values: { A: { "": "1" }, B: { "": "3", "f=1": "1" } }, narrative: { I: "y", V: "z" } },
      ),
    ).toEqual([
      { kind: "value", key: "B", before: "2", after: "3" },
      { kind: "value", key: "B (f=1)", before: undefined, after: "1" },
      { kind: "narrative", key: "I", before: "x", after: "y" },
      { kind: "narrative", key: "V", before: undefined, after: "z" },
    ]);
  });
});

describe("bringing figures and texts into a draft", () => {
  const cur = { input: { A: { "": "5" }, B: { "": "" } }, narrative: { I: "Đã viết.", II: "" } };
  const incoming = {
    input: { A: { "": "7" }, B: { "": "3" }, C: { "": "1" } },
    narrative: { I: "Mới.", II: "Tổng hợp." },
  };
  it.each([
    // empty cells and sections take what comes; typed ones are kept
    [false, { A: { "": "5" }, B: { "": "3" }, C: { "": "1" } }, { I: "Đã viết.", II: "Tổng hợp." }, 3, 2],
    // asked to, everything is replaced
    [true, { A: { "": "7" }, B: { "": "3" }, C: { "": "1" } }, { I: "Mới.", II: "Tổng hợp." }, 5, 0],
  ])("overwrite %s", (overwrite, input, narrative, filled, kept) => {
    expect(mergeInto(cur, incoming, overwrite)).toEqual({ input, narrative, filled, kept });
  });
  it("counts nothing for what is already the same", () => {
    expect(mergeInto(cur, { input: { A: { "": "5" } }, narrative: { I: "Đã viết." } }, false)).toMatchObject({
      filled: 0,
      kept: 0,
    });
  });
});

describe("the registers' figures in the form", () => {
  const ind = [...INDICATORS, { code: "RECEPTION_DAYS", type: "integer" as const }];
  const held = {
    codes: ["RECEPTION_DAYS", "DVK_MODELS_TOTAL"],
    values: { RECEPTION_DAYS: { "": "1200" }, DVK_MODELS_TOTAL: { "": "2011" } },
    kept: ["RECEPTION_DAYS"],
  };
  it.each([
    [
      "a kept figure shows the register's, in the page's language; the rest as typed",
      { RECEPTION_DAYS: { "": "9" }, DVK_MODELS_TOTAL: { "": "5" } },
      { RECEPTION_DAYS: { "": "1.200" }, DVK_MODELS_TOTAL: { "": "5" } },
    ],
    ["an empty report gets the kept figure", {}, { RECEPTION_DAYS: { "": "1.200" } }],
  ])("%s", (_, values, shown) => {
    expect(initialInput(values, held, ind, "vi")).toEqual(shown);
  });
  it.each([
    [
      "a model count differs: offered",
      { RECEPTION_DAYS: { "": "1200" }, DVK_MODELS_TOTAL: { "": "5" } },
      true,
    ],
    [
      "only the kept figure differs: nothing to offer",
      { RECEPTION_DAYS: { "": "3" }, DVK_MODELS_TOTAL: { "": "2011" } },
      false,
    ],
    ["nothing held", null, false],
  ])("%s", (_, values, differs) => {
    expect(heldDiffers(values ? held : null, values ?? {})).toBe(differs);
  });
});
