/** Log in, log out, sessions, password change. @module */
import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { grantsOfUser } from "../../access/access.repository.ts";
import type { Auth } from "../../access/access.ts";
import { appendAudit } from "../../audit/audit-log.repository.ts";
import type { Database, UserRow } from "../../db/database.ts";
import { nextFailure, secondsUntil } from "../../domain/login-lockout.ts";
import { MIN_PASSWORD_LENGTH, passwordLongEnough } from "../../domain/password-rule.ts";
import { AppError, errors } from "../../errors.ts";
import type { UsernameLockout } from "../../http/context.ts";
import * as repo from "./auth.repository.ts";
import { DUMMY_HASH, hashPassword, verifyPassword } from "./password.ts";

export const SESSION_HOURS = 12;

function sessionIdOf(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  auth: Auth;
}

export async function login(
  db: Kysely<Database>,
  limiter: UsernameLockout,
  input: { username: string; password: string },
): Promise<LoginResult> {
  const username = input.username.trim().toLowerCase();
  const user = await repo.findUserByUsername(db, username);
  const wait = user ? secondsLocked(user) : limiter.retryAfter(username);
  if (wait > 0) throw errors.rateLimited(wait);
  const ok = user
    ? await verifyPassword(input.password, user.password_hash)
    : await verifyPassword(input.password, await DUMMY_HASH);
  if (!user || !ok || !user.is_active) {
    if (user) await countFailure(db, user);
    else limiter.fail(username);
    throw new AppError(
      401,
      "invalid_credentials",
      "Tên đăng nhập hoặc mật khẩu không đúng",
      "Wrong username or password",
    );
  }
  if (user.failed_logins > 0 || user.locked_until) await repo.clearFailedLogins(db, user.id);
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  await repo.createSession(db, {
    id: sessionIdOf(token),
    userId: user.id,
    csrfToken,
    expiresAt: new Date(Date.now() + SESSION_HOURS * 3600_000),
  });
  const grants = await grantsOfUser(db, user.id);
  return {
    token,
    csrfToken,
    auth: { userId: user.id, username: user.username, displayName: user.display_name, grants },
  };
}

/** Seconds the account must still wait before a password is checked again, or 0. */
function secondsLocked(user: UserRow, now = Date.now()): number {
  return secondsUntil(user.locked_until?.getTime() ?? null, now);
}

/** One more failure of the account's password (login or the current-password check of a change). */
async function countFailure(db: Kysely<Database>, user: UserRow, now = Date.now()): Promise<void> {
  const next = nextFailure(user.failed_logins, user.last_failed_login_at?.getTime() ?? null, now);
  await repo.recordFailedLogin(db, user.id, next.failures, next.waitSeconds);
}

/** Default idle timeout of a session (minutes): DANVAN_SESSION_IDLE_MINUTES changes it. */
export const SESSION_IDLE_MINUTES = 120;
/** A session's last use is written at most this often. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Resolves a session cookie to the caller, or null: an expired session, one of a deactivated user, or one
 * unused for `idleMinutes` is no session.
 */
export async function authenticate(
  db: Kysely<Database>,
  token: string,
  idleMinutes = SESSION_IDLE_MINUTES,
): Promise<{ auth: Auth; sessionId: string; csrfToken: string } | null> {
  const s = await repo.findLiveSession(db, sessionIdOf(token));
  if (!s) return null;
  const idleMs = Date.now() - s.last_seen_at.getTime();
  if (idleMs > idleMinutes * 60_000) {
    await repo.deleteIdleSession(db, s.id, idleMinutes);
    return null;
  }
  if (idleMs > TOUCH_EVERY_MS) await repo.touchSession(db, s.id);
  return {
    sessionId: s.id,
    csrfToken: s.csrf_token,
    auth: { userId: s.user_id, username: s.username, displayName: s.display_name, grants: s.grants },
  };
}

/**
 * An administrator set the user's password or deactivated the account: every session of the user ends, and
 * a password set also lifts the lock of failed logins.
 */
export async function endSessionsOf(
  db: Kysely<Database>,
  userId: number,
  opts: { unlock: boolean },
): Promise<void> {
  await repo.deleteSessionsOfUser(db, userId);
  if (opts.unlock) await repo.clearFailedLogins(db, userId);
}

export async function logout(db: Kysely<Database>, sessionId: string): Promise<void> {
  await repo.deleteSession(db, sessionId);
}

export function checkPasswordStrength(password: string): void {
  if (!passwordLongEnough(password)) {
    throw errors.badRequest(
      `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự`,
      `The password must have at least ${MIN_PASSWORD_LENGTH} characters`,
      { field: "password" },
    );
  }
}

export async function changePassword(
  db: Kysely<Database>,
  auth: Auth,
  sessionId: string,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await repo.findUserById(db, auth.userId);
  if (!user) throw errors.unauthenticated();
  // the current-password check is a password guess like a login: the account's lock applies to it
  const wait = secondsLocked(user);
  if (wait > 0) throw errors.rateLimited(wait);
  if (!(await verifyPassword(input.currentPassword, user.password_hash))) {
    await countFailure(db, user);
    throw errors.badRequest("Mật khẩu hiện tại không đúng", "The current password is wrong", {
      field: "currentPassword",
    });
  }
  checkPasswordStrength(input.newPassword);
  const hash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await repo.setPasswordHash(trx, user.id, hash);
    await repo.deleteSessionsOfUser(trx, user.id, sessionId);
    await appendAudit(trx, {
      actorId: auth.userId,
      actorName: auth.username,
      action: "password.change",
      entity: "user",
      entityId: String(user.id),
      unitCode: null,
      scope: [],
      before: null,
      after: null,
    });
  });
}
