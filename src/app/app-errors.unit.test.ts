/** A failing request writes one log line with its id (no stack trace) and answers the usual error body. */

import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import type { Kysely } from "kysely";
import pino from "pino";
import { describe, expect, it } from "vitest";
import type { Database } from "../db/database.ts";
import { LoginLimiter } from "../features/auth/login-limiter.ts";
import { buildKept } from "../features/kept.ts";
import { Offload } from "../offload/pool.ts";
import { Sealer } from "../secrets/sealer.ts";
import { createApp } from "./app.ts";

function appWithLog(level: string) {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });
  // no database: every route that reaches one fails, as a fault would
  const app = createApp({
    db: null as unknown as Kysely<Database>,
    kept: buildKept(null as unknown as Kysely<Database>),
    dbKind: "embedded",
    log: pino({ level }, sink),
    limiter: new LoginLimiter(),
    offload: new Offload(),
    secureCookies: false,
    sealer: new Sealer([randomBytes(32)]),
    webDist: null,
  });
  return { app, lines };
}

describe("a request that fails on the server", () => {
  it("logs one line with the request id, no stack trace; the stack only at debug level", async () => {
    const { app, lines } = appWithLog("info");
    const login = {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "admin", password: "x" }),
    };
    const res = await app.request("/api/auth/login", login);
    expect(res.status).toBe(500);
    const body = (await res.json()) as {
      error: { code: string; message_vi: string; details: { requestId: string } };
    };
    expect(body.error.code).toBe("internal");
    const id = res.headers.get("x-request-id");
    expect(id).toBeTruthy();
    expect(body.error.details.requestId).toBe(id);
    expect(body.error.message_vi).toContain(id as string);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ reqId: id, path: "/api/auth/login", level: 50 });
    expect(JSON.stringify(lines)).not.toMatch(/\n\s+at |"stack"/);

    const debug = appWithLog("debug");
    await debug.app.request("/api/auth/login", login);
    expect(JSON.stringify(debug.lines)).toMatch(/"stack"/);
  });

  it("answers a NUL byte in the address or a JSON body with a 400 naming the field", async () => {
    const { app } = appWithLog("silent");
    const q = await app.request("/api/units?q=a%00b");
    expect(q.status).toBe(400);
    expect(((await q.json()) as { error: { code: string } }).error.code).toBe("forbidden_characters");
    const b = await app.request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"username":"admin\\u0000","password":"x"}',
    });
    expect(b.status).toBe(400);
    const e = (await b.json()) as { error: { details: { field: string }; message_en: string } };
    expect(e.error.details.field).toBe("username");
    // an escaped backslash followed by "u0000" is plain text, not a NUL
    const plain = await app.request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"username":"a\\\\u0000","password":"x"}',
    });
    expect(plain.status).not.toBe(400);
  });

  it("sends the security headers on every answer", async () => {
    const { app } = appWithLog("silent");
    const res = await app.request("/api/openapi.json");
    expect(res.headers.get("content-security-policy")).toMatch(/script-src 'self'(;|$)/);
    expect(res.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });
});
