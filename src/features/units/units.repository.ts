/** All SQL about organisation units and their successor links. @module */

import { type Kysely, sql } from "kysely";
import type { Database, NewUnit, UnitLevel, UnitRow } from "../../db/database.ts";
import { escapeLike } from "../../db/like.ts";

type Db = Kysely<Database>;

export interface UnitFilter {
  level?: UnitLevel;
  parent?: string;
  /** Folded search text (see foldVietnamese); every word must occur. */
  words?: string[];
  /** This unit and the units below it only. */
  within?: string;
  /** The subtrees of these units only (a user's grants for some permission); null or absent: every unit. */
  scope?: string[] | null;
  asOf: string;
  limit: number;
  offset: number;
}

/** Rows valid on `asOf` (inclusive bounds; a null bound is open). */
function validOn(asOf: string, table: "unit" | "child" = "unit") {
  const t = sql.table(table);
  return sql<boolean>`(${t}.valid_from is null or ${t}.valid_from <= ${asOf}::date) and (${t}.valid_to is null or ${t}.valid_to >= ${asOf}::date)`;
}

export type UnitWithCount = UnitRow & { child_count: number };
export type UnitFound = UnitWithCount & { parent_name: string | null; province_name: string | null };

/** The name of the unit above, and of the province, valid on the same date (for "Xã Tháp Mười — Tỉnh Đồng Tháp"). */
function namesAbove(asOf: string) {
  const above = (column: "parent_code" | "province_code") => sql<string | null>`(
    select a.full_name from unit as a where a.code = unit.${sql.ref(column)} and a.code <> unit.code
      and (a.valid_from is null or a.valid_from <= ${asOf}::date) and (a.valid_to is null or a.valid_to >= ${asOf}::date)
    limit 1)`;
  return [above("parent_code").as("parent_name"), above("province_code").as("province_name")] as const;
}

/** The number of units directly below each row, valid on the same date (an index lookup per row). */
function childCount(asOf: string) {
  return sql<number>`(select count(*) from unit as child where child.parent_code = unit.code and ${validOn(asOf, "child")})::int`.as(
    "child_count",
  );
}

const LEVEL_ORDER = sql<number>`array_position(array['province','district','commune','hamlet']::text[], unit.level)`;

export async function listUnits(db: Db, f: UnitFilter): Promise<{ rows: UnitFound[]; total: number }> {
  let q = db.selectFrom("unit").where(validOn(f.asOf));
  if (f.level) q = q.where("unit.level", "=", f.level);
  if (f.parent) q = q.where("unit.parent_code", "=", f.parent);
  if (f.within) {
    const within = f.within;
    q = q.where(sql<boolean>`(unit.code = ${within} or unit.ancestors @> array[${within}]::text[])`);
  }
  if (f.scope) {
    const scope = f.scope;
    q = q.where(
      sql<boolean>`(unit.code = any(${sql.val(scope)}::text[]) or unit.ancestors && ${sql.val(scope)}::text[])`,
    );
  }
  for (const w of f.words ?? []) q = q.where("unit.search_text", "like", `%${escapeLike(w)}%`);
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .select(childCount(f.asOf))
      .select(namesAbove(f.asOf))
      .orderBy(LEVEL_ORDER)
      .orderBy("unit.province_code")
      .orderBy("unit.code")
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The counter every change to `unit` bumps (see the migration add-unit-revision). */
export async function unitRevision(db: Db): Promise<number> {
  const r = await db
    .selectFrom("unit_revision")
    .select("revision")
    .where("id", "=", 1)
    .executeTakeFirstOrThrow();
  return Number(r.revision);
}

export async function findUnitAt(db: Db, code: string, asOf: string): Promise<UnitRow | undefined> {
  return db.selectFrom("unit").selectAll().where("code", "=", code).where(validOn(asOf)).executeTakeFirst();
}

/** The versions of several codes in force on `asOf`, in one read. */
export async function findUnitsAt(db: Db, codes: readonly string[], asOf: string): Promise<UnitRow[]> {
  if (codes.length === 0) return [];
  return db
    .selectFrom("unit")
    .selectAll()
    .where("code", "in", [...codes])
    .where(validOn(asOf))
    .execute();
}

/** Every version of a code, oldest first (a code can also be reused by a different unit after a reform). */
export async function findUnitVersions(db: Db, code: string): Promise<UnitRow[]> {
  return db
    .selectFrom("unit")
    .selectAll()
    .where("code", "=", code)
    .orderBy(sql`valid_from nulls first`)
    .execute();
}

export async function listChildren(db: Db, parentCode: string, asOf: string): Promise<UnitWithCount[]> {
  return db
    .selectFrom("unit")
    .selectAll()
    .select(childCount(asOf))
    .where("parent_code", "=", parentCode)
    .where(validOn(asOf))
    .orderBy("code")
    .execute();
}

export interface LinkRow {
  predecessor_id: number;
  successor_id: number;
  kind: "full" | "partial";
  effective_date: string;
}

export async function linksFrom(db: Db, ids: number[]): Promise<LinkRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom("unit_successor").selectAll().where("predecessor_id", "in", ids).execute();
}

export async function linksTo(db: Db, ids: number[]): Promise<LinkRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom("unit_successor").selectAll().where("successor_id", "in", ids).execute();
}

export async function findUnitsByIds(db: Db, ids: number[]): Promise<UnitRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom("unit").selectAll().where("id", "in", ids).execute();
}

// ---- writes used by the import -------------------------------------------------------------------------

const CHUNK = 1000;

export async function insertUnits(db: Db, rows: NewUnit[]): Promise<{ id: number; code: string }[]> {
  const out: { id: number; code: string }[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = await db
      .insertInto("unit")
      .values(rows.slice(i, i + CHUNK))
      .returning(["id", "code"])
      .execute();
    out.push(...part);
  }
  return out;
}

export async function insertLinks(db: Db, links: LinkRow[]): Promise<void> {
  for (let i = 0; i < links.length; i += CHUNK) {
    await db
      .insertInto("unit_successor")
      .values(links.slice(i, i + CHUNK))
      .onConflict((oc) => oc.columns(["predecessor_id", "successor_id"]).doNothing())
      .execute();
  }
}

/** Open (valid_to null) official units, i.e. the current edition, hamlets excluded. */
export async function openOfficialUnits(db: Db): Promise<UnitRow[]> {
  return db
    .selectFrom("unit")
    .selectAll()
    .where("valid_to", "is", null)
    .where("level", "<>", "hamlet")
    .execute();
}

export async function closeUnits(db: Db, ids: number[], validTo: string): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK) {
    await db
      .updateTable("unit")
      .set({ valid_to: validTo, updated_at: sql`now()` })
      .where("id", "in", ids.slice(i, i + CHUNK))
      .execute();
  }
}

export async function countUnits(db: Db): Promise<number> {
  const r = await db
    .selectFrom("unit")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

// ---- hamlets --------------------------------------------------------------------------------------------

/** Locks the commune row so that concurrent hamlet creations under it get distinct codes. */
export async function lockUnit(db: Db, id: number): Promise<void> {
  await db.selectFrom("unit").select("id").where("id", "=", id).forUpdate().execute();
}

export async function maxHamletSequence(db: Db, communeCode: string): Promise<number> {
  const r = await db
    .selectFrom("unit")
    .select(sql<number>`coalesce(max(split_part(code, '-', 2)::int), 0)`.as("n"))
    .where("parent_code", "=", communeCode)
    .where("level", "=", "hamlet")
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function findHamletByNameKey(
  db: Db,
  communeCode: string,
  nameKey: string,
  asOf: string,
): Promise<UnitRow | undefined> {
  return db
    .selectFrom("unit")
    .selectAll()
    .where("parent_code", "=", communeCode)
    .where("level", "=", "hamlet")
    .where("name_key", "=", nameKey)
    .where(validOn(asOf))
    .executeTakeFirst();
}

export async function insertUnit(db: Db, row: NewUnit): Promise<UnitRow> {
  return db.insertInto("unit").values(row).returningAll().executeTakeFirstOrThrow();
}

/** Updates a version only if it is still at `version`; returns undefined on a stale write. */
export async function updateUnitVersioned(
  db: Db,
  id: number,
  version: number,
  patch: Partial<Pick<UnitRow, "name" | "full_name" | "type" | "valid_to" | "name_key" | "search_text">>,
): Promise<UnitRow | undefined> {
  return db
    .updateTable("unit")
    .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
    .where("id", "=", id)
    .where("version", "=", version)
    .returningAll()
    .executeTakeFirst();
}
