import { describe, expect, it } from "vitest";
import { type CountedReport, reachOf } from "./report-reach.ts";

const report = (
  id: number,
  unitCode: string,
  level: CountedReport["level"],
  path: string[],
  closed = false,
): CountedReport => ({ id, unitCode, level, closed, path });

const at = (reports: CountedReport[], units: string[]) =>
  reachOf(reports, new Set(units))
    .map((r) => `${r.id}@${r.unitCode}${r.own ? " own" : ""}`)
    .sort();

describe("reachOf: where each counted report counts", () => {
  it.each([
    {
      name: "communes of today: each its own unit's, and the province's territory",
      reports: [
        report(1, "30037", "commune", ["82", "30037"]),
        report(2, "30040", "commune", ["82", "30040"]),
      ],
      units: ["82", "30037", "30040"],
      expected: ["1@30037 own", "1@82", "2@30040 own", "2@82"],
    },
    {
      name: "a commune that reported for its hamlets: the province counts the commune only",
      reports: [
        report(1, "30037", "commune", ["82", "30037"]),
        report(2, "30037-001", "hamlet", ["82", "30037", "30037-001"]),
        report(3, "30037-002", "hamlet", ["82", "30037", "30037-002"]),
      ],
      units: ["82", "30037", "30037-001", "30037-002"],
      expected: ["1@30037 own", "1@82", "2@30037", "2@30037-001 own", "3@30037", "3@30037-002 own"],
    },
    {
      name: "communes of 2024 merged into one of 2025 that kept one's code: all of them are its territory",
      reports: [
        report(1, "30037", "commune", ["87", "872", "30037", "82"], true),
        report(2, "30040", "commune", ["87", "872", "30040", "82", "30037"], true),
        report(3, "30043", "commune", ["87", "872", "30043", "82", "30037"], true),
      ],
      units: ["82", "30037", "87", "872"],
      expected: [
        "1@30037",
        "1@82",
        "1@87",
        "1@872",
        "2@30037",
        "2@82",
        "2@87",
        "2@872",
        "3@30037",
        "3@82",
        "3@87",
        "3@872",
      ],
    },
    {
      name: "an old district that reported for its communes speaks for them in the old province and at itself",
      reports: [
        report(1, "872", "district", ["87", "872"], true),
        report(2, "30040", "commune", ["87", "872", "30040", "82", "30037"], true),
      ],
      units: ["87", "872", "82", "30037"],
      expected: ["1@87", "1@872", "2@30037", "2@82"],
    },
    {
      name: "only the units asked for",
      reports: [report(1, "30037", "commune", ["82", "30037"])],
      units: ["30037"],
      expected: ["1@30037 own"],
    },
    {
      name: "reports of the same level never speak for each other",
      reports: [
        report(1, "30037", "commune", ["82", "30037"]),
        report(2, "30040", "commune", ["82", "30037", "30040"], true),
      ],
      units: ["82", "30037"],
      expected: ["1@30037 own", "1@82", "2@30037", "2@82"],
    },
  ])("$name", ({ reports, units, expected }) => {
    expect(at(reports, units)).toEqual(expected);
  });

  it("counts each report at most once per unit", () => {
    const r = reachOf(
      [
        report(1, "30037", "commune", ["82", "30037"]),
        report(2, "30037-001", "hamlet", ["82", "30037", "30037-001"]),
      ],
      new Set(["82", "30037", "30037-001"]),
    );
    const keys = r.map((x) => `${x.id}@${x.unitCode}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
