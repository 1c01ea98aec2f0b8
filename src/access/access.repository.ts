/** The SQL behind authorization decisions. @module */
import { type Kysely, sql } from "kysely";
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

/** The unit's own code and its ancestors (latest version of the code), i.e. every grant scope covering it. */
export async function unitPath(db: Kysely<Database>, code: string): Promise<string[] | null> {
  const row = await db
    .selectFrom("unit")
    .select(["code", "ancestors"])
    .where("code", "=", code)
    .orderBy(sql`valid_to desc nulls first`)
    .limit(1)
    .executeTakeFirst();
  return row ? [...row.ancestors, row.code] : null;
}
