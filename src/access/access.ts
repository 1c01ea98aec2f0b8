/**
 * Every authorization decision goes through here. A denial on a specific record reads "not found or not
 * permitted", so it never confirms that the record exists.
 * @module
 */
import type { Kysely } from "kysely";
import type { Database } from "../db/database.ts";
import { errors } from "../http/errors.ts";
import { type GrantScope, unitPath } from "./access.repository.ts";
import { type Permission, ROLE_PERMISSIONS } from "./permissions.ts";

export interface Auth {
  userId: number;
  username: string;
  displayName: string;
  grants: GrantScope[];
}

export function isSystemAdmin(auth: Auth): boolean {
  return auth.grants.some((g) => g.role === "system_admin");
}

function grantsWith(auth: Auth, permission: Permission): GrantScope[] {
  return auth.grants.filter((g) => ROLE_PERMISSIONS[g.role].includes(permission));
}

/** Coarse check: does the user hold `permission` anywhere? */
export function requirePermission(auth: Auth | null, permission: Permission): Auth {
  if (!auth) throw errors.unauthenticated();
  if (grantsWith(auth, permission).length === 0) throw errors.forbidden();
  return auth;
}

/** True when a grant with `permission` covers a unit whose path (ancestors + itself) is `path`. */
export function coversPath(
  auth: Auth,
  permission: Permission,
  path: readonly string[],
  bodyId?: number,
): boolean {
  return grantsWith(auth, permission).some(
    (g) =>
      g.role === "system_admin" ||
      (g.unitCode !== null && path.includes(g.unitCode) && (g.bodyId === null || g.bodyId === bodyId)),
  );
}

/** Fine check on one unit (by code); throws 404 "not found or not permitted". Returns the unit's path. */
export async function requireUnitAccess(
  db: Kysely<Database>,
  auth: Auth | null,
  permission: Permission,
  unitCode: string,
  bodyId?: number,
): Promise<string[]> {
  const a = requirePermission(auth, permission);
  const path = await unitPath(db, unitCode);
  if (!path || !coversPath(a, permission, path, bodyId)) throw errors.notFoundOrForbidden(unitCode);
  return path;
}

/** For lists: null = everything; otherwise the unit codes whose subtrees the user may see. */
export function scopeCodes(auth: Auth, permission: Permission): string[] | null {
  const gs = grantsWith(auth, permission);
  if (gs.some((g) => g.role === "system_admin")) return null;
  return [...new Set(gs.map((g) => g.unitCode).filter((c): c is string => c !== null))];
}
