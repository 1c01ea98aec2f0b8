import { describe, expect, it } from "vitest";
import {
  checkScheme,
  checkScores,
  EXAMPLE_SCHEMES,
  formatPoints,
  leaves,
  maxCriteria,
  rank,
  result,
  type Scheme,
  toHundredths,
} from "./evaluation.ts";

const bacKan = EXAMPLE_SCHEMES.find((s) => s.key === "bac-kan-2017")?.scheme as Scheme;
const quangBinh = EXAMPLE_SCHEMES.find((s) => s.key === "quang-binh-2022")?.scheme as Scheme;

describe("points", () => {
  it.each([
    ["97,05", 9705],
    ["97.05", 9705],
    ["95,5", 9550],
    ["96", 9600],
    ["0", 0],
    ["-1", null],
    ["12,345", null],
    ["mười", null],
  ])("%s → %s", (s, h) => expect(toHundredths(s)).toBe(h));

  it.each([
    [9705, "97,05"],
    [9550, "95,5"],
    [9600, "96"],
    [5, "0,05"],
  ])("%i → %s", (h, s) => expect(formatPoints(h)).toBe(s));
});

describe("the example schemes", () => {
  it("are sound: Bắc Kạn 90 self-assessed + 10 from above; Quảng Bình 100, 85 outside the PAR index", () => {
    for (const e of EXAMPLE_SCHEMES) expect(checkScheme(e.scheme)).toEqual([]);
    const self = leaves(bacKan.items).filter((i) => i.kind === "criterion" && i.scoredBy === "unit");
    expect(self.reduce((n, i) => n + (toHundredths(i.maxPoints) ?? 0), 0)).toBe(9000);
    expect(maxCriteria(bacKan, true)).toBe(10000);
    expect(maxCriteria(quangBinh, true)).toBe(10000);
    expect(maxCriteria(quangBinh, false)).toBe(8500);
  });

  it.each([
    [
      "children above the parent",
      {
        ...bacKan,
        items: [{ ...bacKan.items[0], maxPoints: "5", children: [bacKan.items[1], bacKan.items[2]] }],
      },
      "items.0",
    ],
    ["a duplicate code", { ...bacKan, items: [bacKan.items[0], bacKan.items[0]] }, "items.1"],
    ["bands out of order", { ...bacKan, bands: [...bacKan.bands].reverse() }, "bands.1.min"],
    [
      "a cap to an unknown band",
      { ...bacKan, caps: [{ code: "x", labelVi: "x", maxBand: "TOT" }] },
      "caps.0.maxBand",
    ],
    ["a zero maximum", { ...bacKan, items: [{ ...bacKan.items[0], maxPoints: "0" }] }, "items.0.maxPoints"],
  ] as [string, Scheme, string][])("finds %s", (_what, scheme, path) => {
    expect(checkScheme(scheme).map((p) => p.path)).toContain(path);
  });
});

describe("scores", () => {
  it.each([
    [
      "above the maximum",
      { BK8: { points: "6", evidence: "BC số 12" } },
      "unit",
      "BK8",
      /vượt điểm tối đa 5/,
    ],
    ["not a number", { BK8: { points: "năm" } }, "unit", "BK8", /không hợp lệ/],
    ["evidence missing", { BK1: { points: "15" } }, "unit", "BK1", /tài liệu kiểm chứng/],
    ["an item only the superior scores", { BK9: { points: "10" } }, "unit", "BK9", /cấp trên chấm/],
    ["an unknown item", { X1: { points: "1" } }, "unit", "X1", /Không có tiêu chí/],
  ] as const)("refuses %s", (_what, scores, scorer, code, message) => {
    const p = checkScores(bacKan, scores, scorer, true);
    expect(p.map((x) => x.code)).toEqual([code]);
    expect(p[0]?.messageVi).toMatch(message);
  });

  it("takes a file kept for the item as its evidence", () => {
    expect(checkScores(bacKan, { BK1: { points: "15" } }, "unit", true, new Set(["BK1"]))).toEqual([]);
    expect(checkScores(bacKan, { BK1: { points: "15" } }, "unit", true, new Set(["BK2"]))[0]?.code).toBe(
      "BK1",
    );
  });

  it("accepts a zero without evidence, and the superior's items from the appraiser", () => {
    expect(checkScores(bacKan, { BK1: { points: "0" } }, "unit", true)).toEqual([]);
    expect(checkScores(bacKan, { BK9: { points: "8" }, BK1: { points: "14" } }, "appraiser", true)).toEqual(
      [],
    );
  });

  it("refuses a PAR item for a unit outside the PAR index", () => {
    expect(checkScores(quangBinh, { QB5: { points: "10", evidence: "x" } }, "unit", false)[0]?.code).toBe(
      "QB5",
    );
  });
});

describe("results", () => {
  const full = (s: Scheme, except: Record<string, string> = {}) =>
    Object.fromEntries(
      leaves(s.items)
        .filter((i) => i.kind === "criterion" && i.scoredBy === "unit")
        .map((i) => [i.code, { points: except[i.code] ?? i.maxPoints, evidence: "có" }]),
    );

  it.each([
    ["every point, the superior's 10 too", full(bacKan), { BK9: { points: "10" } }, [], 10000, "HTXSNV"],
    [
      "the appraiser lowers an item",
      full(bacKan),
      { BK9: { points: "10" }, BK1: { points: "10,5" } },
      [],
      9550,
      "HTXSNV",
    ],
    ["a penalty", full(bacKan), { BK9: { points: "6" }, BKP: { points: "7,5" } }, [], 8850, "HTTNV"],
    [
      "capped for a dismissal: 96 gives HTTNV",
      full(bacKan, { BK1: "11" }),
      { BK9: { points: "10" } },
      ["discipline_dismissal"],
      9600,
      "HTTNV",
    ],
    [
      "the cap does not raise a lower band",
      full(bacKan, { BK1: "0", BK2: "0", BK3: "0" }),
      {},
      ["discipline_dismissal"],
      4500,
      "KHTNV",
    ],
  ] as const)("%s", (_what, own, appraised, flags, raw, band) => {
    const r = result(bacKan, own, appraised, flags, true);
    expect(r.raw).toBe(raw);
    expect(r.band?.code).toBe(band);
  });

  it("names the cap that lowered the band", () => {
    const r = result(bacKan, full(bacKan), { BK9: { points: "10" } }, ["discipline_dismissal"], true);
    expect(r.cappedBy?.code).toBe("discipline_dismissal");
  });

  it("scales to 100 a unit outside the PAR index (85 points → 100)", () => {
    const own = full(quangBinh);
    delete own.QB5;
    const r = result(quangBinh, own, {}, [], false);
    expect(r.raw).toBe(8500);
    expect(r.score).toBe(10000);
    const inside = result(quangBinh, full(quangBinh), {}, [], true);
    expect(inside.score).toBe(10000);
  });

  it("adds a bonus, never past the criteria of a parent, never below zero", () => {
    const r = result(quangBinh, { ...full(quangBinh), QBB: { points: "5" } }, {}, [], true);
    expect(r.raw).toBe(10500);
    expect(result(bacKan, {}, { BKP: { points: "10" } }, [], true).raw).toBe(0);
  });
});

describe("ranks", () => {
  it("shares a rank between equal scores and skips the next (1, 2, 2, 4)", () => {
    const r = rank([
      { unit: "A", score: 9550 },
      { unit: "B", score: 9705 },
      { unit: "C", score: 9600 },
      { unit: "D", score: 9600 },
    ]);
    expect(r.map((x) => [x.unit, x.rank])).toEqual([
      ["B", 1],
      ["C", 2],
      ["D", 2],
      ["A", 4],
    ]);
  });
});
