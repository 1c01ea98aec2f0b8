import { describe, expect, it } from "vitest";
import {
  addSection,
  cleanDraft,
  type DraftSection,
  draftProblems,
  emptyDraft,
  type FormDraft,
  nextKey,
  problemsByPlace,
  roman,
  withKind,
} from "./form-draft.ts";

const s = (key: string, depth: 1 | 2): DraftSection => ({
  key,
  depth,
  titleVi: key,
  titleEn: key,
  kind: "narrative",
});
const outline = [s("I", 1), s("I.1", 2), s("I.2", 2), s("II", 1), s("II.1", 2)];

describe("roman", () => {
  it.each([
    [1, "I"],
    [4, "IV"],
    [5, "V"],
    [9, "IX"],
    [14, "XIV"],
    [40, "XL"],
    [90, "XC"],
  ])("%i → %s", (n, r) => expect(roman(n)).toBe(r));
});

describe("nextKey", () => {
  it.each([
    ["a part after the last one", 4, 1, "III"],
    ["a part between two parts (keys stay: the user may rename it)", 1, 1, "IIa"],
    ["a sub-part after I.2", 2, 2, "I.3"],
    ["a sub-part right after part II", 3, 2, "II.1a"],
    ["a sub-part after II.1", 4, 2, "II.2"],
  ] as const)("%s", (_what, index, depth, key) => expect(nextKey(outline, index, depth)).toBe(key));

  it("numbers a sub-part without a part before it plainly", () => {
    expect(nextKey([], -1, 2)).toBe("1");
    expect(nextKey([], -1, 1)).toBe("I");
  });
});

describe("addSection", () => {
  it("inserts after the given index, as an empty narrative", () => {
    const d: FormDraft = { ...emptyDraft(), sections: outline };
    const next = addSection(d, 2, 2);
    expect(next.sections.map((x) => x.key)).toEqual(["I", "I.1", "I.2", "I.3", "II", "II.1"]);
    expect(next.sections[3]).toMatchObject({ depth: 2, kind: "narrative", titleVi: "" });
    expect(d.sections).toHaveLength(5); // the draft given is left as it was
  });
});

describe("withKind", () => {
  it("gives a table its rows and takes them from the other kinds", () => {
    const table = withKind(s("I", 1), "table");
    expect(table.rows).toEqual([]);
    const back = withKind({ ...table, rows: [{ indicator: "X" }] }, "heading");
    expect(back.rows).toBeUndefined();
    expect(withKind({ ...s("I", 1), guidanceVi: "Nêu rõ" }, "narrative").guidanceVi).toBe("Nêu rõ");
  });
});

describe("cleanDraft", () => {
  it("trims text, drops an empty guidance and a row's empty breakdown", () => {
    const d = cleanDraft({
      ...emptyDraft(),
      code: " dv-moi ",
      nameVi: " Báo cáo ",
      sections: [
        {
          key: " I ",
          depth: 1,
          titleVi: " Tình hình ",
          titleEn: "Situation",
          kind: "narrative",
          guidanceVi: "  ",
        },
        {
          key: "II",
          depth: 1,
          titleVi: "Số liệu",
          titleEn: "Figures",
          kind: "table",
          rows: [
            { indicator: "DVK_MODELS_TOTAL", by: "" },
            { indicator: "DVK_MODELS_NEW", by: "field" },
          ],
        },
      ],
    });
    expect(d.code).toBe("dv-moi");
    expect(d.nameVi).toBe("Báo cáo");
    expect(d.sections[0]).toEqual({
      key: "I",
      depth: 1,
      titleVi: "Tình hình",
      titleEn: "Situation",
      kind: "narrative",
    });
    expect(d.sections[1]?.rows).toEqual([
      { indicator: "DVK_MODELS_TOTAL" },
      { indicator: "DVK_MODELS_NEW", by: "field" },
    ]);
  });
});

describe("draftProblems", () => {
  const good: FormDraft = {
    ...emptyDraft(),
    code: "dv-moi",
    nameVi: "Báo cáo",
    nameEn: "Report",
    sections: [{ key: "I", depth: 1, titleVi: "Tình hình", titleEn: "Situation", kind: "narrative" }],
  };
  it("finds nothing in a complete draft", () => expect(draftProblems(good)).toEqual([]));
  it.each([
    ["a bad code", { code: "Đề Cương" }, "code"],
    ["no Vietnamese name", { nameVi: " " }, "nameVi"],
    ["no level", { levels: [] }, "levels"],
    ["a bad threshold", { outlierPercent: "năm mươi" }, "outlierPercent"],
    ["no section", { sections: [] }, "sections"],
    [
      "an untitled section",
      { sections: [{ key: "I", depth: 1 as const, titleVi: "", titleEn: "x", kind: "narrative" as const }] },
      "sections.0.titleVi",
    ],
    ["two sections with one key", { sections: [...good.sections, ...good.sections] }, "sections.1"],
    [
      "a table with no rows",
      {
        sections: [
          { key: "I", depth: 1 as const, titleVi: "x", titleEn: "x", kind: "table" as const, rows: [] },
        ],
      },
      "sections.0",
    ],
    [
      "a rule without its message",
      {
        rules: [
          {
            left: "A",
            operator: "==" as const,
            right: "B",
            severity: "error" as const,
            messageVi: "",
            messageEn: "x",
          },
        ],
      },
      "rules.0.messageVi",
    ],
  ])("finds %s", (_what, change, path) => {
    const found = draftProblems({ ...good, ...change } as FormDraft);
    expect(found.map((p) => p.path)).toContain(path);
    expect(found.every((p) => p.messageVi !== "" && p.messageEn !== "")).toBe(true);
  });
});

describe("problemsByPlace", () => {
  it("sorts the server's problems to their section, rule or the form", () => {
    const m = problemsByPlace([
      { path: "sections.2.rows.0", messageVi: "Không có chỉ tiêu X", messageEn: "No indicator X" },
      { path: "rules.1.left", messageVi: "Biểu thức sai", messageEn: "Bad expression" },
      { path: "sections", messageVi: "Cần cả trọng số", messageEn: "Needs the weight" },
      { path: "code", message: "lower-case letters, digits and dashes" },
    ]);
    expect(m.get("sections.2")?.[0]?.messageVi).toBe("Không có chỉ tiêu X");
    expect(m.get("rules.1")?.[0]?.messageEn).toBe("Bad expression");
    expect(m.get("form")?.map((p) => p.messageEn)).toEqual([
      "Needs the weight",
      "code: lower-case letters, digits and dashes",
    ]);
    expect(problemsByPlace(null).size).toBe(0);
  });
});
