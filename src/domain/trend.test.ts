import { describe, expect, it } from "vitest";
import { change, changeText } from "./trend.ts";

describe("change against the same period", () => {
  it.each([
    ["1600", "1800", "tăng 12,5% so với cùng kỳ", "up 12.5% on a year earlier"],
    ["2011", "1946", "giảm 3,2% so với cùng kỳ", "down 3.2% on a year earlier"],
    ["657", "657", "bằng cùng kỳ", "same as a year earlier"],
    ["0", "12", "cùng kỳ chưa có số liệu", "nothing a year earlier"],
    ["3", "4", "tăng 33,3% so với cùng kỳ", "up 33.3% on a year earlier"],
    ["1354", "2011", "tăng 48,5% so với cùng kỳ", "up 48.5% on a year earlier"],
  ])("%s → %s", (prev, cur, vi, en) => {
    expect(changeText(change(prev, cur), "vi")).toBe(vi);
    expect(changeText(change(prev, cur), "en")).toBe(en);
  });
});
