/**
 * Request bodies through the real HTTP server (not `app.request`): a JSON body is read straight from Node's
 * request (src/app/json-body.ts); size limits, malformed JSON and the charset parameter behave as before.
 * What Node's own parser refuses is answered with the same JSON error body (src/app/client-errors.ts).
 */
import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { seedDemo } from "../../src/demo/demo.seed.ts";
import { createLogger } from "../../src/logger.ts";
import { type RunningServer, startServer } from "../../src/server.ts";
import { createTestDatabase, TEST_SECRET_KEY } from "../helpers.ts";

let server: RunningServer;
let session: { cookie: string; csrf: string };

beforeAll(async () => {
  const handle = await createTestDatabase();
  await seedDemo(handle.db, { reports: true });
  server = await startServer(
    { ...loadConfig({}), port: 0, smtpUrl: null, secretKey: TEST_SECRET_KEY },
    createLogger("silent"),
    handle,
  );
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

/** Bytes written straight to the server's socket, and everything it answers until it closes. */
function raw(bytes: string) {
  return new Promise<string>((resolve, reject) => {
    const { port } = new URL(server.url);
    const socket = net.connect(Number(port), "127.0.0.1", () => socket.end(bytes));
    const parts: Buffer[] = [];
    socket.on("data", (d: Buffer) => parts.push(d));
    socket.on("close", () => resolve(Buffer.concat(parts).toString("utf8")));
    socket.on("error", reject);
  });
}

describe("what Node's parser refuses", () => {
  it("answers headers over the limit with 431 and the usual JSON error", async () => {
    const answer = await raw(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`);
    expect(answer.split("\r\n")[0]).toBe("HTTP/1.1 431 Request Header Fields Too Large");
    const body = JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4));
    expect(body.error).toMatchObject({ code: "headers_too_large", details: null });
    expect(body.error.message_vi).toContain("quá lớn");
  });

  it("answers a request line that is not HTTP with 400 and the usual JSON error", async () => {
    const answer = await raw("THIS IS NOT HTTP\r\n\r\n");
    expect(answer.split("\r\n")[0]).toBe("HTTP/1.1 400 Bad Request");
    const body = JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4));
    expect(body.error).toMatchObject({ code: "bad_request", message_en: "The HTTP request is malformed" });
  });

  it("still answers the next request", async () => {
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});
