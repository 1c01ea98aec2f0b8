/** SQL for the indicator catalogue. @module */
import { type Kysely, sql } from "kysely";
import type { Database, IndicatorRow } from "../../db/database.ts";
import type { IndicatorDefinition } from "../../domain/indicators.ts";

type Db = Kysely<Database>;

function toRow(i: IndicatorDefinition) {
  return {
    code: i.code,
    name_vi: i.nameVi,
    name_en: i.nameEn,
    type: i.type,
    unit_of_measure: i.unitOfMeasure,
    aggregation: i.aggregation,
    categories: JSON.stringify(i.categories),
    description: i.description,
    weight_code: i.weightCode ?? null,
    max_value: i.maxValue ?? null,
  };
}

export async function listIndicators(db: Db): Promise<IndicatorRow[]> {
  return db.selectFrom("indicator").selectAll().orderBy("built_in", "desc").orderBy("code").execute();
}

export async function findIndicator(db: Db, code: string): Promise<IndicatorRow | undefined> {
  return db.selectFrom("indicator").selectAll().where("code", "=", code).executeTakeFirst();
}

/** Inserts the built-ins that are missing (never overwrites an admin's edits). */
export async function insertMissing(db: Db, items: readonly IndicatorDefinition[]): Promise<number> {
  if (items.length === 0) return 0;
  const r = await db
    .insertInto("indicator")
    .values(items.map((i) => ({ ...toRow(i), built_in: true })))
    .onConflict((oc) => oc.column("code").doNothing())
    .executeTakeFirst();
  const inserted = Number(r.numInsertedOrUpdatedRows ?? 0);
  // a built-in that gained its weight or its bound after it was first inserted (both came with later
  // releases); an admin's own choice is kept
  for (const i of items) {
    if (i.weightCode) {
      await db
        .updateTable("indicator")
        .set({ weight_code: i.weightCode })
        .where("code", "=", i.code)
        .where("built_in", "=", true)
        .where("weight_code", "is", null)
        .where("aggregation", "=", "weighted_average")
        .execute();
    }
    if (i.maxValue) {
      await db
        .updateTable("indicator")
        .set({ max_value: i.maxValue })
        .where("code", "=", i.code)
        .where("built_in", "=", true)
        .where("max_value", "is", null)
        .execute();
    }
  }
  return inserted;
}

export async function insertIndicator(db: Db, i: IndicatorDefinition): Promise<IndicatorRow | undefined> {
  return db
    .insertInto("indicator")
    .values(toRow(i))
    .onConflict((oc) => oc.column("code").doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function updateIndicatorVersioned(
  db: Db,
  code: string,
  version: number,
  i: Omit<IndicatorDefinition, "code">,
): Promise<IndicatorRow | undefined> {
  const { code: _code, ...row } = toRow({ ...i, code });
  return db
    .updateTable("indicator")
    .set({ ...row, version: sql`version + 1`, updated_at: sql`now()` })
    .where("code", "=", code)
    .where("version", "=", version)
    .returningAll()
    .executeTakeFirst();
}
