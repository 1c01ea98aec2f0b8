/** Users' credentials and sessions. @module */
import { type Kysely, sql } from "kysely";
import type { GrantScope } from "../../access/access.repository.ts";
import { batched, inOrder } from "../../db/batch.ts";
import type { Database, UserRow } from "../../db/database.ts";

export async function findUserByUsername(
  db: Kysely<Database>,
  username: string,
): Promise<UserRow | undefined> {
  return db
    .selectFrom("app_user")
    .selectAll()
    .where("username", "=", username.toLowerCase())
    .executeTakeFirst();
}

export async function findUserById(db: Kysely<Database>, id: number): Promise<UserRow | undefined> {
  return db.selectFrom("app_user").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function createSession(
  db: Kysely<Database>,
  s: { id: string; userId: number; csrfToken: string; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto("user_session")
    .values({ id: s.id, user_id: s.userId, csrf_token: s.csrfToken, expires_at: s.expiresAt })
    .execute();
}

/**
 * Live sessions with their user and grants, by session id (the hash of the cookie's token). Concurrent lookups
 * share one statement (db/batch.ts): at a deadline the first request of every commune's user comes at once.
 */
export const findLiveSession = batched(async (db: Kysely<Database>, ids: readonly string[]) => {
  const rows = await db
    .selectFrom("user_session")
    .innerJoin("app_user", "app_user.id", "user_session.user_id")
    .select([
      "user_session.id",
      "user_session.csrf_token",
      "app_user.id as user_id",
      "app_user.username",
      "app_user.display_name",
      "user_session.last_seen_at",
      sql<GrantScope[]>`coalesce((
        select json_agg(json_build_object('id', g.id, 'role', g.role, 'unitCode', g.unit_code, 'bodyId', g.body_id)
                        order by g.id)
        from user_grant g where g.user_id = app_user.id), '[]'::json)`.as("grants"),
    ])
    .where(sql<boolean>`user_session.id = any(${sql.val(ids)}::text[])`)
    .where("user_session.expires_at", ">", sql<Date>`now()`)
    .where("app_user.is_active", "=", true)
    .execute();
  return inOrder(ids, rows, (r) => r.id);
});

export async function deleteSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom("user_session").where("id", "=", id).execute();
}

export async function deleteSessionsOfUser(
  db: Kysely<Database>,
  userId: number,
  except?: string,
): Promise<void> {
  let q = db.deleteFrom("user_session").where("user_id", "=", userId);
  if (except) q = q.where("id", "<>", except);
  await q.execute();
}

export async function setPasswordHash(db: Kysely<Database>, userId: number, hash: string): Promise<void> {
  await db
    .updateTable("app_user")
    .set({ password_hash: hash, version: sql`version + 1`, updated_at: sql`now()` })
    .where("id", "=", userId)
    .execute();
}

/**
 * Counts a failed login of the account and sets its lock: `lockSeconds` from now (0: no lock). `failures` is
 * the count including this one, worked out by the caller from the row it read (domain/login-lockout.ts).
 */
export async function recordFailedLogin(
  db: Kysely<Database>,
  userId: number,
  failures: number,
  lockSeconds: number,
): Promise<void> {
  await db
    .updateTable("app_user")
    .set({
      failed_logins: failures,
      last_failed_login_at: sql`now()`,
      locked_until: lockSeconds > 0 ? sql`now() + make_interval(secs => ${lockSeconds})` : null,
    })
    .where("id", "=", userId)
    .execute();
}

/** A successful login (or an administrator's password reset) clears the account's failures and lock. */
export async function clearFailedLogins(db: Kysely<Database>, userId: number): Promise<void> {
  await db
    .updateTable("app_user")
    .set({ failed_logins: 0, last_failed_login_at: null, locked_until: null })
    .where("id", "=", userId)
    .where((eb) => eb.or([eb("failed_logins", ">", 0), eb("locked_until", "is not", null)]))
    .execute();
}

/** Marks a session as used now (at most once a minute: the idle timeout counts from here). */
export async function touchSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.updateTable("user_session").set({ last_seen_at: sql`now()` }).where("id", "=", id).execute();
}

/** Ends a session that stayed unused past the idle timeout. */
export async function deleteIdleSession(
  db: Kysely<Database>,
  id: string,
  idleMinutes: number,
): Promise<void> {
  await db
    .deleteFrom("user_session")
    .where("id", "=", id)
    .where("last_seen_at", "<", sql<Date>`now() - make_interval(mins => ${idleMinutes})`)
    .execute();
}
