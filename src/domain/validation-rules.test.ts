import { describe, expect, it } from "vitest";
import {
  breakdownMessage,
  checkBreakdowns,
  checkRule,
  ExpressionError,
  isOutlier,
  parseExpression,
  referencedCodes,
} from "./validation-rules.ts";

const total = {
  left: "MODELS_TOTAL",
  operator: "==" as const,
  right: "MODELS_NEW + MODELS_KEPT",
  severity: "error" as const,
};

describe("checkRule", () => {
  it.each([
    [{ MODELS_TOTAL: "2011", MODELS_NEW: "1354", MODELS_KEPT: "657" }, "passed"], // Bắc Kạn 2021
    [{ MODELS_TOTAL: "2010", MODELS_NEW: "1354", MODELS_KEPT: "657" }, "violated"],
    [{ MODELS_TOTAL: "1354", MODELS_NEW: "1354" }, "passed"], // missing counts as 0 unless all are missing
    [{}, "skipped"],
    [{ MODELS_TOTAL: "", MODELS_NEW: "", MODELS_KEPT: "" }, "skipped"],
  ])("%j → %s", (values, status) => {
    expect(checkRule(total, values).status).toBe(status);
  });

  it("skips on any missing value when the rule says so", () => {
    expect(
      checkRule({ ...total, missing: "skip_if_any" }, { MODELS_TOTAL: "1354", MODELS_NEW: "1354" }).status,
    ).toBe("skipped");
  });

  it.each([
    ["<=", "RESOLVED", "RECEIVED", { RESOLVED: "40", RECEIVED: "45" }, "passed"],
    ["<=", "RESOLVED", "RECEIVED", { RESOLVED: "46", RECEIVED: "45" }, "violated"],
    [">=", "ONLINE_SHARE", "0", { ONLINE_SHARE: "50.43" }, "passed"],
    ["<=", "ONLINE_SHARE", "100", { ONLINE_SHARE: "100.01" }, "violated"],
    [
      "==",
      "RATE",
      "RESOLVED * 100 / RECEIVED",
      { RATE: "88.888889", RESOLVED: "40", RECEIVED: "45" },
      "passed",
    ],
    ["!=", "A", "B", { A: "1", B: "1.0" }, "violated"],
    ["==", "A / B", "1", { A: "1", B: "0" }, "skipped"],
    ["==", "-(A - B)", "B - A", { A: "3", B: "5" }, "passed"],
  ] as const)("%s: %s vs %s with %j → %s", (operator, left, right, values, status) => {
    expect(checkRule({ left, operator, right, severity: "warning" }, values).status).toBe(status);
  });

  it("reports the severity and both sides of a violation", () => {
    expect(checkRule(total, { MODELS_TOTAL: "1", MODELS_NEW: "1", MODELS_KEPT: "1" })).toEqual({
      status: "violated",
      severity: "error",
      left: "1",
      right: "2",
    });
  });
});

describe("parseExpression", () => {
  it("reads precedence and codes", () => {
    expect(referencedCodes(parseExpression("A + B * (C - 2) / A"))).toEqual(["A", "B", "C"]);
  });
  it.each([
    ["", 0],
    ["A +", 3],
    ["(A + B", 6],
    ["A B", 2],
    ["A $ B", 2],
  ])("rejects %j at position %d", (text, at) => {
    try {
      parseExpression(text);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ExpressionError);
      expect((e as ExpressionError).position).toBe(at);
      expect((e as ExpressionError).messageVi).toMatch(/vị trí/);
    }
  });
});

describe("isOutlier (against the previous period)", () => {
  it.each([
    ["100", "112.5", "20", false],
    ["100", "150", "20", true],
    ["100", "70", "20", true],
    ["0", "0", "20", false],
    ["0", "5", "20", true],
  ])("%s → %s beyond ±%s%%: %s", (prev, cur, max, out) => {
    expect(isOutlier(prev, cur, max)).toBe(out);
  });
});

describe("checkBreakdowns: parts that cannot be", () => {
  const combos = new Map([
    ["DVK_MODELS_TOTAL", ["", "field=kinh tế", "field=văn hóa – xã hội", "kind=tập thể", "kind=cá nhân"]],
    ["ONLINE_DOSSIER_SHARE", ["", "field=kinh tế"]],
  ]);
  const additive = new Set(["DVK_MODELS_TOTAL"]);
  it.each([
    ["parts below the total, some missing", { "": "10", "field=kinh tế": "4" }, []],
    ["all parts adding up", { "": "10", "field=kinh tế": "4", "field=văn hóa – xã hội": "6" }, []],
    [
      "parts above the total",
      { "": "10", "field=kinh tế": "11" },
      [
        {
          category: "field",
          options: ["kinh tế", "văn hóa – xã hội"],
          sum: "11",
          total: "10",
          complete: false,
        },
      ],
    ],
    [
      "all parts given, adding up to less",
      { "": "10", "kind=tập thể": "3", "kind=cá nhân": "4" },
      [{ category: "kind", options: ["tập thể", "cá nhân"], sum: "7", total: "10", complete: true }],
    ],
    ["no total: nothing to compare", { "field=kinh tế": "11" }, []],
  ] as const)("%s", (_name, models, expected) => {
    const got = checkBreakdowns({ DVK_MODELS_TOTAL: models }, combos, additive);
    expect(got).toEqual(expected.map((e) => ({ indicator: "DVK_MODELS_TOTAL", ...e })));
  });
  it("leaves alone what does not add up by nature (a share)", () => {
    expect(
      checkBreakdowns({ ONLINE_DOSSIER_SHARE: { "": "40", "field=kinh tế": "90" } }, combos, additive),
    ).toEqual([]);
  });
  it("says it in both languages, numbers each language's way", () => {
    const m = breakdownMessage(
      { indicator: "X", category: "field", options: ["kinh tế"], sum: "1354", total: "2011", complete: true },
      { vi: "Tổng số mô hình", en: "Models" },
    );
    expect(m.messageVi).toBe("Tổng số mô hình: các số theo lĩnh vực cộng lại là 1.354, khác tổng số 2.011");
    expect(m.messageEn).toBe("Models: the parts by field add up to 1,354, not the total 2,011");
    const letters = breakdownMessage(
      {
        indicator: "L",
        category: "kind",
        options: ["khiếu nại", "tố cáo"],
        sum: "9",
        total: "5",
        complete: false,
      },
      { vi: "Đơn thư tiếp nhận", en: "Letters received" },
    );
    expect(letters.messageVi).toBe("Đơn thư tiếp nhận: các số theo khiếu nại, tố cáo (9) lớn hơn tổng số 5");
    expect(letters.messageEn).toBe(
      "Letters received: the parts by complaints, denunciations (9) exceed the total 5",
    );
  });
});
