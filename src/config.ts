/** Runtime settings, read once from the environment. @module */
import path from "node:path";
import type { BackupSchedule } from "./db/scheduled.ts";
import type { StateSequence } from "./domain/numbering.ts";
import { type ImportLimits, limitsFromEnv } from "./offload/limits.ts";

export interface Config {
  port: number;
  dataDir: string;
  databaseUrl: string | null;
  /** A read replica (streaming standby) of DATABASE_URL for read-heavy answers (DATABASE_READ_URL). */
  readDatabaseUrl: string | null;
  /** Past this many seconds behind the primary the replica is left aside (DANVAN_READ_MAX_LAG_SECONDS, 30). */
  readMaxLagSeconds: number;
  /** Set by the supervisor for the server process it runs: the embedded PostgreSQL it started. */
  embeddedUrl: string | null;
  logLevel: string;
  secureCookies: boolean;
  /** SMTP server for e-mail reminders (smtp://user:pass@host:587); none = reminders in the app only. */
  smtpUrl: string | null;
  smtpFrom: string;
  /** The address users reach the app at, for links in e-mails (default: the server's own URL). */
  publicUrl: string | null;
  /**
   * State document numbering (RULES.md §1b, unconfirmed): "shared" (default: one yearly sequence for all of a
   * body's documents, as the Tháp Mười numbers show) or "per_type". DANVAN_STATE_NUMBERING.
   */
  stateNumbering: StateSequence;
  /** Minutes a session may stay unused before it ends (DANVAN_SESSION_IDLE_MINUTES, default 120). */
  sessionIdleMinutes: number;
  /** Scheduled backups (DANVAN_BACKUP_EVERY_HOURS, default 24, 0 = none; DANVAN_BACKUP_KEEP, default 7; DANVAN_BACKUP_DIR, default <data>/backups). */
  backups: BackupSchedule;
  /** What one import or export may hold (offload/limits.ts; docs/limits.md). */
  limits: ImportLimits;
  /**
   * The keys that seal protected identities (DANVAN_SECRET_KEY: base64 or hex, comma-separated, the first
   * sealing); when unset, the file secret.key in the data folder (made on first start, mode 0600).
   */
  secretKey: string | null;
}

function stateNumberingOf(value: string | undefined): StateSequence {
  const v = value?.trim() || "shared";
  if (v !== "shared" && v !== "per_type") {
    throw new Error(`DANVAN_STATE_NUMBERING must be "shared" or "per_type": ${value}`);
  }
  return v;
}

function positiveInteger(value: string | undefined, fallback: number, name: string): number {
  return wholeNumber(value, fallback, name, 1);
}

function wholeNumber(value: string | undefined, fallback: number, name: string, min: number): number {
  if (value === undefined || value.trim() === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > 1_000_000)
    throw new Error(`${name} must be a whole number ≥ ${min}: ${value}`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number: ${env.PORT}`);
  return {
    port,
    dataDir: path.resolve(env.DANVAN_DATA_DIR ?? "data"),
    databaseUrl: env.DATABASE_URL?.trim() || null,
    readDatabaseUrl: env.DATABASE_READ_URL?.trim() || null,
    readMaxLagSeconds: positiveInteger(env.DANVAN_READ_MAX_LAG_SECONDS, 30, "DANVAN_READ_MAX_LAG_SECONDS"),
    embeddedUrl: env.DANVAN_EMBEDDED_URL?.trim() || null,
    logLevel: env.LOG_LEVEL ?? "info",
    secureCookies: env.DANVAN_SECURE_COOKIES === "1",
    smtpUrl: env.SMTP_URL?.trim() || null,
    smtpFrom: env.SMTP_FROM?.trim() || "danvan <no-reply@localhost>",
    publicUrl: env.PUBLIC_URL?.trim().replace(/\/$/, "") || null,
    stateNumbering: stateNumberingOf(env.DANVAN_STATE_NUMBERING),
    limits: limitsFromEnv(env),
    backups: {
      everyHours: wholeNumber(env.DANVAN_BACKUP_EVERY_HOURS, 24, "DANVAN_BACKUP_EVERY_HOURS", 0),
      keep: positiveInteger(env.DANVAN_BACKUP_KEEP, 7, "DANVAN_BACKUP_KEEP"),
      dir: path.resolve(env.DANVAN_BACKUP_DIR ?? path.join(env.DANVAN_DATA_DIR ?? "data", "backups")),
    },
    sessionIdleMinutes: positiveInteger(env.DANVAN_SESSION_IDLE_MINUTES, 120, "DANVAN_SESSION_IDLE_MINUTES"),
    secretKey: env.DANVAN_SECRET_KEY?.trim() || null,
  };
}

export const APP_VERSION = "0.1.0";
