import { execFileSync } from "node:child_process";
/** Test helpers: a fresh database per test file (cloned from the run's template), the app, logged-in clients. */
import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, inject } from "vitest";
import { createApp } from "../src/app/app.ts";
import { startWatchers } from "../src/app/watchers.ts";
import { connect, type DatabaseHandle, ensureDatabase } from "../src/db/connection.ts";
import { seedDemo } from "../src/demo/demo.seed.ts";
import { LoginLimiter } from "../src/features/auth/login-limiter.ts";
import { buildKept } from "../src/features/kept.ts";
import { createLogger } from "../src/logger.ts";
import { DEFAULT_LIMITS, type ImportLimits } from "../src/offload/limits.ts";
import { Offload } from "../src/offload/pool.ts";
import { parseKeys, Sealer } from "../src/secrets/sealer.ts";

export function databaseUrl(name: string): string {
  const u = new URL(inject("adminUrl"));
  u.pathname = `/${name}`;
  return u.toString();
}

/** A new database with the schema and the official units; dropped at the end of the run. */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const name = `danvan_t_${randomBytes(5).toString("hex")}`;
  await ensureDatabase(inject("adminUrl"), name, inject("templateDb"));
  const handle = connect(databaseUrl(name), inject("dbKind"), 10);
  afterAll(() => handle.close());
  return handle;
}

/** The key this test process seals identities with (the app, its servers and the demo data share it). */
export const TEST_SECRET_KEY = randomBytes(32).toString("base64");
export const TEST_SEALER = new Sealer(parseKeys(TEST_SECRET_KEY));

/** A response's JSON body, read as loosely as the tests read it. */
// biome-ignore lint/suspicious/noExplicitAny: tests read response bodies loosely
export const bodyOf = async (res: Response): Promise<any> => res.json();

export interface TestClient {
  csrf: string;
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies loosely
  json<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

/** The app on a fresh database with the demo users and data (the demo reports only when asked: 3 s). */
export async function createTestApp(
  opts: {
    demo?: boolean;
    demoReports?: boolean;
    watchRevisions?: boolean;
    sessionIdleMinutes?: number;
    /** limits of imports and exports other than the defaults */
    limits?: Partial<ImportLimits>;
    /** online petitions per address and hour (all in-process requests share one address) */
    onlinePerHour?: number;
  } = {},
) {
  const handle = await createTestDatabase();
  if (opts.demo !== false)
    await seedDemo(handle.db, { reports: opts.demoReports ?? false, sealer: TEST_SEALER });
  // sessions are told of changes as in a server (a change in one process reaches the others); the kept
  // answers only when asked
  const watchers = await startWatchers(handle.url, createLogger("silent"), opts.watchRevisions ?? false);
  afterAll(() => watchers.stop());
  const app = createApp({
    unitRevisions: watchers.unitRevisions,
    authChanges: watchers.authChanges,
    sessionIdleMinutes: opts.sessionIdleMinutes,
    db: handle.db,
    kept: buildKept(handle.db, watchers),
    dbKind: handle.kind,
    log: createLogger("silent"),
    limiter: new LoginLimiter(),
    offload: new Offload({ limits: { ...DEFAULT_LIMITS, ...opts.limits } }),
    sealer: TEST_SEALER,
    secureCookies: false,
    webDist: null,
    onlinePerHour: opts.onlinePerHour,
  });
  const anonymous = client(app, "", "");
  async function login(username: string, password = "demo12345"): Promise<TestClient> {
    const res = await app.request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password }),
    });
    if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`);
    const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const body = (await res.json()) as { csrfToken: string };
    return client(app, cookie, body.csrfToken);
  }
  return { app, handle, db: handle.db, anonymous, login };
}

function client(app: ReturnType<typeof createApp>, cookie: string, csrf: string): TestClient {
  const request = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    app.request(path, {
      method,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(csrf ? { "x-csrf-token": csrf } : {}),
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      body:
        body === undefined
          ? undefined
          : typeof body === "string"
            ? body
            : body instanceof Uint8Array
              ? (body as Uint8Array<ArrayBuffer>)
              : JSON.stringify(body),
    });
  return {
    csrf,
    request,
    async json(method, path, body) {
      const res = await request(method, path, body);
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
  };
}

/** A demo user logged in to a server listening at `base` (a real HTTP server, not the in-process app). */
export async function httpSession(base: string, username: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: "demo12345" }),
  });
  const csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  return async (method: string, path: string, body?: unknown) => {
    const r = await fetch(base + path, {
      method,
      headers: { cookie, "x-csrf-token": csrf, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies loosely
    return { status: r.status, body: (await r.json()) as any };
  };
}

/** The text of a PDF answer, its layout kept (poppler's pdftotext). */
export const pdfText = async (r: Response) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "danvan-pdf-")), "d.pdf");
  writeFileSync(file, new Uint8Array(await r.arrayBuffer()));
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
};
