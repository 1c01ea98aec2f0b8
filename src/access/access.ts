/**
 * Every authorization decision goes through here. A denial on a specific record reads "not found or not
 * permitted", so it never confirms that the record exists.
 * @module
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/database.ts";
import { errors } from "../errors.ts";
import { type GrantScope, unitPath, unitPaths } from "./access.repository.ts";
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

/**
 * Fine check on a record already read, which carries its unit's path and its body: the caller and the record,
 * or 404 "not found or not permitted" (the same whether it is missing or another's).
 */
export function requireRowAccess<T extends { unit_path: string[]; body_id: number | null }>(
  auth: Auth | null,
  permission: Permission,
  row: T | undefined,
  askedId: string | number,
): { a: Auth; row: T } {
  const a = requirePermission(auth, permission);
  if (!row || !coversPath(a, permission, row.unit_path, row.body_id ?? undefined))
    throw errors.notFoundOrForbidden(String(askedId));
  return { a, row };
}

/** For lists: null = everything; otherwise the unit codes whose subtrees the user may see. */
export function scopeCodes(auth: Auth, permission: Permission): string[] | null {
  const gs = grantsWith(auth, permission);
  if (gs.some((g) => g.role === "system_admin")) return null;
  return [...new Set(gs.map((g) => g.unitCode).filter((c): c is string => c !== null))];
}

/**
 * The user's grants of `permission` as a statement's scope: each grant's unit, and the body it is limited to
 * (0: every body of the unit); null for a system administrator (everything).
 */
export function scopeGrants(auth: Auth, permission: Permission): ScopeGrants | null {
  const gs = grantsWith(auth, permission);
  if (gs.some((g) => g.role === "system_admin")) return null;
  const units: string[] = [];
  const bodies: number[] = [];
  for (const g of gs) {
    if (g.unitCode === null) continue;
    units.push(g.unitCode);
    bodies.push(g.bodyId ?? 0);
  }
  return { units, bodies };
}

/** Grants as two lined-up lists, the `i`-th body limiting the `i`-th unit (0: none). */
export interface ScopeGrants {
  units: string[];
  bodies: number[];
}

/**
 * For a statement: whether a grant of `scope` covers a row, its unit on `path` and it for every body of the unit or for
 * the row's `body` (a grant for one body of a unit sees that body's rows, not its neighbours').
 */
export const granted = (
  scope: ScopeGrants,
  path: string,
  body: string,
) => sql<boolean>`${sql.ref(path)} && ${sql.val(scope.units)}::text[]
  and exists (select 1 from unnest(${sql.val(scope.units)}::text[], ${sql.val(scope.bodies)}::bigint[]) as g(unit, body)
    where g.unit = any(${sql.ref(path)}) and (g.body = 0 or g.body = ${sql.ref(body)}))`;

/** The bodies the user's grants of `permission` are limited to (a grant for one body of a unit). */
export function grantBodies(auth: Auth, permission: Permission): number[] {
  return [...new Set(grantsWith(auth, permission).flatMap((g) => (g.bodyId === null ? [] : [g.bodyId])))];
}

/** The unit (and body) holding a record, as the record's own row names it. */
export interface RecordOwner {
  unitCode: string;
  bodyId?: number | null;
}

/**
 * Fine check on one record (a document, plan, body, scheme...): `owner` is its holder, or null when there is
 * no such record. A missing record and a denied one get the same 404, naming only the id that was asked for
 * (never the unit that holds it). Returns the holder's path.
 */
export async function requireRecordAccess(
  db: Kysely<Database>,
  auth: Auth | null,
  permission: Permission,
  askedId: string | number,
  owner: RecordOwner | null | undefined,
): Promise<string[]> {
  requirePermission(auth, permission);
  const path = await recordPath(db, auth, permission, owner);
  if (!path) throw errors.notFoundOrForbidden(String(askedId));
  return path;
}

/**
 * The holder's path when the user holds `permission` on the record, else null (also for no record): for a
 * reference inside a request body, refused at its field in the same words whether it exists or not.
 */
export async function recordPath(
  db: Kysely<Database>,
  auth: Auth | null,
  permission: Permission,
  owner: RecordOwner | null | undefined,
): Promise<string[] | null> {
  if (!auth || !owner) return null;
  const path = await unitPath(db, owner.unitCode);
  return path && coversPath(auth, permission, path, owner.bodyId ?? undefined) ? path : null;
}

/**
 * recordPath for several records in one read: the records (by their index) whose holder the user holds
 * `permission` on.
 */
export async function readableRecords(
  db: Kysely<Database>,
  auth: Auth | null,
  permission: Permission,
  owners: readonly RecordOwner[],
): Promise<Set<number>> {
  const readable = new Set<number>();
  if (!auth) return readable;
  const paths = await unitPaths(
    db,
    owners.map((o) => o.unitCode),
  );
  owners.forEach((o, i) => {
    const path = paths.get(o.unitCode);
    if (path && coversPath(auth, permission, path, o.bodyId ?? undefined)) readable.add(i);
  });
  return readable;
}

/**
 * A unit named inside another record's scope (the unit a request's consolidation or summary is read at):
 * `inRecord` says whether the record reaches that unit at all (for a request: the unit is on the path of one
 * of its reports). The user must then hold `permission` on the record's holder (`holderPath`) or on the unit
 * itself. Otherwise 404, naming only the unit asked for.
 */
export async function requireUnitOfRecord(
  db: Kysely<Database>,
  auth: Auth | null,
  permission: Permission,
  unitCode: string,
  record: { holderPath: readonly string[]; inRecord: boolean },
): Promise<void> {
  const a = requirePermission(auth, permission);
  const path = record.inRecord ? await unitPath(db, unitCode) : null;
  if (!path || !(coversPath(a, permission, record.holderPath) || coversPath(a, permission, path))) {
    throw errors.notFoundOrForbidden(unitCode);
  }
}
