import { describe, expect, it } from "vitest";
import { EXAMPLE_CRITERIA_SOURCE } from "./dvk-models.ts";
import { EXAMPLE_SCHEMES } from "./evaluation.ts";
import { estimatedDays, SHIPPED_SCHEDULES } from "./working-days.ts";

/** A source a page shows names the law or the notice, never the developers' notes. */
const developerNote = /RULES|§|\[S\d+\]|\[[CPU]\]/;

const shown: [string, string][] = [
  ...EXAMPLE_SCHEMES.map((e): [string, string] => [`scheme ${e.key}`, e.source]),
  ["example criteria", EXAMPLE_CRITERIA_SOURCE],
  ...Object.values(SHIPPED_SCHEDULES)
    .flat()
    .map((d): [string, string] => [`day ${d.date}`, d.source]),
  ...estimatedDays(2031).map((d): [string, string] => [`estimated ${d.date}`, d.source]),
];

describe("the sources pages show", () => {
  it.each(shown)("%s names its legal source in words", (_, source) => {
    expect(source).not.toMatch(developerNote);
    expect(source.length).toBeGreaterThan(10);
  });

  it("names the decisions the examples follow", () => {
    expect(EXAMPLE_SCHEMES.map((e) => e.source)).toEqual([
      "Quyết định số 1878/QĐ-UBND năm 2017 của UBND tỉnh Bắc Kạn",
      "Quyết định số 3140/QĐ-UBND năm 2022 của UBND tỉnh Quảng Bình",
    ]);
  });
});
