/** The SQL behind authorization decisions. @module */
import { type Kysely, sql } from "kysely";
import { batched } from "../db/batch.ts";
import type { Database, Role } from "../db/database.ts";

export interface GrantScope {
  id: number;
  role: Role;
  unitCode: string | null;
  bodyId: number | null;
}

export async function grantsOfUser(db: Kysely<Database>, userId: number): Promise<GrantScope[]> {
  const rows = await db
    .selectFrom("user_grant")
    .select(["id", "role", "unit_code", "body_id"])
    .where("user_id", "=", userId)
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ id: r.id, role: r.role, unitCode: r.unit_code, bodyId: r.body_id }));
}

/** The paths of several codes (each its latest version, as unitPath), in one read. */
export async function unitPaths(
  db: Kysely<Database>,
  codes: readonly string[],
): Promise<Map<string, string[]>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom("unit")
    .select(["code", "ancestors"])
    .distinctOn("code")
    .where("code", "in", [...new Set(codes)])
    .orderBy("code")
    .orderBy(sql`valid_to desc nulls first`)
    .execute();
  return new Map(rows.map((r) => [r.code, [...r.ancestors, r.code]]));
}

/**
 * The unit's own code and its ancestors (latest version of the code), i.e. every grant scope covering it.
 * Concurrent asks share one read (db/batch.ts); each gets its own array.
 */
export const unitPath = batched(async (db: Kysely<Database>, codes: readonly string[]) => {
  const paths = await unitPaths(db, codes);
  return codes.map((c) => {
    const path = paths.get(c);
    return path ? [...path] : null;
  });
});
