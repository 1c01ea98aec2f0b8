/**
 * `danvan serve` keeps the server up: killed with kill -9, the server process is restarted on the same
 * embedded PostgreSQL, which kept running; `danvan backup` reads from it while it runs, and `danvan restore`
 * puts the backup in a new data folder (refusing one that holds data); a SIGTERM stops the server and then the
 * database.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, expect, it } from "vitest";
import { freePort } from "../../src/db/embedded.ts";

const run = promisify(execFile);
let supervisor: ChildProcess | null = null;
afterAll(() => {
  supervisor?.kill("SIGKILL");
});

it("restarts a killed server process on the database that kept running, and stops both on SIGTERM", {
  timeout: 120_000,
}, async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "danvan-supervisor-"));
  await fs.chmod(dir, 0o755);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DANVAN_DATA_DIR: path.join(dir, "data"),
    PORT: String(port),
    LOG_LEVEL: "info",
  };
  delete env.DATABASE_URL;
  delete env.DANVAN_SUPERVISED;
  const proc = spawn("node", ["bin/danvan.js", "serve"], { env, stdio: ["ignore", "pipe", "pipe"] });
  supervisor = proc;
  let out = "";
  proc.stdout?.on("data", (c: Buffer) => {
    out += c.toString();
  });
  proc.stderr?.on("data", (c: Buffer) => {
    out += c.toString();
  });
  const children = () => [...out.matchAll(/"childPid":(\d+)/g)].map((m) => Number(m[1]));
  const health = async () => {
    try {
      return (await fetch(`http://127.0.0.1:${port}/api/health`)).status;
    } catch {
      return 0;
    }
  };
  await expect.poll(health, { timeout: 90_000, interval: 250 }).toBe(200);
  expect(out).toMatch(/is running at http:\/\//);
  const [first] = children();
  expect(first).toBeGreaterThan(0);
  const postmaster = Number(
    (await fs.readFile(path.join(dir, "data", "pg", "postmaster.pid"), "utf8")).split("\n")[0],
  );

  process.kill(first as number, "SIGKILL");
  await expect.poll(() => children().length, { timeout: 10_000 }).toBe(2);
  await expect.poll(health, { timeout: 30_000, interval: 100 }).toBe(200);
  expect(out).toMatch(/stopped unexpectedly; restarting it/);
  // the same PostgreSQL served both
  expect(
    Number((await fs.readFile(path.join(dir, "data", "pg", "postmaster.pid"), "utf8")).split("\n")[0]),
  ).toBe(postmaster);
  const body = (await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()) as { database: string };
  expect(body.database).toBe("embedded");

  // a backup from the running server, restored into a new data folder; a folder with data is refused
  const file = path.join(dir, "backup.danvan.gz");
  const cli = (args: string[], dataDir: string) =>
    run(process.execPath, ["bin/danvan.js", ...args], { env: { ...env, DANVAN_DATA_DIR: dataDir } }).then(
      (r) => ({ code: 0, out: r.stdout + r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
    );
  const backup = await cli(["backup", "--to", file], path.join(dir, "data"));
  expect(backup.code, backup.out).toBe(0);
  expect(backup.out).toMatch(/backed up \d+ bảng\/tables/);
  const restored = await cli(["restore", "--from", file], path.join(dir, "copy"));
  expect(restored.code, restored.out).toBe(0);
  const again = await cli(["restore", "--from", file], path.join(dir, "copy"));
  expect(again.code).toBe(1);
  expect(again.out).toMatch(/holds data: add --replace/);
  expect(again.out).not.toMatch(/\n\s+at /);

  const exited = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));
  proc.kill("SIGTERM");
  expect(await exited).toBe(0);
  supervisor = null;
  // PostgreSQL stopped cleanly: its lock file is gone, and no server process is left
  expect(existsSync(path.join(dir, "data", "pg", "postmaster.pid"))).toBe(false);
  expect(await health()).toBe(0);
  await fs.rm(dir, { recursive: true, force: true });
});
