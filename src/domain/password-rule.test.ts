import { describe, expect, it } from "vitest";
import { MIN_PASSWORD_LENGTH, passwordLongEnough } from "./password-rule.ts";

describe("the password's length", () => {
  it.each([
    ["", false],
    ["1234567", false],
    ["12345678", true],
    ["mat-khau-123", true],
  ])("%s → %s", (pw, ok) => expect(passwordLongEnough(pw)).toBe(ok));
  it("is 8 characters", () => expect(MIN_PASSWORD_LENGTH).toBe(8));
});
