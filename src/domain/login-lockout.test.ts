import { describe, expect, it } from "vitest";
import { failuresInWindow, lockoutSeconds } from "./login-lockout.ts";

describe("lockoutSeconds", () => {
  it.each([
    [0, 0],
    [4, 0],
    [5, 30],
    [6, 60],
    [7, 120],
    [8, 240],
    [9, 480],
    [10, 900],
    [50, 900],
    [10_000, 900],
  ])("after %i failures: %i s", (failures, seconds) => {
    expect(lockoutSeconds(failures)).toBe(seconds);
  });
});

describe("failuresInWindow", () => {
  const now = Date.parse("2026-12-02T08:00:00Z");
  it.each([
    [7, null, 0],
    [7, now - 60_000, 7],
    [7, now - 15 * 60_000, 7],
    [7, now - 15 * 60_000 - 1, 0],
  ])("%i failures, the last at %s: %i counted", (failures, last, counted) => {
    expect(failuresInWindow(failures, last, now)).toBe(counted);
  });
});
