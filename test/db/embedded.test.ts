/** The embedded server: durable, restartable after the app or PostgreSQL itself was killed. */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { type EmbeddedServer, startEmbedded } from "../../src/db/embedded.ts";
import { createLogger } from "../../src/logger.ts";

const log = createLogger("silent");
const servers: EmbeddedServer[] = [];
let dataDir = "";

async function query(url: string, text: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text)).rows;
  } finally {
    await c.end();
  }
}

async function postmasterPid(): Promise<number> {
  return Number((await fs.readFile(path.join(dataDir, "pg", "postmaster.pid"), "utf8")).split("\n")[0]);
}

afterAll(async () => {
  for (const s of servers) await s.stop().catch(() => undefined);
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

describe("embedded PostgreSQL", () => {
  it("keeps data across a clean stop and start", async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "danvan-embedded-"));
    await fs.chmod(dataDir, 0o755);
    const a = await startEmbedded(dataDir, log);
    servers.push(a);
    await query(a.url, "create table kept (v text); insert into kept values ('Tháp Mười')");
    await a.stop();
    const b = await startEmbedded(dataDir, log);
    servers.push(b);
    expect(await query(b.url, "select v from kept")).toEqual([{ v: "Tháp Mười" }]);
    expect((await query(b.url, "show server_version"))[0].server_version).toMatch(/^17\./);
    await b.stop();
  }, 120_000);

  it("starts again when the previous app died and left its server running", async () => {
    const a = await startEmbedded(dataDir, log);
    servers.push(a);
    const leftover = await postmasterPid();
    // the "new process" starts while the old server still holds the data folder
    const b = await startEmbedded(dataDir, log);
    servers.push(b);
    expect(await postmasterPid()).not.toBe(leftover);
    expect(await query(b.url, "select count(*)::int as n from kept")).toEqual([{ n: 1 }]);
    await b.stop();
  }, 120_000);

  it("recovers after PostgreSQL itself was killed (kill -9)", async () => {
    const a = await startEmbedded(dataDir, log);
    servers.push(a);
    await query(a.url, "insert into kept values ('Đồng Tháp')");
    process.kill(await postmasterPid(), "SIGKILL");
    await new Promise((r) => setTimeout(r, 500));
    const b = await startEmbedded(dataDir, log);
    servers.push(b);
    expect((await query(b.url, "select v from kept order by v")).map((r) => r.v)).toEqual([
      "Tháp Mười",
      "Đồng Tháp",
    ]);
    await b.stop();
  }, 120_000);
});

// `danvan serve` (its database, the restarts, SIGTERM) is tested in test/api/supervisor.test.ts

describe("restoreLibrarySymlinks", () => {
  it("recreates the shared-library links that a held-back install script would have made", async () => {
    const { restoreLibrarySymlinks } = await import("../../src/db/embedded.ts");
    const pkg = await fs.mkdtemp(path.join(os.tmpdir(), "danvan-links-"));
    await fs.mkdir(path.join(pkg, "native", "lib"), { recursive: true });
    await fs.writeFile(path.join(pkg, "native", "lib", "libx.so.1.2"), "lib");
    await fs.writeFile(
      path.join(pkg, "native", "pg-symlinks.json"),
      JSON.stringify([{ source: "native/lib/libx.so.1.2", target: "native/lib/libx.so.1" }]),
    );
    await restoreLibrarySymlinks(path.join(pkg, "native"));
    await restoreLibrarySymlinks(path.join(pkg, "native")); // idempotent
    expect(await fs.readlink(path.join(pkg, "native", "lib", "libx.so.1"))).toBe("libx.so.1.2");
    expect(await fs.readFile(path.join(pkg, "native", "lib", "libx.so.1"), "utf8")).toBe("lib");
    await fs.rm(pkg, { recursive: true, force: true });
  });
});
