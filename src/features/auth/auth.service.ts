/** Log in, log out, sessions, password change. @module */
import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { grantsOfUser } from "../../access/access.repository.ts";
import type { Auth } from "../../access/access.ts";
import type { Database } from "../../db/database.ts";
import { MIN_PASSWORD_LENGTH, passwordLongEnough } from "../../domain/password-rule.ts";
import { AppError, errors } from "../../http/errors.ts";
import { appendAudit } from "../audit/audit.repository.ts";
import * as repo from "./auth.repository.ts";
import type { LoginLimiter } from "./login-limiter.ts";
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
  limiter: LoginLimiter,
  input: { username: string; password: string; ip: string },
): Promise<LoginResult> {
  const username = input.username.trim().toLowerCase();
  const wait = limiter.retryAfter(input.ip, username);
  if (wait > 0) throw errors.rateLimited(wait);
  const user = await repo.findUserByUsername(db, username);
  const ok = user
    ? await verifyPassword(input.password, user.password_hash)
    : await verifyPassword(input.password, await DUMMY_HASH);
  if (!user || !ok || !user.is_active) {
    limiter.fail(input.ip, username);
    throw new AppError(
      401,
      "invalid_credentials",
      "Tên đăng nhập hoặc mật khẩu không đúng",
      "Wrong username or password",
    );
  }
  limiter.succeed(input.ip, username);
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

/** Resolves a session cookie to the caller, or null. */
export async function authenticate(
  db: Kysely<Database>,
  token: string,
): Promise<{ auth: Auth; sessionId: string; csrfToken: string } | null> {
  const s = await repo.findLiveSession(db, sessionIdOf(token));
  if (!s) return null;
  return {
    sessionId: s.id,
    csrfToken: s.csrf_token,
    auth: { userId: s.user_id, username: s.username, displayName: s.display_name, grants: s.grants },
  };
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
  if (!user || !(await verifyPassword(input.currentPassword, user.password_hash))) {
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
