/** What every request handler can reach: the dependencies and the caller's identity. @module */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { Auth } from "../access/access.ts";
import type { Database } from "../db/database.ts";
import type { RevisionWatcher } from "../db/revision-watcher.ts";
import type { StateSequence } from "../domain/numbering.ts";
import type { LoginLimiter } from "../features/auth/login-limiter.ts";

export interface AppDeps {
  db: Kysely<Database>;
  dbKind: "embedded" | "external";
  log: Logger;
  limiter: LoginLimiter;
  secureCookies: boolean;
  webDist: string | null;
  /** Optional: keeps the unit revision in memory (LISTEN/NOTIFY); without it readers query it. */
  unitRevisions?: RevisionWatcher;
  /** State document numbering: one yearly sequence per body ("shared", default) or one per type. */
  stateNumbering?: StateSequence;
}

export interface AppEnv {
  Variables: { auth: Auth | null; sessionId: string | null; csrfToken: string | null };
}

export type Router = OpenAPIHono<AppEnv>;
