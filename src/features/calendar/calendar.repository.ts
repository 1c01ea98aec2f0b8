/** SQL for the admin-confirmed working-day calendars. @module */
import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/database.ts";
import type { SpecialDay } from "../../domain/working-days.ts";

type Db = Kysely<Database>;

export async function findYear(db: Db, year: number) {
  return db.selectFrom("calendar_year").selectAll().where("year", "=", year).executeTakeFirst();
}

export async function listDays(db: Db, years: number[] | null): Promise<SpecialDay[]> {
  let q = db.selectFrom("calendar_day").select(["date", "kind", "name", "status", "source"]).orderBy("date");
  if (years) {
    if (years.length === 0) return [];
    q = q.where("year", "in", years);
  }
  return q.execute();
}

export async function storedYears(db: Db): Promise<number[]> {
  return (await db.selectFrom("calendar_year").select("year").orderBy("year").execute()).map((r) => r.year);
}

/** Replaces a year's days; the year row's version must still be `version` (null: not stored yet). */
export async function replaceYear(
  db: Db,
  year: number,
  version: number | null,
  days: SpecialDay[],
  userId: number,
): Promise<number | null> {
  let next: number | undefined;
  if (version === null) {
    const r = await db
      .insertInto("calendar_year")
      .values({ year, confirmed_by: userId })
      .onConflict((oc) => oc.column("year").doNothing())
      .returning("version")
      .executeTakeFirst();
    next = r?.version;
  } else {
    const r = await db
      .updateTable("calendar_year")
      .set({ version: sql`version + 1`, confirmed_by: userId, confirmed_at: sql`now()` })
      .where("year", "=", year)
      .where("version", "=", version)
      .returning("version")
      .executeTakeFirst();
    next = r?.version;
  }
  if (next === undefined) return null;
  await db.deleteFrom("calendar_day").where("year", "=", year).execute();
  if (days.length) await db.insertInto("calendar_day").values(days).execute();
  return next;
}
