/**
 * A backup taken while writes run restores into an empty database: every row of a quiet backup comes back
 * exactly (table by table, row by row), sequences included, and a login and a report save work on the copy.
 */

import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createApp } from "../../src/app/app.ts";
import { restoreBackup, writeBackup } from "../../src/db/backup.ts";
import { connect, ensureDatabase } from "../../src/db/connection.ts";
import type { Database } from "../../src/db/database.ts";
import { LoginLimiter } from "../../src/features/auth/login-limiter.ts";
import { buildKept } from "../../src/features/kept.ts";
import { createLogger } from "../../src/logger.ts";
import { Offload } from "../../src/offload/pool.ts";
import { Sealer } from "../../src/secrets/sealer.ts";
import { createTestApp, databaseUrl, type TestClient } from "../helpers.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
let commune: TestClient;
let dir: string;
let submissionId = 0;

beforeAll(async () => {
  t = await createTestApp({ demoReports: true });
  commune = await t.login("xa.thapmuoi");
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "danvan-backup-"));
  submissionId = (await commune.json("GET", "/api/inbox")).body.items[0].id;
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

/** An empty database, dropped with the run. */
async function emptyDatabase() {
  const name = `danvan_r_${randomBytes(5).toString("hex")}`;
  await ensureDatabase(inject("adminUrl"), name);
  const h = connect(databaseUrl(name), inject("dbKind"), 4);
  afterAll(() => h.close());
  return h;
}

async function tables(db: Kysely<Database>): Promise<string[]> {
  const r = await sql<{ name: string }>`
    select tablename as name from pg_tables where schemaname = 'public' and tablename <> 'kysely_migration_lock'
    order by 1`.execute(db);
  return r.rows.map((x) => x.name);
}

/** Every row of the table as text, in one order. */
async function rowsOf(db: Kysely<Database>, table: string): Promise<string[]> {
  const r = await sql<{ row: string }>`select t::text as row from ${sql.table(table)} t order by 1`.execute(
    db,
  );
  return r.rows.map((x) => x.row);
}

async function sequences(db: Kysely<Database>) {
  return (
    await sql`select sequencename, last_value from pg_sequences where schemaname = 'public' order by 1`.execute(
      db,
    )
  ).rows;
}

/** One save of the commune's report (a new revision each time). */
async function save(client: TestClient, id: number, text: string) {
  const cur = await client.json("GET", `/api/submissions/${id}`);
  return client.json("PUT", `/api/submissions/${id}`, {
    version: cur.body.submission.version,
    narrative: { I: text },
  });
}

describe("backup and restore", () => {
  it("a backup taken while reports are saved restores, consistent", { timeout: 120_000 }, async () => {
    let writing = true;
    let saves = 0;
    const writer = (async () => {
      while (writing) {
        const r = await save(commune, submissionId, `Lần ${saves}`);
        if (r.status === 200) saves++;
      }
    })();
    await new Promise((r) => setTimeout(r, 300));
    const file = path.join(dir, "live.danvan.gz");
    const written = await writeBackup(t.handle.url, file);
    writing = false;
    await writer;
    expect(saves).toBeGreaterThan(3);
    expect(written.rows).toBeGreaterThan(10_000);
    const target = await emptyDatabase();
    const restored = await restoreBackup(target.url, file);
    expect(restored.rows).toBe(written.rows);
    // one snapshot: the submission's version and its revisions agree
    const r = await sql<{ version: number; revisions: number }>`
      select s.version, (select count(*)::int from submission_revision v where v.submission_id = s.id) as revisions
      from submission s where s.id = ${submissionId}`.execute(target.db);
    const row = r.rows[0];
    expect(row).toBeDefined();
    const source = await sql<{ revisions: number }>`
      select count(*)::int as revisions from submission_revision where submission_id = ${submissionId}
        and version <= ${row?.version ?? 0}`.execute(t.db);
    expect(row?.revisions).toBe(source.rows[0]?.revisions);
  });

  it("a quiet backup restores every row of every table, and the copy works", {
    timeout: 120_000,
  }, async () => {
    const file = path.join(dir, "quiet.danvan.gz");
    await writeBackup(t.handle.url, file);
    const target = await emptyDatabase();
    await restoreBackup(target.url, file);
    const names = await tables(t.db);
    expect(await tables(target.db)).toEqual(names);
    expect(names.length).toBeGreaterThan(30);
    for (const name of names) expect(await rowsOf(target.db, name), name).toEqual(await rowsOf(t.db, name));
    expect(await sequences(target.db)).toEqual(await sequences(t.db));

    const app = createApp({
      db: target.db,
      kept: buildKept(target.db),
      dbKind: target.kind,
      log: createLogger("silent"),
      limiter: new LoginLimiter(),
      offload: new Offload(),
      secureCookies: false,
      sealer: new Sealer([randomBytes(32)]),
      webDist: null,
    });
    const login = await app.request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "xa.thapmuoi", password: "demo12345" }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
    const call = async (method: string, p: string, body?: unknown) => {
      const res = await app.request(p, {
        method,
        headers: { cookie, "x-csrf-token": csrf, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies loosely
      return { status: res.status, body: (await res.json()) as Record<string, any> };
    };
    const cur = await call("GET", `/api/submissions/${submissionId}`);
    const saved = await call("PUT", `/api/submissions/${submissionId}`, {
      version: cur.body.submission.version,
      narrative: { I: "Sau khi khôi phục" },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    // the sequences came back: a new row takes the next id, not one already used
    const before = await sql<{ max: number }>`select coalesce(max(id), 0)::int as max from plan`.execute(
      target.db,
    );
    const plan = await call("POST", "/api/plans", { unitCode: "30037", title: "Kế hoạch sau khôi phục" });
    expect(plan.status, JSON.stringify(plan.body)).toBe(201);
    expect(plan.body.id).toBeGreaterThan(before.rows[0]?.max ?? 0);
  });
});
