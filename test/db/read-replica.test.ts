/**
 * A read replica: a streaming standby of a PostgreSQL primary (Debian's server binaries: initdb, then
 * pg_basebackup -R), the app on DATABASE_URL = the primary and DATABASE_READ_URL = the standby. Read-heavy
 * answers come from the standby; a session that has just saved reads its save back at once; a standby that
 * stops answering costs no request an error.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { freePort, type RunAs, serverIdentity } from "../../src/db/embedded.ts";
import { seedDemo } from "../../src/demo/demo.seed.ts";
import { createLogger } from "../../src/logger.ts";
import { prepareDatabase, type RunningServer, startServer } from "../../src/server.ts";
import { httpSession, TEST_SECRET_KEY } from "../helpers.ts";

/** Debian's PostgreSQL server binaries with pg_basebackup (`pg_config --bindir`, else the newest installed). */
function debianBinaries(): string | null {
  const candidates: string[] = [];
  try {
    candidates.push(execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim());
  } catch {
    // no pg_config: look where Debian installs the servers
  }
  if (existsSync("/usr/lib/postgresql")) {
    const versions = readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => `/usr/lib/postgresql/${v}/bin`));
  }
  return (
    candidates.find((d) => existsSync(path.join(d, "pg_basebackup")) && existsSync(path.join(d, "initdb"))) ??
    null
  );
}

const BIN = debianBinaries();
/** Who runs the PostgreSQL binaries: the `postgres` user when root (the server refuses root), as the app does. */
let who: RunAs = {};

const asPostgres = (binary: string, args: string[]): void => {
  execFileSync(path.join(BIN as string, binary), args, { stdio: "pipe", uid: who.uid, gid: who.gid });
};

const start = (dir: string, port: number) =>
  asPostgres("pg_ctl", [
    "-D",
    dir,
    "-l",
    path.join(dir, "log"),
    "-o",
    `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`,
    "-w",
    "start",
  ]);
const stop = (dir: string) => asPostgres("pg_ctl", ["-D", dir, "-m", "immediate", "-w", "stop"]);

let folder = "";
let primaryDir = "";
let standbyDir = "";
let standbyUrl = "";
let server: RunningServer;

async function onStandby(query: string): Promise<void> {
  const c = new pg.Client({ connectionString: standbyUrl.replace(/\/danvan$/, "/postgres") });
  await c.connect();
  try {
    await c.query(query);
  } finally {
    await c.end();
  }
}

const session = (username: string) => httpSession(server.url, username);

/** What the set-up started, undone last first after the tests (also when the set-up failed midway). */
const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  for (const undo of cleanups.reverse()) {
    try {
      await undo();
    } catch {
      // the next undo still runs: a server already stopped is not a reason to leave the others running
    }
  }
});

describe.skipIf(!BIN)("a read replica (streaming standby of PostgreSQL)", () => {
  beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), "danvan-replica-"));
    chmodSync(folder, 0o755);
    primaryDir = path.join(folder, "primary");
    standbyDir = path.join(folder, "standby");
    who = await serverIdentity(createLogger("silent"));
    if (who.uid !== undefined && who.gid !== undefined) chownSync(folder, who.uid, who.gid);
    cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
    const [primaryPort, standbyPort] = [await freePort(), await freePort()];
    asPostgres("initdb", ["-D", primaryDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C"]);
    start(primaryDir, primaryPort);
    cleanups.push(() => stop(primaryDir));

    const log = createLogger("silent");
    const primaryUrl = `postgres://postgres@127.0.0.1:${primaryPort}/postgres`;
    // the app's database on the primary, with the demo data; then the standby, copied from it
    const admin = new pg.Client({ connectionString: primaryUrl });
    await admin.connect();
    await admin.query("create database danvan encoding 'UTF8'");
    await admin.end();
    standbyUrl = `postgres://postgres@127.0.0.1:${standbyPort}/danvan`;
    const config = {
      ...loadConfig({
        DATABASE_URL: primaryUrl.replace(/\/postgres$/, "/danvan"),
        DATABASE_READ_URL: standbyUrl,
        DANVAN_BACKUP_EVERY_HOURS: "0",
      }),
      port: 0,
      smtpUrl: null,
      secretKey: TEST_SECRET_KEY,
    };
    const handle = await prepareDatabase(config, log);
    await seedDemo(handle.db, { reports: false });
    asPostgres("pg_basebackup", [
      "-h",
      "127.0.0.1",
      "-p",
      String(primaryPort),
      "-U",
      "postgres",
      "-D",
      standbyDir,
      "-R",
      "-X",
      "stream",
      "--checkpoint=fast",
    ]);
    start(standbyDir, standbyPort);
    cleanups.push(() => {
      if (existsSync(path.join(standbyDir, "postmaster.pid"))) stop(standbyDir);
    });
    server = await startServer(config, log, handle);
    cleanups.push(() => server.stop());
  }, 180_000);

  const numbered = `${Date.now() % 100000}-KH/BTGDVTU`;
  const search = (who: Awaited<ReturnType<typeof session>>) =>
    who("GET", `/api/registry?unit=82&q=${encodeURIComponent(numbered)}`).then((r) =>
      (r.body.items as { numberSymbol: string }[]).map((d) => d.numberSymbol),
    );

  it("answers searches from the standby, and a session's own save from the primary until the standby has it", async () => {
    const editor = await session("dongthap");
    const reader = await session("admin");
    // the standby stops replaying: what is saved now is on the primary only
    await onStandby("select pg_wal_replay_pause()");
    const saved = await editor("POST", "/api/registry", {
      unitCode: "82",
      direction: "outgoing",
      numberSymbol: numbered,
      issuerName: "Ban Tuyên giáo và Dân vận Tỉnh ủy Đồng Tháp",
      issuedOn: "2026-01-05",
      excerpt: "Kế hoạch thử bản sao chỉ đọc",
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    expect(await search(editor)).toEqual([numbered]); // its own save, at once
    expect(await search(reader)).toEqual([]); // another reader: the standby, not replayed yet
    await onStandby("select pg_wal_replay_resume()");
    await expect.poll(() => search(reader), { timeout: 10_000, interval: 100 }).toEqual([numbered]);
    // caught up: the editor reads the standby again, and still finds it
    expect(await search(editor)).toEqual([numbered]);
  });

  it("goes on answering from the primary when the standby stops", async () => {
    const reader = await session("admin");
    stop(standbyDir);
    for (let i = 0; i < 5; i++) {
      const r = await reader("GET", `/api/registry?unit=82&q=${encodeURIComponent(numbered)}`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect((r.body.items as { numberSymbol: string }[]).map((d) => d.numberSymbol)).toEqual([numbered]);
    }
    const audit = await reader("GET", "/api/audit?limit=5");
    expect(audit.status).toBe(200);
  });
});
