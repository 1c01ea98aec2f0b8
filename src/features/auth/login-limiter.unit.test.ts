import { describe, expect, it } from "vitest";
import { LoginLimiter } from "./login-limiter.ts";
import { SessionCache } from "./session-cache.ts";

describe("LoginLimiter", () => {
  it("blocks a username from an address after 5 failures for the rest of the window", () => {
    const l = new LoginLimiter(5, 30, 60_000);
    for (let i = 0; i < 4; i++) l.fail("1.1.1.1", "a", 1000);
    expect(l.retryAfter("1.1.1.1", "a", 1000)).toBe(0);
    l.fail("1.1.1.1", "a", 1000);
    expect(l.retryAfter("1.1.1.1", "a", 1000)).toBe(60);
    expect(l.retryAfter("2.2.2.2", "a", 1000)).toBe(0); // another address
    expect(l.retryAfter("1.1.1.1", "a", 61_001)).toBe(0); // window over
  });
  it("blocks an address that tries many usernames", () => {
    const l = new LoginLimiter(5, 3, 60_000);
    for (const u of ["a", "b", "c"]) l.fail("1.1.1.1", u, 0);
    expect(l.retryAfter("1.1.1.1", "d", 0)).toBeGreaterThan(0);
  });
  it("forgets a username's failures after a success", () => {
    const l = new LoginLimiter(2, 30, 60_000);
    l.fail("1.1.1.1", "a", 0);
    l.succeed("1.1.1.1", "a");
    l.fail("1.1.1.1", "a", 0);
    expect(l.retryAfter("1.1.1.1", "a", 0)).toBe(0);
  });
});

describe("SessionCache", () => {
  it("expires entries after the TTL and drops them on delete", () => {
    const c = new SessionCache<string>(2000);
    c.set("t", "v", 0);
    expect(c.get("t", 1999)).toBe("v");
    expect(c.get("t", 2001)).toBeUndefined();
    c.set("t", "v", 0);
    c.delete("t");
    expect(c.get("t", 1)).toBeUndefined();
  });
});
