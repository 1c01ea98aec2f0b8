/**
 * Logins are locked per account with a growing wait, never per address; an administrator's password reset,
 * deactivation or grant change reaches the user's sessions at once, in this process and in another one on
 * the same database; sessions end after the idle timeout.
 */

import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { describe, expect, it, onTestFinished } from "vitest";
import { createApp } from "../../src/app/app.ts";
import { ChangeListener } from "../../src/db/change-listener.ts";
import { LoginLimiter } from "../../src/features/auth/login-limiter.ts";
import { buildKept } from "../../src/features/kept.ts";
import { createLogger } from "../../src/logger.ts";
import { Offload } from "../../src/offload/pool.ts";
import { Sealer } from "../../src/secrets/sealer.ts";
import { createTestApp } from "../helpers.ts";

const t = await createTestApp();
const login = (username: string, password: string) =>
  t.anonymous.request("POST", "/api/auth/login", { username, password });

describe("login lockout", () => {
  it("30 wrong logins under many usernames from one address lock none of the others' accounts", async () => {
    for (let i = 0; i < 30; i++) {
      expect((await login(`nobody${i % 6}`, "wrong-password")).status).toBeOneOf([401, 429]);
    }
    expect((await login("dongthap", "demo12345")).status).toBe(200);
    expect((await login("duyet.dongthap", "demo12345")).status).toBe(200);
  });

  it("locks the account after 5 wrong passwords, says for how long, and doubles the wait", async () => {
    for (let i = 0; i < 5; i++) expect((await login("thainguyen", "wrong-password")).status).toBe(401);
    const locked = await login("thainguyen", "demo12345");
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(25);
    const body = (await locked.json()) as { error: { details: { retryAfter: number }; message_vi: string } };
    expect(body.error.details.retryAfter).toBeLessThanOrEqual(30);
    expect(body.error.message_vi).toMatch(/tạm khóa/);
    // the lock is over: one more failure locks it for twice as long
    await sql`update app_user set locked_until = now() - interval '1 second' where username = 'thainguyen'`.execute(
      t.db,
    );
    expect((await login("thainguyen", "wrong-password")).status).toBe(401);
    const again = await login("thainguyen", "demo12345");
    expect(again.status).toBe(429);
    expect(Number(again.headers.get("retry-after"))).toBeGreaterThan(50);
  });

  it("an unknown username is locked the same way (the answer never tells which accounts exist)", async () => {
    for (let i = 0; i < 5; i++) expect((await login("ghost.user", "wrong-password")).status).toBe(401);
    const r = await login("ghost.user", "wrong-password");
    expect(r.status).toBe(429);
    expect(r.headers.get("retry-after")).toBeTruthy();
  });

  it("the current-password check of a password change counts as a guess", async () => {
    const c = await t.login("xa.thapmuoi");
    for (let i = 0; i < 5; i++) {
      const r = await c.json("POST", "/api/auth/password", {
        currentPassword: "wrong-one",
        newPassword: "new-pass-123",
      });
      expect(r.status).toBe(400);
    }
    const r = await c.request("POST", "/api/auth/password", {
      currentPassword: "demo12345",
      newPassword: "new-pass-123",
    });
    expect(r.status).toBe(429);
    expect(r.headers.get("retry-after")).toBeTruthy();
    await sql`update app_user set locked_until = null, failed_logins = 0 where username = 'xa.thapmuoi'`.execute(
      t.db,
    );
  });

  it("an administrator's password reset lifts the lock", async () => {
    for (let i = 0; i < 6; i++) await login("duyet.dongthap", "wrong-password");
    expect((await login("duyet.dongthap", "demo12345")).status).toBe(429);
    const admin = await t.login("admin");
    const u = (await admin.json("GET", "/api/users")).body.items.find(
      (x: { username: string }) => x.username === "duyet.dongthap",
    );
    const cur = await admin.json("GET", `/api/users/${u.id}`);
    expect(
      (await admin.json("PATCH", `/api/users/${u.id}`, { version: cur.body.version, password: "demo12345" }))
        .status,
    ).toBe(200);
    expect((await login("duyet.dongthap", "demo12345")).status).toBe(200);
  });
});

describe("changes reach the sessions at once", () => {
  /** A second process's app on the same database, with its own session cache and listener. */
  async function otherProcess() {
    const authChanges = new ChangeListener(t.handle.url, createLogger("silent"), "auth_change");
    await authChanges.start();
    onTestFinished(() => authChanges.stop());
    expect(authChanges.listening).toBe(true);
    return createApp({
      db: t.db,
      kept: buildKept(t.db),
      dbKind: t.handle.kind,
      log: createLogger("silent"),
      limiter: new LoginLimiter(),
      offload: new Offload(),
      secureCookies: false,
      sealer: new Sealer([randomBytes(32)]),
      webDist: null,
      authChanges,
    });
  }

  async function userId(username: string): Promise<number> {
    const r = await sql<{ id: number }>`select id from app_user where username = ${username}`.execute(t.db);
    return r.rows[0]?.id as number;
  }

  it("a password reset and a deactivation end the user's sessions for the very next request", async () => {
    const admin = await t.login("admin");
    for (const change of ["password", "deactivate"] as const) {
      const username = `s.${change}`;
      const created = await admin.json("POST", "/api/users", {
        username,
        displayName: "Cán bộ",
        password: "password123",
        grants: [{ role: "viewer", unitCode: "82" }],
      });
      const user = await t.login(username, "password123");
      expect((await user.request("GET", "/api/auth/me")).status).toBe(200); // now kept in the cache
      const patch = change === "password" ? { password: "another-pass-1" } : { isActive: false };
      expect(
        (
          await admin.json("PATCH", `/api/users/${created.body.id}`, {
            version: created.body.version,
            ...patch,
          })
        ).status,
      ).toBe(200);
      expect((await user.request("GET", "/api/auth/me")).status, change).toBe(401);
    }
  });

  it("a grant removed in one process is gone from the user's session in another at once", async () => {
    const admin = await t.login("admin");
    const other = await otherProcess();
    const user = await t.login("dongthap");
    const cookieOf = async () => {
      const res = await login("dongthap", "demo12345");
      return (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    };
    const cookie = await cookieOf();
    const me = async () =>
      (await (await other.request("/api/auth/me", { headers: { cookie } })).json()) as { grants: unknown[] };
    const before = (await me()).grants.length;
    const id = await userId("dongthap");
    const added = await admin.json("POST", `/api/users/${id}/grants`, { role: "viewer", unitCode: "19" });
    expect(added.status).toBe(201);
    // the other process learns of it from auth_change, well within its 2-second keep
    await expect
      .poll(async () => (await me()).grants.length, { timeout: 500, interval: 20 })
      .toBe(before + 1);
    await admin.json("DELETE", `/api/users/${id}/grants/${added.body.id}`);
    await expect.poll(async () => (await me()).grants.length, { timeout: 500, interval: 20 }).toBe(before);
    expect((await user.request("GET", "/api/auth/me")).status).toBe(200);
  });
});

describe("idle timeout", () => {
  it("a session unused for longer than the idle timeout has ended", async () => {
    const user = await t.login("dongthap");
    expect((await user.request("GET", "/api/auth/me")).status).toBe(200);
    await sql`update user_session set last_seen_at = now() - interval '121 minutes'
              where csrf_token = ${user.csrf}`.execute(t.db);
    // wait out what the process keeps of it (2 s) — the change was made behind the app's back
    await new Promise((r) => setTimeout(r, 2100));
    expect((await user.request("GET", "/api/auth/me")).status).toBe(401);
    const gone = await sql`select 1 from user_session where csrf_token = ${user.csrf}`.execute(t.db);
    expect(gone.rows).toHaveLength(0);
  });
});
