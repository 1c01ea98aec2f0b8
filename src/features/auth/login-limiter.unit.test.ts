import { describe, expect, it } from "vitest";
import { LoginLimiter } from "./login-limiter.ts";
import { SessionCache } from "./session-cache.ts";

describe("LoginLimiter (usernames without an account)", () => {
  it("locks a username after 5 failures, with a wait that doubles, whatever the address", () => {
    const l = new LoginLimiter();
    for (let i = 0; i < 4; i++) expect(l.fail("a", 1000)).toBe(0);
    expect(l.retryAfter("a", 1000)).toBe(0);
    expect(l.fail("a", 1000)).toBe(30);
    expect(l.retryAfter("a", 1000)).toBe(30);
    expect(l.retryAfter("b", 1000)).toBe(0); // another username
    expect(l.retryAfter("a", 31_000)).toBe(0); // the wait is over
    expect(l.fail("a", 31_000)).toBe(60);
  });
  it("when full, forgets the least recently tried username, not every lock", () => {
    const l = new LoginLimiter(2);
    for (let i = 0; i < 5; i++) l.fail("older", 1000);
    for (let i = 0; i < 5; i++) l.fail("newer", 1000);
    l.fail("third", 1000);
    expect(l.retryAfter("newer", 1000)).toBe(30); // still locked
    expect(l.retryAfter("older", 1000)).toBe(0); // the one that made room
  });
  it("forgets the failures 15 minutes after the last one", () => {
    const l = new LoginLimiter();
    for (let i = 0; i < 6; i++) l.fail("a", 0);
    expect(l.fail("a", 15 * 60_000 + 1)).toBe(0);
  });
});

describe("SessionCache", () => {
  const v = (userId: number) => ({ auth: { userId } });
  it("expires entries after the TTL and drops them on delete", () => {
    const c = new SessionCache<ReturnType<typeof v>>(2000);
    c.set("t", v(1), 0);
    expect(c.get("t", 1999)).toEqual(v(1));
    expect(c.get("t", 2001)).toBeUndefined();
    c.set("t", v(1), 0);
    c.delete("t");
    expect(c.get("t", 1)).toBeUndefined();
  });
  it("keeps at most its size, the least recently used going first", () => {
    const c = new SessionCache<ReturnType<typeof v>>(2000, 2);
    c.set("a", v(1), 0);
    c.set("b", v(2), 0);
    expect(c.get("a", 1)).toEqual(v(1)); // "a" is now the more recently used
    c.set("c", v(3), 0);
    expect([c.get("a", 1), c.get("b", 1), c.get("c", 1)]).toEqual([v(1), undefined, v(3)]);
  });
  it("drops every session of one user, and only those", () => {
    const c = new SessionCache<ReturnType<typeof v>>(2000);
    c.set("a", v(1), 0);
    c.set("b", v(1), 0);
    c.set("c", v(2), 0);
    c.dropUser(1);
    expect([c.get("a", 1), c.get("b", 1), c.get("c", 1)]).toEqual([undefined, undefined, v(2)]);
  });
});
