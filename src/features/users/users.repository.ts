/** SQL for users and their grants. @module */
import { type Kysely, sql } from "kysely";
import type { Database, GrantRow, Role, UserRow } from "../../db/database.ts";

type Db = Kysely<Database>;

/** Users; with `scope`, only those holding a grant inside one of those subtrees. */
export async function listUsers(db: Db, scope: string[] | null): Promise<UserRow[]> {
  let q = db.selectFrom("app_user").selectAll("app_user");
  if (scope) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom("user_grant")
          .innerJoin("unit", "unit.code", "user_grant.unit_code")
          .select(sql`1`.as("x"))
          .whereRef("user_grant.user_id", "=", "app_user.id")
          .where("unit.valid_to", "is", null)
          .where(sql<boolean>`(unit.ancestors || unit.code) && ${sql.val(scope)}::text[]`),
      ),
    );
  }
  return q.orderBy("app_user.username").execute();
}

/** The grants of some users, each with its unit's name (its current version, else its latest). */
export async function grantsOf(
  db: Db,
  userIds: number[],
): Promise<(GrantRow & { unit_name: string | null })[]> {
  if (userIds.length === 0) return [];
  return db
    .selectFrom("user_grant as g")
    .selectAll("g")
    .select(
      sql<string | null>`(select u.full_name from unit u where u.code = g.unit_code
        order by u.valid_to desc nulls first limit 1)`.as("unit_name"),
    )
    .where("g.user_id", "in", userIds)
    .orderBy("g.id")
    .execute();
}

export async function findUser(db: Db, id: number): Promise<UserRow | undefined> {
  return db.selectFrom("app_user").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertUser(
  db: Db,
  u: { username: string; displayName: string; passwordHash: string; email?: string | null },
): Promise<UserRow | undefined> {
  return db
    .insertInto("app_user")
    .values({
      username: u.username,
      display_name: u.displayName,
      password_hash: u.passwordHash,
      email: u.email ?? null,
    })
    .onConflict((oc) => oc.column("username").doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function updateUserVersioned(
  db: Db,
  id: number,
  version: number,
  patch: Partial<Pick<UserRow, "display_name" | "is_active" | "password_hash" | "email">>,
): Promise<UserRow | undefined> {
  return db
    .updateTable("app_user")
    .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
    .where("id", "=", id)
    .where("version", "=", version)
    .returningAll()
    .executeTakeFirst();
}

export async function insertGrant(
  db: Db,
  g: { userId: number; role: Role; unitCode: string | null; bodyId: number | null; createdBy: number | null },
): Promise<GrantRow> {
  return db
    .insertInto("user_grant")
    .values({
      user_id: g.userId,
      role: g.role,
      unit_code: g.unitCode,
      body_id: g.bodyId,
      created_by: g.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findGrant(db: Db, id: number): Promise<GrantRow | undefined> {
  return db.selectFrom("user_grant").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function deleteGrant(db: Db, id: number): Promise<void> {
  await db.deleteFrom("user_grant").where("id", "=", id).execute();
}
