import { describe, expect, it } from "vitest";
import { failuresInWindow, lockoutSeconds, nextFailure, secondsUntil } from "./login-lockout.ts";

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

describe("nextFailure and secondsUntil", () => {
  const now = Date.parse("2026-12-02T08:00:00Z");
  it.each([
    [0, null, 1, 0],
    [4, now - 1000, 5, 30],
    [9, now - 1000, 10, 900],
    [9, now - 16 * 60_000, 1, 0],
  ])("after %i failures (the last at %s): %i counted, a wait of %i s", (failures, last, counted, wait) => {
    expect(nextFailure(failures, last, now)).toEqual({ failures: counted, waitSeconds: wait });
  });
  it.each([
    [null, 0],
    [now - 1, 0],
    [now, 0],
    [now + 1, 1],
    [now + 30_000, 30],
    [now + 30_001, 31],
  ])("until %s: %i s", (until, seconds) => expect(secondsUntil(until, now)).toBe(seconds));
});
