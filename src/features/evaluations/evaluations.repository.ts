/** SQL for the yearly "dân vận chính quyền" evaluation: schemes, the units' evaluations, results and ranks. @module */
import { sql } from "kysely";
import { batched } from "../../db/batch.ts";
import type { Db, EvaluationRow, EvaluationSchemeRow, SchemeJson } from "../../db/database.ts";

export async function insertScheme(
  db: Db,
  s: {
    province_code: string;
    year: number;
    name: string;
    source: string;
    example_key: string | null;
    scheme: SchemeJson;
    self_from: string;
    self_until: string;
    enrols: "commune" | "district" | "department";
    created_by: number;
  },
): Promise<EvaluationSchemeRow | undefined> {
  return (
    db
      .insertInto("evaluation_scheme")
      .values({ ...s, scheme: JSON.stringify(s.scheme) })
      // one standing scheme a year for each kind of unit scored (the partial index evaluation_scheme_standing_key)
      .onConflict((oc) =>
        oc.columns(["province_code", "year", "enrols"]).where("withdrawn_on", "is", null).doNothing(),
      )
      .returningAll()
      .executeTakeFirst()
  );
}

export async function findScheme(db: Db, id: number): Promise<EvaluationSchemeRow | undefined> {
  return db.selectFrom("evaluation_scheme").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Corrects a scheme if it still has `version`; undefined when someone else wrote first. */
export async function updateSchemeVersioned(
  db: Db,
  id: number,
  version: number,
  set: {
    name?: string;
    scheme?: SchemeJson;
    self_from?: string;
    self_until?: string;
    withdrawn_on?: string;
    withdrawn_reason?: string;
  },
): Promise<EvaluationSchemeRow | undefined> {
  const { scheme, ...rest } = set;
  return db
    .updateTable("evaluation_scheme")
    .set({ ...rest, ...(scheme ? { scheme: JSON.stringify(scheme) } : {}), version: sql`version + 1` })
    .where("id", "=", id)
    .where("version", "=", version)
    .returningAll()
    .executeTakeFirst();
}

/** Whether any unit under the scheme has scored itself yet (saved or sent). */
export async function anySelfScored(db: Db, schemeId: number): Promise<boolean> {
  const row = await db
    .selectFrom("evaluation")
    .select("id")
    .where("scheme_id", "=", schemeId)
    .where((eb) => eb.or([eb("self_submitted_at", "is not", null), sql<boolean>`own_scores <> '{}'::jsonb`]))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function schemesOf(db: Db, provinceCode: string): Promise<EvaluationSchemeRow[]> {
  return (
    db
      .selectFrom("evaluation_scheme")
      .selectAll()
      .where("province_code", "=", provinceCode)
      .orderBy("year", "desc")
      // a year's standing schemes before those withdrawn, the newest first
      .orderBy(sql`withdrawn_on is null`, "desc")
      .orderBy("id", "desc")
      .execute()
  );
}

/** Enrols units, or a province's departments (`body_id`), one evaluation each; returns how many were new. */
export async function insertEvaluations(
  db: Db,
  rows: {
    scheme_id: number;
    unit_code: string;
    unit_path: string[];
    province_code: string;
    body_id?: number | null;
  }[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const r = await db
    .insertInto("evaluation")
    .values(rows)
    .onConflict((oc) => oc.constraint("evaluation_target_key").doNothing())
    .returning("id")
    .execute();
  return r.length;
}

export type EvaluationListRow = EvaluationRow & { unit_name: string };

/**
 * Evaluations with the name of what they score: a department by its body, a unit by its latest name (a district
 * ended by the 2025 reform keeps the name it had).
 */
function evaluationsNamed(db: Db) {
  return db
    .selectFrom("evaluation as e")
    .leftJoin("body as b", "b.id", "e.body_id")
    .selectAll("e")
    .select(
      sql<string>`coalesce(b.name, (select u.full_name from unit as u where u.code = e.unit_code order by u.valid_to desc nulls first limit 1), e.unit_code)`.as(
        "unit_name",
      ),
    );
}

export async function evaluationsOf(db: Db, schemeId: number): Promise<EvaluationListRow[]> {
  return evaluationsNamed(db)
    .where("e.scheme_id", "=", schemeId)
    .orderBy(sql`e.rank nulls last`)
    .orderBy("e.unit_code")
    .orderBy("b.name")
    .execute();
}

export async function findEvaluation(db: Db, id: number): Promise<EvaluationListRow | undefined> {
  return evaluationsNamed(db).where("e.id", "=", id).executeTakeFirst();
}

/** Writes an evaluation if it still has `version`; undefined when someone else wrote first. */
export async function updateEvaluationVersioned(
  db: Db,
  id: number,
  version: number,
  set: {
    own_scores?: string;
    appraised_scores?: string;
    appraisal_comment?: string;
    flags?: string[];
    status?: "draft" | "self_submitted" | "appraised";
    self_submitted?: boolean;
    appraised?: boolean;
    in_par_index?: boolean;
    ranked?: boolean;
    not_ranked_reason?: string;
    par_rank?: number | null;
    sipas_rank?: number | null;
    raw?: number | null;
    score?: number | null;
    band_code?: string | null;
    capped_by?: string | null;
  },
): Promise<EvaluationRow | undefined> {
  const { self_submitted, appraised, ...fields } = set;
  return db
    .updateTable("evaluation")
    .set({
      ...fields,
      ...(self_submitted ? { self_submitted_at: sql`now()` } : {}),
      ...(appraised ? { appraised_at: sql`now()` } : {}),
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where("id", "=", id)
    .where("version", "=", version)
    .returningAll()
    .executeTakeFirst();
}

/** Marks evaluations "not ranked" with a reason (those not appraised when the results are published). */
export async function markNotRanked(db: Db, ids: number[], reason: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable("evaluation")
    .set({ ranked: false, not_ranked_reason: reason, version: sql`version + 1`, updated_at: sql`now()` })
    .where("id", "in", ids)
    .execute();
}

/** Writes the ranks of a published scheme (null for the units not ranked) and marks it published. */
export async function publish(
  db: Db,
  schemeId: number,
  ranks: { id: number; rank: number | null }[],
): Promise<void> {
  await sql`
    update evaluation e set rank = r.rank, version = e.version + 1, updated_at = now()
    from unnest(${sql.val(ranks.map((r) => r.id))}::int[], ${sql.val(ranks.map((r) => r.rank))}::int[]) as r(id, rank)
    where e.id = r.id and e.scheme_id = ${schemeId}`.execute(db);
  await db
    .updateTable("evaluation_scheme")
    .set({ published_at: sql`now()`, version: sql`version + 1` })
    .where("id", "=", schemeId)
    .execute();
}

/** Published results with their scheme (for the band names), by unit and year. */
function publishedResultRows(db: Db) {
  return (
    db
      .selectFrom("evaluation as e")
      .innerJoin("evaluation_scheme as s", "s.id", "e.scheme_id")
      .select([
        "e.unit_code",
        "s.year",
        "e.score",
        "e.band_code",
        "e.rank",
        "e.ranked",
        "e.par_rank",
        "e.sipas_rank",
        "s.scheme",
      ])
      .where("s.published_at", "is not", null)
      // a unit's own result: not one of the departments of a province scored under its code
      .where("e.body_id", "is", null)
  );
}

/** A unit's published results over the years (score, band, rank, PAR Index and SIPAS ranks). */
export async function historyOf(db: Db, unitCode: string) {
  return publishedResultRows(db).where("e.unit_code", "=", unitCode).orderBy("s.year").execute();
}

/** A unit's published result for a year, if there is one. */
export const publishedResultOf = (db: Db, unitCode: string, year: number) =>
  publishedResults(db, { unitCode, year });

/** Concurrent questions (every submission asks) share one statement (see db/batch.ts). */
const publishedResults = batched(async (db: Db, keys: readonly { unitCode: string; year: number }[]) => {
  const rows = await publishedResultRows(db)
    .where(
      sql<boolean>`(e.unit_code, s.year) in (select * from unnest(${sql.val(keys.map((k) => k.unitCode))}::text[], ${sql.val(keys.map((k) => k.year))}::int[]))`,
    )
    .execute();
  const by = new Map(rows.map(({ unit_code, year, ...r }) => [`${unit_code}|${year}`, r]));
  return keys.map((k) => by.get(`${k.unitCode}|${k.year}`));
});

// ---- evidence files -----------------------------------------------------------------------------------------

export async function insertAttachment(
  db: Db,
  a: {
    evaluationId: number;
    itemCode: string;
    provinceCode: string;
    filename: string;
    contentType: string;
    sha256: string;
    content: Buffer;
    createdBy: number;
  },
) {
  return db
    .insertInto("evaluation_attachment")
    .values({
      evaluation_id: a.evaluationId,
      item_code: a.itemCode,
      province_code: a.provinceCode,
      filename: a.filename,
      content_type: a.contentType,
      size: a.content.length,
      sha256: a.sha256,
      content: a.content,
      created_by: a.createdBy,
    })
    .returning(["id", "item_code", "filename", "content_type", "size", "sha256"])
    .executeTakeFirstOrThrow();
}

/** An evaluation's evidence files (without their content), in the order they came. */
export async function attachmentsOf(db: Db, evaluationId: number) {
  return db
    .selectFrom("evaluation_attachment")
    .select(["id", "item_code", "filename", "content_type", "size"])
    .where("evaluation_id", "=", evaluationId)
    .orderBy("id")
    .execute();
}

export async function findAttachment(db: Db, id: number) {
  return db.selectFrom("evaluation_attachment").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function deleteAttachment(db: Db, id: number): Promise<void> {
  await db.deleteFrom("evaluation_attachment").where("id", "=", id).execute();
}
