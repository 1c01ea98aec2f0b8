/** What every request handler can reach: the dependencies and the caller's identity. @module */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { Auth } from "../access/access.ts";
import type { ChangeListener } from "../db/change-listener.ts";
import type { Database } from "../db/database.ts";
import type { Kept } from "../db/kept.ts";
import type { ReadRouting } from "../db/read-replica.ts";
import type { RevisionWatcher } from "../db/revision-watcher.ts";
import type { StateSequence } from "../domain/numbering.ts";
import type { Offload } from "../offload/pool.ts";
import type { Sealer } from "../secrets/sealer.ts";

/** Locks usernames that have no account after failed logins (kept by features/auth/login-limiter.ts). */
export interface UsernameLockout {
  /** Seconds to wait before another attempt under this username, or 0. */
  retryAfter(username: string, now?: number): number;
  /** Counts a failure; returns the wait it brings (seconds, 0 for none). */
  fail(username: string, now?: number): number;
}

export interface AppDeps {
  db: Kysely<Database>;
  dbKind: "embedded" | "external";
  log: Logger;
  limiter: UsernameLockout;
  /** The answers this process keeps (features/kept.ts), built once at start-up. */
  kept: Kept;
  /** Worker threads for reading uploads and building exports (offload/pool.ts). */
  offload: Offload;
  /** Seals protected identities under the key kept outside the database (secrets/sealer.ts). */
  sealer: Sealer;
  secureCookies: boolean;
  webDist: string | null;
  /** Optional: keeps the unit revision in memory (LISTEN/NOTIFY); without it readers query it. */
  unitRevisions?: RevisionWatcher;
  /** Tells every process whose sessions changed (LISTEN auth_change); without it sessions are kept 2 s. */
  authChanges?: ChangeListener;
  /** Minutes a session may stay unused (default 120). */
  sessionIdleMinutes?: number;
  /** Where reads that may use a read replica go (db/read-replica.ts); without it, all go to `db`. */
  reads?: ReadRouting;
  /** State document numbering: one yearly sequence per body ("shared", default) or one per type. */
  stateNumbering?: StateSequence;
  /** Petitions sent through the online form per address and hour (default ONLINE_PER_HOUR, letters.routes.ts). */
  onlinePerHour?: number;
}

export interface AppEnv {
  Variables: {
    auth: Auth | null;
    sessionId: string | null;
    csrfToken: string | null;
    requestId: string;
    /**
     * The database a read-heavy GET may use: the read replica when there is one and it holds this session's
     * own writes, else the primary (db/read-replica.ts). Writes always use `deps.db`.
     */
    readDb: Kysely<Database>;
    /** Forgets what this process keeps of a user's sessions (after a change that ends or narrows them). */
    forgetSessionsOf: (userId: number) => void;
  };
}

export type Router = OpenAPIHono<AppEnv>;
