/** SQL for "Dân vận khéo" models: fields, criteria sets, models, their years and steps, and the counts. @module */
import { sql } from "kysely";
import { batched } from "../../db/batch.ts";
import type {
  Db,
  DvkModelRow,
  DvkModelStepRow,
  DvkModelYearRow,
  ModelCriteriaSetRow,
  ModelDetailsJson,
  ModelFieldRow,
  ModelStatusValue,
} from "../../db/database.ts";

export async function listFields(db: Db): Promise<ModelFieldRow[]> {
  return db.selectFrom("model_field").selectAll().orderBy("sort").orderBy("code").execute();
}

/** Inserts the built-in fields that are missing (never overwrites an admin's names). */
export async function insertMissingFields(
  db: Db,
  fields: readonly { code: string; nameVi: string; nameEn: string }[],
): Promise<void> {
  if (fields.length === 0) return;
  await db
    .insertInto("model_field")
    .values(
      fields.map((f, i) => ({
        code: f.code,
        name_vi: f.nameVi,
        name_en: f.nameEn,
        sort: i + 1,
        built_in: true,
      })),
    )
    .onConflict((oc) => oc.column("code").doNothing())
    .execute();
}

/** The province's own criteria sets and the example sets (province_code null), the province's first. */
export async function criteriaSets(db: Db, provinceCode: string): Promise<ModelCriteriaSetRow[]> {
  return db
    .selectFrom("model_criteria_set")
    .selectAll()
    .where((eb) => eb.or([eb("province_code", "=", provinceCode), eb("province_code", "is", null)]))
    .orderBy(sql`province_code is null`)
    .orderBy("kind")
    .execute();
}

export async function insertMissingCriteria(
  db: Db,
  sets: readonly {
    kind: "collective" | "individual";
    criteria: unknown;
    minimumMet: number;
    source: string;
  }[],
): Promise<void> {
  if (sets.length === 0) return;
  await db
    .insertInto("model_criteria_set")
    .values(
      sets.map((s) => ({
        province_code: null,
        kind: s.kind,
        example: true,
        source: s.source,
        criteria: JSON.stringify(s.criteria),
        minimum_met: s.minimumMet,
      })),
    )
    .onConflict((oc) => oc.columns(["province_code", "kind"]).doNothing())
    .execute();
}

/** A province's own criteria set for a kind of model (replacing the one it had). */
export async function upsertCriteria(
  db: Db,
  c: {
    provinceCode: string;
    kind: "collective" | "individual";
    criteria: unknown;
    minimumMet: number;
    source: string;
  },
): Promise<void> {
  await db
    .insertInto("model_criteria_set")
    .values({
      province_code: c.provinceCode,
      kind: c.kind,
      example: false,
      source: c.source,
      criteria: JSON.stringify(c.criteria),
      minimum_met: c.minimumMet,
    })
    .onConflict((oc) =>
      oc.columns(["province_code", "kind"]).doUpdateSet({
        criteria: (eb) => eb.ref("excluded.criteria"),
        minimum_met: (eb) => eb.ref("excluded.minimum_met"),
        source: (eb) => eb.ref("excluded.source"),
        example: false,
      }),
    )
    .execute();
}

export interface NewModel {
  unit_code: string;
  unit_path: string[];
  province_code: string;
  body_id: number | null;
  name: string;
  field_code: string;
  kind: "collective" | "individual";
  details: ModelDetailsJson;
  started_on: string;
  evaluation_on: string | null;
  created_by: number;
}

export async function insertModel(db: Db, m: NewModel): Promise<DvkModelRow> {
  return db
    .insertInto("dvk_model")
    .values({ ...m, details: JSON.stringify(m.details) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findModel(db: Db, id: number): Promise<DvkModelRow | undefined> {
  return db.selectFrom("dvk_model").selectAll().where("id", "=", id).executeTakeFirst();
}

/**
 * Corrects a model's registration, stops it, or shows it on the public showcase (with the results it shows), if
 * it still has `version`; undefined when someone else wrote first.
 */
export async function updateModelVersioned(
  db: Db,
  id: number,
  version: number,
  set: {
    name?: string;
    field_code?: string;
    kind?: "collective" | "individual";
    body_id?: number | null;
    details?: string;
    started_on?: string;
    evaluation_on?: string | null;
    stopped_on?: string | null;
    stop_reason?: string;
    is_public?: boolean;
    results?: string;
  },
): Promise<DvkModelRow | undefined> {
  return db
    .updateTable("dvk_model")
    .set({ ...set, version: sql`version + 1`, updated_at: sql`now()` })
    .where("id", "=", id)
    .where("version", "=", version)
    .returningAll()
    .executeTakeFirst();
}

/** Adds a year to each model that does not have it yet; returns the models that got it. */
export async function insertYears(
  db: Db,
  rows: { model_id: number; year: number; province_code: string; registration: "new" | "kept" }[],
): Promise<number[]> {
  if (rows.length === 0) return [];
  const out = await db
    .insertInto("dvk_model_year")
    .values(rows)
    .onConflict((oc) => oc.columns(["model_id", "year"]).doNothing())
    .returning("model_id")
    .execute();
  return out.map((r) => r.model_id);
}

export async function yearsOf(db: Db, modelId: number): Promise<DvkModelYearRow[]> {
  return db
    .selectFrom("dvk_model_year")
    .selectAll()
    .where("model_id", "=", modelId)
    .orderBy("year", "desc")
    .execute();
}

export async function findYear(db: Db, modelId: number, year: number): Promise<DvkModelYearRow | undefined> {
  return db
    .selectFrom("dvk_model_year")
    .selectAll()
    .where("model_id", "=", modelId)
    .where("year", "=", year)
    .executeTakeFirst();
}

export async function stepsOf(db: Db, modelId: number): Promise<DvkModelStepRow[]> {
  return db.selectFrom("dvk_model_step").selectAll().where("model_id", "=", modelId).orderBy("id").execute();
}

export async function insertSteps(
  db: Db,
  rows: {
    model_id: number;
    year: number;
    province_code: string;
    from_status: ModelStatusValue | null;
    to_status: ModelStatusValue;
    comment: string;
    decision_symbol: string | null;
    actor_id: number;
    actor_name: string;
  }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto("dvk_model_step").values(rows).execute();
}

/** Moves a model's year to a new status if it still has `version`; undefined when someone else wrote first. */
export async function updateYearVersioned(
  db: Db,
  modelId: number,
  year: number,
  version: number,
  set: {
    status: ModelStatusValue;
    was_exemplary?: boolean;
    assessment?: string;
    decision_number_id?: number;
    decision_symbol?: string;
  },
): Promise<DvkModelYearRow | undefined> {
  return db
    .updateTable("dvk_model_year")
    .set({ ...set, version: sql`version + 1`, updated_at: sql`now()` })
    .where("model_id", "=", modelId)
    .where("year", "=", year)
    .where("version", "=", version)
    .returningAll()
    .executeTakeFirst();
}

/** The names of the unit's own models registered or kept up in `year` (for likely duplicates). */
export async function namesInUnitYear(
  db: Db,
  unitCode: string,
  year: number,
): Promise<{ id: number; name: string; registration: "new" | "kept" }[]> {
  return db
    .selectFrom("dvk_model as m")
    .innerJoin("dvk_model_year as y", "y.model_id", "m.id")
    .select(["m.id", "m.name", "y.registration"])
    .where("m.unit_code", "=", unitCode)
    .where("y.year", "=", year)
    .orderBy("m.id")
    .execute();
}

export type ModelListRow = DvkModelRow & {
  year: number;
  registration: "new" | "kept";
  status: ModelStatusValue;
  was_exemplary: boolean;
  decision_symbol: string | null;
  year_version: number;
  unit_name: string;
};

/** The models under a unit (its own and those of every unit below it) in a year, newest first. */
export async function listModels(
  db: Db,
  f: { unitCode: string; year: number; fieldCode?: string; status?: ModelStatusValue },
  limit: number,
): Promise<ModelListRow[]> {
  let q = db
    .selectFrom("dvk_model as m")
    .innerJoin("dvk_model_year as y", "y.model_id", "m.id")
    .innerJoin("unit as u", (j) => j.onRef("u.code", "=", "m.unit_code").on(sql<boolean>`u.valid_to is null`))
    .selectAll("m")
    .select([
      "y.year",
      "y.registration",
      "y.status",
      "y.was_exemplary",
      "y.decision_symbol",
      "y.version as year_version",
      "u.full_name as unit_name",
    ])
    .where(sql<boolean>`m.unit_path @> array[${f.unitCode}]::text[]`)
    .where("y.year", "=", f.year);
  if (f.fieldCode) q = q.where("m.field_code", "=", f.fieldCode);
  if (f.status) q = q.where("y.status", "=", f.status);
  return q.orderBy("m.id", "desc").limit(limit).execute();
}

/** The unit's own models in its latest year before `year` that are not in `year` yet: what can be kept up. */
export async function carryOverCandidates(
  db: Db,
  unitCode: string,
  year: number,
): Promise<{ id: number; name: string; last_year: number; status: ModelStatusValue }[]> {
  return db
    .selectFrom("dvk_model as m")
    .innerJoin(
      (eb) =>
        eb
          .selectFrom("dvk_model_year")
          .select(["model_id", sql<number>`max(year)`.as("last_year")])
          .where("year", "<", year)
          .groupBy("model_id")
          .as("l"),
      (j) => j.onRef("l.model_id", "=", "m.id"),
    )
    .innerJoin("dvk_model_year as y", (j) =>
      j.onRef("y.model_id", "=", "m.id").onRef("y.year", "=", "l.last_year"),
    )
    .select(["m.id", "m.name", "l.last_year", "y.status"])
    .where("m.unit_code", "=", unitCode)
    .where("m.stopped_on", "is", null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("dvk_model_year as z")
            .select("z.model_id")
            .whereRef("z.model_id", "=", "m.id")
            .where("z.year", "=", year),
        ),
      ),
    )
    .orderBy("m.id")
    .execute();
}

export interface ModelCounts {
  total: number;
  new: number;
  kept: number;
  recognised: number;
  exemplary: number;
}

const COUNTS = sql<number>`count(*)::int`;

/** Totals of the models under a unit in a year, overall, by field, by kind and by the units one level below. */
export async function counts(db: Db, unitCode: string, depth: number, year: number) {
  const rows = await sql<
    ModelCounts & { field_code: string; kind: "collective" | "individual"; child: string | null }
  >`
    select m.field_code, m.kind, m.unit_path[${depth + 1}] as child,
      ${COUNTS} as total,
      count(*) filter (where y.registration = 'new')::int as new,
      count(*) filter (where y.registration = 'kept')::int as kept,
      count(*) filter (where y.status in ('recognised', 'exemplary', 'commended'))::int as recognised,
      count(*) filter (where y.status = 'exemplary' or y.was_exemplary)::int as exemplary
    from dvk_model m
    join dvk_model_year y on y.model_id = m.id
    where m.unit_path @> array[${unitCode}]::text[] and y.year = ${year}
    group by 1, 2, 3
    order by 1, 2, 3`.execute(db);
  return rows.rows;
}

/** Whether the province keeps its models in the registry for `year` (any model registered or kept up). */
export const provinceHasModels = (db: Db, provinceCode: string, year: number): Promise<boolean> =>
  provincesWithModels(db, { provinceCode, year });

/** Concurrent questions (every submission asks) share one statement (see db/batch.ts). */
const provincesWithModels = batched(
  async (db: Db, keys: readonly { provinceCode: string; year: number }[]) => {
    const rows = await sql<{ i: number }>`
    select k.i::int as i
      from unnest(${sql.val(keys.map((k) => k.provinceCode))}::text[], ${sql.val(keys.map((k) => k.year))}::int[])
           with ordinality as k (province_code, year, i)
      where exists (select 1 from dvk_model_year m where m.province_code = k.province_code and m.year = k.year)`.execute(
      db,
    );
    const found = new Set(rows.rows.map((r) => r.i));
    return keys.map((_, i) => found.has(i + 1));
  },
);

// ---- photos and files; the public showcase ------------------------------------------------------------------

export async function insertAttachment(
  db: Db,
  a: {
    modelId: number;
    provinceCode: string;
    filename: string;
    contentType: string;
    sha256: string;
    content: Buffer;
    createdBy: number;
  },
) {
  return db
    .insertInto("dvk_model_attachment")
    .values({
      model_id: a.modelId,
      province_code: a.provinceCode,
      filename: a.filename,
      content_type: a.contentType,
      size: a.content.length,
      sha256: a.sha256,
      content: a.content,
      created_by: a.createdBy,
    })
    .returning(["id", "filename", "content_type", "size", "sha256"])
    .executeTakeFirstOrThrow();
}

export async function attachmentsOf(db: Db, modelIds: number[]) {
  if (modelIds.length === 0) return [];
  return db
    .selectFrom("dvk_model_attachment")
    .select(["id", "model_id", "filename", "content_type", "size"])
    .where("model_id", "in", modelIds)
    .orderBy("id")
    .execute();
}

export async function findAttachment(db: Db, id: number) {
  return db.selectFrom("dvk_model_attachment").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The models a province shows publicly, newest first, with their registering unit's name. */
export async function publicModels(db: Db, provinceCode: string, limit: number) {
  return db
    .selectFrom("dvk_model as m")
    .leftJoin("unit as u", (j) => j.onRef("u.code", "=", "m.unit_code").on(sql<boolean>`u.valid_to is null`))
    .select([
      "m.id",
      "m.name",
      "m.field_code",
      "m.kind",
      "m.results",
      sql<string>`coalesce(u.full_name, m.unit_code)`.as("unit_name"),
    ])
    .where("m.province_code", "=", provinceCode)
    .where("m.is_public", "=", true)
    .orderBy("m.id", "desc")
    .limit(limit)
    .execute();
}
