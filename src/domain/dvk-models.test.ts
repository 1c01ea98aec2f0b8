import { describe, expect, it } from "vitest";
import {
  assess,
  EXAMPLE_CRITERIA,
  fedValues,
  isExemplary,
  isRecognised,
  likelyDuplicates,
  type ModelStatus,
  nameSimilarity,
  nextStatuses,
  stepProblem,
} from "./dvk-models.ts";

describe("the lifecycle", () => {
  it.each([
    ["registered", ["implementing"]],
    ["implementing", ["assessed"]],
    ["assessed", ["recognised"]],
    ["recognised", ["exemplary", "commended"]],
    ["exemplary", ["commended"]],
    ["commended", []],
  ] as const)("%s → %j", (from, to) => expect(nextStatuses(from)).toEqual(to));

  it.each([
    ["registered", "implementing", true],
    ["registered", "recognised", false],
    ["assessed", "assessed", false],
    ["commended", "registered", false],
    ["recognised", "commended", true],
  ] as const)("%s → %s allowed: %s", (from, to, ok) => {
    const p = stepProblem(from, to);
    expect(p === null).toBe(ok);
    if (p) expect(p.messageVi).toMatch(/^Không thể chuyển mô hình từ/);
  });

  it.each([
    ["registered", false],
    ["assessed", false],
    ["recognised", true],
    ["exemplary", true],
    ["commended", true],
  ] as const)("%s counts as recognised: %s", (s, r) => expect(isRecognised(s as ModelStatus)).toBe(r));

  it("counts a commended model as exemplary only if it was made exemplary first", () => {
    expect(isExemplary("exemplary", false)).toBe(true);
    expect(isExemplary("commended", true)).toBe(true);
    expect(isExemplary("commended", false)).toBe(false);
    expect(isExemplary("recognised", false)).toBe(false);
  });
});

describe("likely duplicates", () => {
  it.each([
    ["Tổ tự quản đường hoa", "TỔ TỰ QUẢN ĐƯỜNG HOA", 1],
    ["Tổ tự quản đường hoa", "To tu quan duong hoa", 1],
    ["Mô hình “Tổ tự quản đường hoa”", "Tổ tự quản đường hoa", 1],
    ["Tổ tự quản", "Tổ tự quản đường hoa ấp Mỹ Hòa", 1],
    ["Nuôi bò sinh sản", "Tổ tự quản đường hoa", 0],
    // a different number is a different model: the demo's "… 12" and "… 13", "tổ số 1" and "tổ số 2"
    ["Tổ tự quản đường hoa số 1", "Tổ tự quản đường hoa số 2", 0],
    ["Dân vận khéo ấp Mỹ Hòa 12", "Dân vận khéo ấp Mỹ Hòa 13", 0],
    ["Tổ tự quản đường hoa số 1", "To tu quan duong hoa so 1", 1],
    ["Tổ tự quản đường hoa ấp 3", "Tổ tự quản đường hoa", 1],
  ] as const)("%s ~ %s = %d", (a, b, s) => expect(nameSimilarity(a, b)).toBeCloseTo(s, 5));

  it("lists the alike names, most alike first, and leaves the others", () => {
    const found = likelyDuplicates("Dân vận khéo: tổ tự quản đường hoa", [
      { id: 1, name: "Nuôi bò sinh sản giúp hộ nghèo" },
      { id: 2, name: "Tổ tự quản đường hoa ấp Mỹ Hòa" },
      { id: 3, name: "Đường hoa tự quản" },
    ]);
    expect(found.map((f) => f.item.id)).toEqual([2, 3]);
  });
});

describe("assessment against a criteria set", () => {
  const collective = EXAMPLE_CRITERIA.find((c) => c.kind === "collective");
  if (!collective) throw new Error("no collective set");
  it.each([
    ["every criterion met", { C1: true, C2: true, C3: true, C4: true, C5: true }, 5, true],
    ["four met, the required among them", { C1: true, C2: true, C3: true, C4: true }, 4, true],
    ["four met but a required one missing", { C2: true, C3: true, C4: true, C5: true }, 4, false],
    ["only the required ones", { C1: true, C2: true }, 2, false],
    ["nothing answered", {}, 0, false],
  ])("%s", (_what, answers, met, passes) => {
    const a = assess(collective, answers);
    expect(a.met).toBe(met);
    expect(a.total).toBe(5);
    expect(a.passes).toBe(passes);
  });

  it("names the required criteria missing, and refuses unknown codes", () => {
    expect(assess(collective, { C3: true }).missingRequired).toEqual(["C1", "C2"]);
    expect(() => assess(collective, { X9: true })).toThrow(/X9/);
  });
});

describe("the values the registry feeds into a report", () => {
  const rows = [
    {
      field_code: "economy",
      kind: "collective" as const,
      total: 5,
      new: 3,
      kept: 2,
      recognised: 1,
      exemplary: 0,
    },
    {
      field_code: "culture_society",
      kind: "collective" as const,
      total: 4,
      new: 4,
      kept: 0,
      recognised: 2,
      exemplary: 1,
    },
    {
      field_code: "economy",
      kind: "individual" as const,
      total: 2,
      new: 0,
      kept: 2,
      recognised: 2,
      exemplary: 2,
    },
  ];
  const names = new Map([
    ["economy", "Kinh tế"],
    ["culture_society", "Văn hóa – xã hội"],
    ["defence_security", "Quốc phòng – an ninh"],
  ]);
  const combos = new Map([
    [
      "DVK_MODELS_TOTAL",
      [
        "",
        "field=kinh tế",
        "field=văn hóa – xã hội",
        "field=quốc phòng – an ninh",
        "kind=tập thể",
        "kind=cá nhân",
      ],
    ],
    ["DVK_MODELS_NEW", [""]],
    ["DVK_MODELS_KEPT", [""]],
    ["LETTERS_RECEIVED", [""]],
  ]);

  it.each([
    ["DVK_MODELS_TOTAL", "", "11"],
    ["DVK_MODELS_TOTAL", "field=kinh tế", "7"],
    ["DVK_MODELS_TOTAL", "field=văn hóa – xã hội", "4"],
    ["DVK_MODELS_TOTAL", "field=quốc phòng – an ninh", "0"],
    ["DVK_MODELS_TOTAL", "kind=tập thể", "9"],
    ["DVK_MODELS_TOTAL", "kind=cá nhân", "2"],
    ["DVK_MODELS_NEW", "", "7"],
    ["DVK_MODELS_KEPT", "", "4"],
  ])("%s %s = %s", (code, combo, value) => {
    expect(fedValues(rows, names, combos)[code]?.[combo]).toBe(value);
  });

  it("fills only the fed indicators that are on the form", () => {
    const v = fedValues(rows, names, combos);
    expect(Object.keys(v).sort()).toEqual(["DVK_MODELS_KEPT", "DVK_MODELS_NEW", "DVK_MODELS_TOTAL"]);
    expect(fedValues([], names, combos).DVK_MODELS_TOTAL?.[""]).toBe("0");
  });
});
