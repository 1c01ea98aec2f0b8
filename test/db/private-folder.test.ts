/**
 * As root, from a clone in a private folder (mode 0700, like /root/danvan): the first start works, the
 * `postgres` user running the embedded database from copies it can reach, and a second start finds them.
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
const isRoot = process.getuid?.() === 0;
let running: ChildProcess | null = null;
afterAll(() => {
  running?.kill("SIGKILL");
});

/** `danvan serve` from `clone` until it answers, then a SIGTERM; what it printed. */
async function serveOnce(clone: string, stage: string): Promise<string> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DANVAN_STAGE_DIR: stage,
    LOG_LEVEL: "info",
  };
  delete env.DATABASE_URL;
  delete env.DANVAN_DATA_DIR;
  const proc = spawn(process.execPath, ["bin/danvan.js", "serve"], {
    cwd: clone,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  running = proc;
  let out = "";
  proc.stdout?.on("data", (c: Buffer) => {
    out += c.toString();
  });
  proc.stderr?.on("data", (c: Buffer) => {
    out += c.toString();
  });
  const health = async () => {
    try {
      return (await fetch(`http://127.0.0.1:${port}/api/health`)).status;
    } catch {
      return proc.exitCode === null ? 0 : -1;
    }
  };
  await expect.poll(health, { timeout: 90_000, interval: 250 }).toBeOneOf([200, -1]);
  expect(await health(), out).toBe(200);
  const exited = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));
  proc.kill("SIGTERM");
  expect(await exited).toBe(0);
  running = null;
  return out;
}

it.runIf(isRoot)(
  "starts as root from a clone in a private folder, and again later",
  { timeout: 240_000 },
  async () => {
    const home = await fs.mkdtemp(path.join(os.tmpdir(), "danvan-home-"));
    await fs.chmod(home, 0o700);
    const stage = await fs.mkdtemp(path.join(os.tmpdir(), "danvan-stage-"));
    const clone = path.join(home, "danvan");
    await fs.mkdir(clone);
    // the clone's files, hard-linked (a copy in seconds, under the private folder)
    await run("cp", ["-al", "node_modules", "src", "bin", "seed", "package.json", "tsconfig.json", clone]);
    expect((await fs.stat(home)).mode & 0o777).toBe(0o700);

    const first = await serveOnce(clone, stage);
    expect(first).not.toMatch(/EACCES|\n\s+at /);
    expect(first).toMatch(/copying them once/);
    expect(await fs.readFile(path.join(clone, "data", "pg-location.txt"), "utf8")).toContain(stage);
    const second = await serveOnce(clone, stage);
    expect(second).not.toMatch(/first start|copying them once/);
    expect(existsSync(path.join(clone, "data", "db-password"))).toBe(true);
    await fs.rm(home, { recursive: true, force: true });
    await fs.rm(stage, { recursive: true, force: true });
  },
);
