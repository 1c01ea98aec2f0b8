/**
 * Request bodies through the real HTTP server (not `app.request`): a JSON body is read straight from Node's
 * request (src/http/json-body.ts); size limits, malformed JSON and the charset parameter behave as before.
 */
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { seedDemo } from "../../src/features/demo/demo.seed.ts";
import { createLogger } from "../../src/logger.ts";
import { type RunningServer, startServer } from "../../src/server.ts";
import { createTestDatabase } from "../helpers.ts";

let server: RunningServer;
let session: { cookie: string; csrf: string };

beforeAll(async () => {
  const handle = await createTestDatabase();
  await seedDemo(handle.db, { reports: true });
  server = await startServer({ ...loadConfig({}), port: 0, smtpUrl: null }, createLogger("silent"), handle);
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "xa.thapmuoi", password: "demo12345" }),
  });
  expect(res.status).toBe(200);
  session = {
    cookie: (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "",
    csrf: ((await res.json()) as { csrfToken: string }).csrfToken,
  };
});
afterAll(async () => {
  await server?.stop();
});

/** A request written in chunks, without a content-length when `chunked`. */
function send(method: string, path: string, body: string, opts: { type?: string; chunked?: boolean } = {}) {
  return new Promise<{ status: number; json: { error?: { code: string } } & Record<string, unknown> }>(
    (resolve, reject) => {
      const headers: Record<string, string> = {
        cookie: session.cookie,
        "x-csrf-token": session.csrf,
        "content-type": opts.type ?? "application/json",
      };
      if (!opts.chunked) headers["content-length"] = String(Buffer.byteLength(body));
      const req = http.request(`${server.url}${path}`, { method, headers }, (res) => {
        const parts: Buffer[] = [];
        res.on("data", (d: Buffer) => parts.push(d));
        res.on("end", () => {
          const text = Buffer.concat(parts).toString("utf8");
          resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : {} });
        });
      });
      req.on("error", reject);
      for (let i = 0; i < body.length; i += 65_536) req.write(body.slice(i, i + 65_536));
      req.end();
    },
  );
}

describe("JSON bodies through the HTTP server", () => {
  it("saves a draft from a JSON body (with or without a charset), in chunks or not", async () => {
    const inbox = await send("GET", "/api/inbox", "");
    expect(inbox.status).toBe(200);
    const items = inbox.json.items as { id: number; status: string }[];
    const item = items.find((i) => i.status !== "accepted" && i.status !== "submitted");
    expect(item).toBeDefined();
    const id = (item as { id: number }).id;
    const detail = await send("GET", `/api/submissions/${id}`, "");
    let version = (detail.json.submission as { version: number }).version;
    for (const [n, opts] of [
      ["31", {}],
      ["32", { type: "application/json; charset=utf-8" }],
      ["33", { chunked: true }],
    ] as const) {
      const saved = await send(
        "PUT",
        `/api/submissions/${id}`,
        JSON.stringify({ version, narrative: { I: `Tình hình ${n} — ổn định` } }),
        opts,
      );
      expect(saved.status, JSON.stringify(saved.json)).toBe(200);
      const sub = saved.json.submission as { version: number; narrative: Record<string, string> };
      expect(sub.narrative.I).toBe(`Tình hình ${n} — ổn định`);
      version = sub.version;
    }
  });

  it("refuses malformed JSON with a 400 and too large a body with a 413, declared or not", async () => {
    const bad = await send("PUT", "/api/submissions/1", "{ not json");
    expect(bad.status).toBe(400);
    expect(bad.json.error?.code).toBeTruthy();
    const big = JSON.stringify({ version: 1, narrative: { I: "x".repeat(1_100_000) } });
    const declared = await send("PUT", "/api/submissions/1", big);
    expect(declared.status).toBe(413);
    expect(declared.json.error?.code).toBe("payload_too_large");
    const chunked = await send("PUT", "/api/submissions/1", big, { chunked: true });
    expect(chunked.status).toBe(413);
    expect(chunked.json.error?.code).toBe("payload_too_large");
  });
});
