/** Users and grants, managed by system admins and, inside their subtree, unit admins. @module */
import type { Kysely } from "kysely";
import { unitPath } from "../../access/access.repository.ts";
import { type Auth, coversPath, isSystemAdmin, requirePermission, scopeCodes } from "../../access/access.ts";
import { grantableRoles } from "../../access/permissions.ts";
import { appendAudit } from "../../audit/audit-log.repository.ts";
import type { Database, GrantRow, Role, UserRow } from "../../db/database.ts";
import { errors } from "../../errors.ts";
import { checkPasswordStrength, endSessionsOf } from "../auth/auth.service.ts";
import { hashPassword } from "../auth/password.ts";
import { bodyById } from "../bodies/bodies.service.ts";
import * as repo from "./users.repository.ts";

type Db = Kysely<Database>;

function toGrantDto(g: GrantRow & { unit_name?: string | null }) {
  return { id: g.id, role: g.role, unitCode: g.unit_code, unitName: g.unit_name ?? null, bodyId: g.body_id };
}

function toUserDto(u: UserRow, grants: (GrantRow & { unit_name?: string | null })[]) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    email: u.email,
    isActive: u.is_active,
    version: u.version,
    grants: grants.filter((g) => g.user_id === u.id).map(toGrantDto),
  };
}

export async function listUsers(db: Db, auth: Auth | null) {
  const a = requirePermission(auth, "user.manage");
  const users = await repo.listUsers(db, scopeCodes(a, "user.manage"));
  const grants = await repo.grantsOf(
    db,
    users.map((u) => u.id),
  );
  return { items: users.map((u) => toUserDto(u, grants)) };
}

/** A manager sees a user if one of the user's grants lies inside the manager's subtree (or is a system admin). */
async function requireManagedUser(db: Db, auth: Auth, id: number): Promise<UserRow> {
  const user = await repo.findUser(db, id);
  if (!user) throw errors.notFoundOrForbidden(String(id));
  if (isSystemAdmin(auth)) return user;
  const grants = await repo.grantsOf(db, [id]);
  for (const g of grants) {
    const path = g.unit_code ? await unitPath(db, g.unit_code) : null;
    if (path && coversPath(auth, "user.manage", path)) return user;
  }
  throw errors.notFoundOrForbidden(String(id));
}

export async function getUser(db: Db, auth: Auth | null, id: number) {
  const a = requirePermission(auth, "user.manage");
  const user = await requireManagedUser(db, a, id);
  return toUserDto(user, await repo.grantsOf(db, [id]));
}

interface GrantInput {
  role: Role;
  unitCode?: string | null;
  bodyId?: number | null;
}

async function checkGrant(db: Db, auth: Auth, g: GrantInput): Promise<string[]> {
  if (!grantableRoles(isSystemAdmin(auth)).includes(g.role)) throw errors.forbidden();
  if (g.role === "system_admin") {
    if (g.unitCode)
      throw errors.badRequest("Quản trị hệ thống không gắn với đơn vị", "A system admin has no unit", {
        field: "unitCode",
      });
    return [];
  }
  if (!g.unitCode)
    throw errors.badRequest("Cần chọn đơn vị cho quyền này", "This role needs a unit", { field: "unitCode" });
  const path = await unitPath(db, g.unitCode);
  if (!path)
    throw errors.badRequest(`Không có đơn vị mã ${g.unitCode}`, `No unit with code ${g.unitCode}`, {
      field: "unitCode",
    });
  if (!coversPath(auth, "user.manage", path)) throw errors.notFoundOrForbidden(g.unitCode);
  if (g.bodyId) {
    const body = await bodyById(db, g.bodyId);
    if (!body || body.unit_code !== g.unitCode) {
      throw errors.badRequest("Cơ quan không thuộc đơn vị đã chọn", "The body does not belong to that unit", {
        field: "bodyId",
      });
    }
  }
  return path;
}

export async function createUser(
  db: Db,
  auth: Auth | null,
  input: {
    username: string;
    displayName: string;
    password: string;
    email?: string | null;
    grants: GrantInput[];
  },
) {
  const a = requirePermission(auth, "user.manage");
  if (!isSystemAdmin(a) && input.grants.length === 0) {
    throw errors.badRequest(
      "Cần ít nhất một quyền trong phạm vi của bạn",
      "Give at least one grant inside your scope",
      {
        field: "grants",
      },
    );
  }
  const paths: string[][] = [];
  for (const g of input.grants) paths.push(await checkGrant(db, a, g));
  checkPasswordStrength(input.password);
  const hash = await hashPassword(input.password);
  const dto = await insertUserWithGrants(db, input, hash, { id: a.userId, name: a.username }, paths[0] ?? []);
  if (!dto) {
    throw errors.conflict(`Tên đăng nhập ${input.username} đã có`, `Username ${input.username} is taken`, {
      field: "username",
    });
  }
  return dto;
}

/** Inserts the user and the grants and audits it, in one transaction; null when the username is taken. */
async function insertUserWithGrants(
  db: Db,
  input: { username: string; displayName: string; email?: string | null; grants: GrantInput[] },
  passwordHash: string,
  actor: { id: number | null; name: string },
  scope: string[],
) {
  return db.transaction().execute(async (trx) => {
    const user = await repo.insertUser(trx, {
      username: input.username.toLowerCase(),
      displayName: input.displayName,
      passwordHash,
      email: input.email ?? null,
    });
    if (!user) return null;
    for (const g of input.grants) {
      await repo.insertGrant(trx, {
        userId: user.id,
        role: g.role,
        unitCode: g.unitCode ?? null,
        bodyId: g.bodyId ?? null,
        createdBy: actor.id,
      });
    }
    const dto = toUserDto(user, await repo.grantsOf(trx, [user.id]));
    await appendAudit(trx, {
      actorId: actor.id,
      actorName: actor.name,
      action: "user.create",
      entity: "user",
      entityId: String(user.id),
      unitCode: input.grants[0]?.unitCode ?? null,
      scope,
      before: null,
      after: dto,
    });
    return dto;
  });
}

export async function updateUser(
  db: Db,
  auth: Auth | null,
  id: number,
  input: {
    version: number;
    displayName?: string;
    email?: string | null;
    isActive?: boolean;
    password?: string;
  },
) {
  const a = requirePermission(auth, "user.manage");
  const before = await requireManagedUser(db, a, id);
  if (input.isActive === false && id === a.userId) {
    throw errors.badRequest("Không thể tự khóa tài khoản của mình", "You cannot deactivate yourself");
  }
  if (input.password !== undefined) checkPasswordStrength(input.password);
  const hash = input.password !== undefined ? await hashPassword(input.password) : undefined;
  return db.transaction().execute(async (trx) => {
    const row = await repo.updateUserVersioned(trx, id, input.version, {
      ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
      ...(input.email !== undefined ? { email: input.email } : {}),
      ...(input.isActive !== undefined ? { is_active: input.isActive } : {}),
      ...(hash ? { password_hash: hash } : {}),
    });
    if (!row) throw errors.stale(before.version);
    if (hash || input.isActive === false) await endSessionsOf(trx, id, { unlock: hash !== undefined });
    const grants = await repo.grantsOf(trx, [id]);
    const scope = grants[0]?.unit_code ? ((await unitPath(trx, grants[0].unit_code)) ?? []) : [];
    await appendAudit(trx, {
      actorId: a.userId,
      actorName: a.username,
      action: hash ? "user.password_reset" : "user.update",
      entity: "user",
      entityId: String(id),
      unitCode: grants[0]?.unit_code ?? null,
      scope,
      before: toUserDto(before, grants),
      after: toUserDto(row, grants),
    });
    return toUserDto(row, grants);
  });
}

export async function addGrant(db: Db, auth: Auth | null, userId: number, g: GrantInput) {
  const a = requirePermission(auth, "user.manage");
  const user = await repo.findUser(db, userId);
  if (!user) throw errors.notFoundOrForbidden(String(userId));
  const path = await checkGrant(db, a, g);
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertGrant(trx, {
      userId,
      role: g.role,
      unitCode: g.unitCode ?? null,
      bodyId: g.bodyId ?? null,
      createdBy: a.userId,
    });
    await appendAudit(trx, {
      actorId: a.userId,
      actorName: a.username,
      action: "grant.add",
      entity: "user",
      entityId: String(userId),
      unitCode: g.unitCode ?? null,
      scope: path,
      before: null,
      after: toGrantDto(row),
    });
    return toGrantDto(row);
  });
}

export async function removeGrant(db: Db, auth: Auth | null, userId: number, grantId: number) {
  const a = requirePermission(auth, "user.manage");
  const g = await repo.findGrant(db, grantId);
  if (!g || g.user_id !== userId) throw errors.notFoundOrForbidden(String(grantId));
  const path = await checkGrant(db, a, { role: g.role, unitCode: g.unit_code });
  if (g.role === "system_admin" && userId === a.userId) {
    throw errors.badRequest(
      "Không thể tự bỏ quyền quản trị hệ thống của mình",
      "You cannot remove your own system admin grant",
    );
  }
  await db.transaction().execute(async (trx) => {
    await repo.deleteGrant(trx, grantId);
    await appendAudit(trx, {
      actorId: a.userId,
      actorName: a.username,
      action: "grant.remove",
      entity: "user",
      entityId: String(userId),
      unitCode: g.unit_code,
      scope: path,
      before: toGrantDto(g),
      after: null,
    });
  });
  return { ok: true };
}

/**
 * Creates a user from the local command line (`danvan user add`, demo mode): whoever can run the CLI against
 * the database is trusted. Returns null when the username exists already.
 */
export async function createUserFromCli(
  db: Db,
  input: { username: string; displayName: string; password: string; grants: GrantInput[] },
) {
  checkPasswordStrength(input.password);
  let scope: string[] = [];
  for (const g of input.grants) {
    if (g.role === "system_admin") continue;
    const path = g.unitCode ? await unitPath(db, g.unitCode) : null;
    if (!path) throw errors.badRequest(`Không có đơn vị mã ${g.unitCode}`, `No unit with code ${g.unitCode}`);
    scope = path;
  }
  return insertUserWithGrants(
    db,
    input,
    await hashPassword(input.password),
    { id: null, name: "cli" },
    scope,
  );
}
