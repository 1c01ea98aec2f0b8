/** Boot: open the database, migrate, load the shipped units on first start, serve HTTP. @module */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import type { Kysely } from "kysely";
import { createApp } from "./app/app.ts";
import { answerClientErrors } from "./app/client-errors.ts";
import { startWatchers } from "./app/watchers.ts";
import type { Config } from "./config.ts";
import { type DatabaseHandle, openDatabase } from "./db/connection.ts";
import type { Database } from "./db/database.ts";
import { migrateToLatest } from "./db/migrate.ts";
import { openReplica, ReadRouting } from "./db/read-replica.ts";
import { claimRun, runScheduledBackup } from "./db/scheduled.ts";
import { LoginLimiter } from "./features/auth/login-limiter.ts";
import { ensureDefaultAskRules } from "./features/bodies/ask-rules.service.ts";
import { ensureBuiltInDocumentTypes } from "./features/documents/documents.service.ts";
import { ensureBuiltInForms } from "./features/forms/forms.service.ts";
import { ensureBuiltInIndicators } from "./features/indicators/indicators.service.ts";
import { buildKept } from "./features/kept.ts";
import { sendLetterReminders } from "./features/letters/letter-reminders.service.ts";
import { ensureBuiltInModelData } from "./features/models/models.service.ts";
import { sendTaskReminders } from "./features/plans/task-reminders.service.ts";
import { smtpSender } from "./features/reporting/reminders/mailer.ts";
import { sendDueReminders } from "./features/reporting/reminders/reminders.service.ts";
import { loadShippedUnits, type Progress } from "./features/units/units.import.ts";
import type { Logger } from "./logger.ts";
import { Offload } from "./offload/pool.ts";
import { loadSealer } from "./secrets/sealer.ts";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const SEED_DIR = path.join(REPO_ROOT, "seed", "vn-admin");
export const WEB_DIST = path.join(REPO_ROOT, "web", "dist");

/** What every database gets: the official units (once) and the built-in indicators and forms that are missing. */
export async function loadShippedData(db: Kysely<Database>, log: Logger, progress?: Progress): Promise<void> {
  const loaded = await loadShippedUnits(db, SEED_DIR, progress);
  if (loaded.length) log.info({ loaded }, "official units loaded");
  const types = await ensureBuiltInDocumentTypes(db);
  if (types) log.info({ types }, "built-in document types added");
  const indicators = await ensureBuiltInIndicators(db);
  if (indicators) log.info({ indicators }, "built-in indicators added");
  const askRules = await ensureDefaultAskRules(db);
  if (askRules) log.info({ askRules }, "shipped rules of who may ask whom added");
  const forms = await ensureBuiltInForms(db);
  if (forms) log.info({ forms }, "built-in report forms added");
  await ensureBuiltInModelData(db);
}

/** Opens and migrates the database and loads the official units if the table is empty. */
export async function prepareDatabase(
  config: Config,
  log: Logger,
  progress?: Progress,
): Promise<DatabaseHandle> {
  const handle = await openDatabase({
    databaseUrl: config.databaseUrl,
    embeddedUrl: config.embeddedUrl,
    dataDir: config.dataDir,
    log,
  });
  try {
    const applied = await migrateToLatest(handle.db);
    if (applied.length) log.info({ applied }, "migrations applied");
    await loadShippedData(handle.db, log, progress);
    return handle;
  } catch (err) {
    await handle.close();
    throw err;
  }
}

export interface RunningServer {
  url: string;
  handle: DatabaseHandle;
  stop(): Promise<void>;
}

export async function startServer(
  config: Config,
  log: Logger,
  handle: DatabaseHandle,
): Promise<RunningServer> {
  const watchers = await startWatchers(handle.url, log);
  const offload = new Offload({ limits: config.limits });
  const sealer = await loadSealer(config.dataDir, config.secretKey ?? undefined);
  // a connection the replica refuses is taken from the primary, and the replica left aside a few seconds
  const replica = config.readDatabaseUrl
    ? openReplica(config.readDatabaseUrl, handle.pool, () => reads.rest())
    : null;
  const reads: ReadRouting = new ReadRouting(handle.db, replica?.db ?? null, config.readMaxLagSeconds);
  reads.start();
  const app = createApp({
    reads,
    unitRevisions: watchers.unitRevisions,
    authChanges: watchers.authChanges,
    sessionIdleMinutes: config.sessionIdleMinutes,
    stateNumbering: config.stateNumbering,
    db: handle.db,
    kept: buildKept(handle.db, watchers),
    dbKind: handle.kind,
    log,
    limiter: new LoginLimiter(),
    offload,
    sealer,
    secureCookies: config.secureCookies,
    webDist: WEB_DIST,
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: "0.0.0.0" }, () => resolve(s));
    s.once("error", reject);
  });
  answerClientErrors(server);
  const addr = server.address();
  const port = typeof addr === "object" && addr ? addr.port : config.port;
  const url = `http://localhost:${port}`;
  const reminders = startReminderJob(config, handle, config.publicUrl ?? url, log);
  const backups = startBackupJob(config, handle, log);
  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      if (reminders) clearInterval(reminders);
      if (backups) clearInterval(backups);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await watchers.stop();
      reads.stop();
      await offload.close();
      await replica?.close();
      await handle.close();
    })();
    return stopping;
  };
  return { url, handle, stop };
}

const REMINDER_INTERVAL_MS = 60 * 60 * 1000;

/** With SMTP configured: e-mail reminders of reports, plan tasks and letters at start and every hour (each once). */
function startReminderJob(config: Config, handle: DatabaseHandle, baseUrl: string, log: Logger) {
  if (!config.smtpUrl) return null;
  const send = smtpSender(config.smtpUrl, config.smtpFrom);
  const run = async () => {
    try {
      // once an hour across every process on this database
      if (!(await claimRun(handle.db, "reminders", REMINDER_INTERVAL_MS - 60_000))) return;
      const reports = await sendDueReminders(handle.db, send, { baseUrl, log });
      const tasks = await sendTaskReminders(handle.db, send, { baseUrl, log });
      const letters = await sendLetterReminders(handle.db, send, { baseUrl, log });
      if (reports || tasks || letters) log.info({ reports, tasks, letters }, "reminder e-mails sent");
    } catch (err) {
      log.warn({ err }, "reminder run failed");
    }
  };
  void run();
  const timer = setInterval(run, REMINDER_INTERVAL_MS);
  timer.unref();
  return timer;
}

const BACKUP_CHECK_MS = 10 * 60 * 1000;

/** Scheduled backups (config.backups): checked every 10 minutes, done by one process of all on the database. */
function startBackupJob(config: Config, handle: DatabaseHandle, log: Logger) {
  if (config.backups.everyHours <= 0) return null;
  const run = async () => {
    try {
      const file = await runScheduledBackup(handle.db, handle.url, config.backups);
      if (file) log.info({ file }, "scheduled backup written");
    } catch (err) {
      log.warn({ err }, "scheduled backup failed");
    }
  };
  const timer = setInterval(run, BACKUP_CHECK_MS);
  timer.unref();
  return timer;
}

/** Stops the server and the embedded database cleanly on SIGINT/SIGTERM. */
export function stopOnSignals(stop: () => Promise<void>, log: Logger): void {
  const onSignal = (signal: string) => {
    log.info({ signal }, "shutting down");
    stop()
      .then(() => process.exit(0))
      .catch((err) => {
        log.error({ err }, "shutdown failed");
        process.exit(1);
      });
  };
  process.once("SIGINT", () => onSignal("SIGINT"));
  process.once("SIGTERM", () => onSignal("SIGTERM"));
}
