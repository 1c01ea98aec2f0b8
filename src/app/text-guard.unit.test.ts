import { describe, expect, it } from "vitest";
import { addressIsClean, forbiddenPath, hasForbiddenChars } from "./text-guard.ts";

describe("hasForbiddenChars", () => {
  it.each([
    ["Ấp Mỹ Hòa", false],
    ["🏠 nhà", false],
    ["", false],
    ["a\u0000b", true],
    ["\ud800", true],
    ["x\udfffy", true],
    ["\ud83c\udfe0", false],
  ])("%j → %s", (s, bad) => expect(hasForbiddenChars(s)).toBe(bad));
});

describe("forbiddenPath", () => {
  it.each([
    [{ a: "ok", b: ["x", { c: "\u0000" }] }, "b.1.c"],
    [{ "k\ud800": 1 }, "k\ud800"],
    ["\ud800", "(body)"],
    [{ a: [1, true, null, "fine"] }, null],
  ])("%j → %s", (v, path) => expect(forbiddenPath(v)).toBe(path));
});

describe("addressIsClean", () => {
  it.each([
    ["/api/units?q=%E1%BA%A4p", true],
    ["/api/units?q=a+b", true],
    ["/api/units?q=%00", false],
    ["/api/units/a%00b", false],
    ["/api/units?q=%ED%A0%80", false],
    ["/api/units?q=%F0%9F", false],
    ["/api/units?q=%", false],
  ])("%s → %s", (u, ok) => expect(addressIsClean(u)).toBe(ok));
});
