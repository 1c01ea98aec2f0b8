import { describe, expect, it } from "vitest";
import { byWarning, type HotspotCounts, hotspotLevel } from "./letter-hotspots.ts";

const calm: HotspotCounts = { openCrowded: 0, openHeated: 0, crowdedRecent: 0, overdue: 0 };

describe("a unit's hot-spot level (danvan's own definition: no law sets one)", () => {
  it.each([
    ["nothing open, nothing repeated", {}, "calm"],
    ["an open crowded case", { openCrowded: 1, crowdedRecent: 1 }, "hot"],
    ["an open heated case", { openHeated: 1 }, "hot"],
    ["one crowded case this year, closed", { crowdedRecent: 1 }, "calm"],
    ["two crowded cases this year, both closed", { crowdedRecent: 2 }, "watch"],
    ["an open letter past its legal day", { overdue: 1 }, "watch"],
    ["an open crowded case and overdue letters", { openCrowded: 1, overdue: 3 }, "hot"],
  ] as const)("%s → %s", (_, patch, level) => {
    expect(hotspotLevel({ ...calm, ...patch })).toBe(level);
  });
});

describe("the early-warning order", () => {
  it("puts hot units first, then the most open cases, repeats, overdue letters, then the name", () => {
    const units = [
      { ...calm, name: "Xã Mỹ An" },
      { ...calm, name: "Xã Đốc Binh Kiều", overdue: 2 },
      { ...calm, name: "Xã Tháp Mười", openCrowded: 1, crowdedRecent: 3 },
      { ...calm, name: "Xã Trường Xuân", openCrowded: 1, openHeated: 1 },
      { ...calm, name: "Xã Thanh Mỹ", crowdedRecent: 2 },
      { ...calm, name: "Xã Bình Hàng Trung" },
    ];
    expect(byWarning(units).map((u) => u.name)).toEqual([
      "Xã Trường Xuân",
      "Xã Tháp Mười",
      "Xã Thanh Mỹ",
      "Xã Đốc Binh Kiều",
      "Xã Bình Hàng Trung",
      "Xã Mỹ An",
    ]);
  });
});
