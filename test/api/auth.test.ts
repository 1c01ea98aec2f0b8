import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../helpers.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});

describe("auth", () => {
  it("health and OpenAPI are public", async () => {
    const h = await t.anonymous.json("GET", "/api/health");
    expect(h).toEqual({
      status: 200,
      body: { status: "ok", database: expect.stringMatching(/embedded|external/), version: "0.1.0" },
    });
    const doc = await t.anonymous.json("GET", "/api/openapi.json");
    expect(doc.status).toBe(200);
    for (const p of [
      "/api/auth/login",
      "/api/units",
      "/api/units/{code}",
      "/api/units/{code}/children",
      "/api/units/{code}/successors",
    ]) {
      expect(Object.keys(doc.body.paths)).toContain(p);
    }
  });

  it("sets an HttpOnly SameSite cookie and never stores the raw token", async () => {
    const res = await t.anonymous.request("POST", "/api/auth/login", {
      username: "dongthap",
      password: "demo12345",
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const token = cookie.split(";")[0]?.split("=")[1] ?? "";
    const stored = await t.db.selectFrom("user_session").select("id").execute();
    expect(stored.some((s) => s.id === token)).toBe(false);
  });

  it("rejects wrong passwords with 401 and rate-limits after 5 failures", async () => {
    for (let i = 0; i < 5; i++) {
      const r = await t.anonymous.json("POST", "/api/auth/login", {
        username: "thainguyen",
        password: "wrong-password",
      });
      expect(r.status).toBe(401);
    }
    const limited = await t.anonymous.json("POST", "/api/auth/login", {
      username: "thainguyen",
      password: "demo12345",
    });
    expect(limited.status).toBe(429);
    expect(limited.body.error.details.retryAfter).toBeGreaterThan(0);
  });

  it("requires the CSRF token on cookie-authenticated writes", async () => {
    const c = await t.login("xa.thapmuoi");
    const noToken = await c.request(
      "POST",
      "/api/units/30037/hamlets",
      { name: "Ấp CSRF", type: "ấp" },
      { "x-csrf-token": "" },
    );
    expect(noToken.status).toBe(403);
    expect(((await noToken.json()) as { error: { code: string } }).error.code).toBe("csrf_failed");
  });

  it("resolves many sessions at once, each to its own user, none expired or of a deactivated user", async () => {
    // the first requests of a deadline come together: their session lookups share one statement
    const live = await Promise.all(["dongthap", "duyet.dongthap", "xa.thapmuoi"].map((u) => t.login(u)));
    const expired = await t.login("dongthap");
    const deactivated = await t.login("admin");
    await t.db
      .updateTable("user_session")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("csrf_token", "=", expired.csrf)
      .execute();
    await t.db.updateTable("app_user").set({ is_active: false }).where("username", "=", "admin").execute();
    try {
      const clients = [...live, ...live, expired, deactivated];
      const answers = await Promise.all(clients.map((c) => c.json("GET", "/api/auth/me")));
      expect(answers.map((a) => (a.status === 200 ? a.body.user.username : a.status))).toEqual([
        "dongthap",
        "duyet.dongthap",
        "xa.thapmuoi",
        "dongthap",
        "duyet.dongthap",
        "xa.thapmuoi",
        401,
        401,
      ]);
    } finally {
      await t.db.updateTable("app_user").set({ is_active: true }).where("username", "=", "admin").execute();
    }
  });

  it("changes the password, then logs out", async () => {
    const c = await t.login("admin");
    const weak = await c.json("POST", "/api/auth/password", {
      currentPassword: "demo12345",
      newPassword: "short",
    });
    expect(weak.status).toBe(400);
    const wrong = await c.json("POST", "/api/auth/password", {
      currentPassword: "nope",
      newPassword: "a-long-new-password",
    });
    expect(wrong.status).toBe(400);
    const ok = await c.json("POST", "/api/auth/password", {
      currentPassword: "demo12345",
      newPassword: "a-long-new-password",
    });
    expect(ok.status).toBe(200);
    await t.login("admin", "a-long-new-password");
    expect((await c.json("POST", "/api/auth/logout")).status).toBe(200);
    expect((await c.json("GET", "/api/auth/me")).status).toBe(401);
  });

  it("keeps the audit log append-only", async () => {
    await expect(t.db.deleteFrom("audit_log").execute()).rejects.toThrow(/append-only/);
    await expect(t.db.updateTable("audit_log").set({ action: "x" }).execute()).rejects.toThrow(/append-only/);
  });
});
