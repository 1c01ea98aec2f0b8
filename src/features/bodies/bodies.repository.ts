/** SQL for the bodies each unit holds. @module */
import { type Kysely, sql } from "kysely";
import { batched, inOrder } from "../../db/batch.ts";
import type { BodyRow, Database } from "../../db/database.ts";
import { escapeLike } from "../../db/like.ts";

type Db = Kysely<Database>;

export async function listBodies(db: Db, unitCode: string, asOf: string): Promise<BodyRow[]> {
  return db
    .selectFrom("body")
    .selectAll()
    .where("unit_code", "=", unitCode)
    .where(
      sql<boolean>`(valid_from is null or valid_from <= ${asOf}::date) and (valid_to is null or valid_to >= ${asOf}::date)`,
    )
    .orderBy("id")
    .execute();
}

/** A body by its id; concurrent asks share one read (db/batch.ts). */
export const findBody = batched(async (db: Db, ids: readonly number[]) =>
  inOrder(ids, await findBodies(db, [...new Set(ids)]), (r) => r.id),
);

/**
 * A body with its unit's path (the latest version of its unit's code, as access.repository's unitPath) and its
 * own id as `body_id`, ready for an access check; concurrent asks share one read (db/batch.ts).
 */
export const findBodyWithPath = batched(async (db: Db, ids: readonly number[]) => {
  const rows = await db
    .selectFrom("body as b")
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom("unit")
          .select(sql<string[]>`ancestors || code`.as("unit_path"))
          .whereRef("unit.code", "=", "b.unit_code")
          .orderBy(sql`valid_to desc nulls first`)
          .limit(1)
          .as("u"),
      (j) => j.onTrue(),
    )
    .selectAll("b")
    .select(["u.unit_path", "b.id as body_id"])
    .where("b.id", "in", [...new Set(ids)])
    .execute();
  return inOrder(ids, rows, (r) => r.id).map((r) => r && { ...r, unit_path: [...r.unit_path] });
});

/**
 * People's Committees in office of units in office whose unit's folded name holds every word (the online form's
 * list of receivers), provinces first, at most 20.
 */
export async function findCommitteesNamed(db: Db, words: readonly string[]) {
  let q = db
    .selectFrom("body as b")
    .innerJoin("unit as u", (j) => j.onRef("u.code", "=", "b.unit_code").on("u.valid_to", "is", null))
    .leftJoin("unit as p", (j) => j.onRef("p.code", "=", "b.province_code").on("p.valid_to", "is", null))
    .select(["b.id", "b.name", "u.level", "p.full_name as province_name"])
    .where("b.kind", "=", "people_committee")
    .where("b.valid_to", "is", null);
  for (const w of words) q = q.where("u.search_text", "like", `%${escapeLike(w)}%`);
  return q.orderBy(sql`u.level = 'province'`, "desc").orderBy("b.name").limit(20).execute();
}

/** Several bodies in one read (a request naming up to 500). */
export async function findBodies(db: Db, ids: readonly number[]): Promise<BodyRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom("body")
    .selectAll()
    .where("id", "in", [...ids])
    .execute();
}

export async function insertBody(
  db: Db,
  b: Omit<
    BodyRow,
    | "id"
    | "version"
    | "created_at"
    | "updated_at"
    | "parent_line"
    | "usual_recipients"
    | "signing"
    | "archive_line"
  >,
): Promise<BodyRow> {
  return db.insertInto("body").values(b).returningAll().executeTakeFirstOrThrow();
}

export async function updateBodyVersioned(
  db: Db,
  id: number,
  version: number,
  patch: Partial<
    Pick<
      BodyRow,
      "name" | "short_name" | "valid_to" | "parent_line" | "usual_recipients" | "archive_line"
    > & {
      signing: string | null;
    }
  >,
): Promise<BodyRow | undefined> {
  return db
    .updateTable("body")
    .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
    .where("id", "=", id)
    .where("version", "=", version)
    .returningAll()
    .executeTakeFirst();
}
