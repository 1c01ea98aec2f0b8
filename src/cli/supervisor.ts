/**
 * `danvan serve` and `danvan demo` run the server in a child process and restart it when it dies (an
 * out-of-memory crash, a kill -9), while this process keeps the embedded PostgreSQL running for it: a restart
 * takes about a second, and no request that was acknowledged is lost (the database holds it). The waits
 * between restarts grow from 1 to 30 seconds while the server keeps dying soon after it starts. A signal
 * (SIGINT, SIGTERM) stops the server and then the database. In production under systemd, systemd restarts
 * this process in turn (README). `DANVAN_SUPERVISE=0` runs the server in this process instead.
 * @module
 */
import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Config } from "../config.ts";
import { startEmbeddedDatabase } from "../db/connection.ts";
import type { Logger } from "../logger.ts";

const MAIN = fileURLToPath(new URL("./main.ts", import.meta.url));
/** A server that ran this long before it died is restarted at once again. */
const STABLE_MS = 60_000;
const LONGEST_WAIT_MS = 30_000;

/** The node options the child needs: this process's, with the TypeScript loader. */
function childExecArgv(): string[] {
  const args = [...process.execArgv];
  return args.some((a) => a.includes("tsx")) ? args : [...args, "--import", "tsx"];
}

export async function supervise(config: Config, log: Logger, withDemo: boolean): Promise<void> {
  const database = config.databaseUrl ? null : await startEmbeddedDatabase(config.dataDir, log);
  const env = {
    ...process.env,
    DANVAN_SUPERVISED: "1",
    ...(database ? { DANVAN_EMBEDDED_URL: database.url } : {}),
  };
  let child: ChildProcess | null = null;
  let stopping = false;
  let wait = 1000;
  let first = true;

  const start = () => {
    const startedAt = Date.now();
    const command = first && withDemo ? "demo" : "serve";
    first = false;
    const c = fork(MAIN, [command], { env, execArgv: childExecArgv(), stdio: "inherit" });
    child = c;
    log.info({ childPid: c.pid }, "server process started");
    c.on("exit", (code, signal) => {
      if (child === c) child = null;
      if (stopping) return;
      if (Date.now() - startedAt > STABLE_MS) wait = 1000;
      log.error(
        { code, signal, restartInMs: wait },
        "the server process stopped unexpectedly; restarting it (the database keeps running)",
      );
      setTimeout(start, wait);
      wait = Math.min(wait * 2, LONGEST_WAIT_MS);
    });
  };

  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    const c: ChildProcess | null = child;
    if (c && c.exitCode === null && c.signalCode === null) {
      await new Promise<void>((resolve) => {
        const force = setTimeout(() => c.kill("SIGKILL"), 15_000);
        c.once("exit", () => {
          clearTimeout(force);
          resolve();
        });
        c.kill("SIGTERM");
      });
    }
    await database?.stop();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
  start();
}
