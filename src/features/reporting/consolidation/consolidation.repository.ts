/**
 * SQL of the consolidated report: the reports still waiting below a unit, the narratives to compile, and the
 * requester's own summary (its text and where each figure comes from).
 * @module
 */
import { sql } from "kysely";
import type { Db, FigureSource, SubmissionRow } from "../../../db/database.ts";

/** Submitted (not yet accepted) submissions of a request whose rollup path contains `unitCode`. */
export async function pendingSubmissionsUnder(
  db: Db,
  requestId: number,
  unitCode: string,
): Promise<Pick<SubmissionRow, "id" | "values" | "submitted_at" | "partial">[]> {
  return db
    .selectFrom("submission")
    .select(["id", "values", "submitted_at", "partial"])
    .where("request_id", "=", requestId)
    .where("status", "=", "submitted")
    .where(sql<boolean>`rollup_path @> array[${unitCode}]::text[]`)
    .execute();
}

/** Narrative of every started submission below `unitCode` (accepted first), for the compiled view. */
export async function narrativesUnder(
  db: Db,
  requestId: number,
  unitCode: string,
): Promise<
  (Pick<SubmissionRow, "id" | "unit_code" | "status" | "narrative"> & {
    unit_name: string;
    body_name: string | null;
  })[]
> {
  return db
    .selectFrom("submission as s")
    .innerJoin("unit as u", "u.id", "s.unit_id")
    .leftJoin("body as b", "b.id", "s.body_id")
    .select([
      "s.id",
      "s.unit_code",
      "s.status",
      "s.narrative",
      "u.full_name as unit_name",
      "b.name as body_name",
    ])
    .where("s.request_id", "=", requestId)
    .where("s.status", "in", ["submitted", "accepted"])
    .where(sql<boolean>`s.rollup_path @> array[${unitCode}]::text[]`)
    .orderBy(sql`s.status = 'accepted'`, "desc")
    .orderBy("s.unit_code")
    .execute();
}

// ---- the requester's summary -----------------------------------------------------------------------------

export async function findSummary(
  db: Db,
  requestId: number,
  unitCode: string,
): Promise<
  | { narrative: SubmissionRow["narrative"]; figure_sources: Record<string, FigureSource>; version: number }
  | undefined
> {
  return db
    .selectFrom("consolidation_summary")
    .select(["narrative", "figure_sources", "version"])
    .where("request_id", "=", requestId)
    .where("unit_code", "=", unitCode)
    .executeTakeFirst();
}

export interface SummaryWrite {
  requestId: number;
  unitCode: string;
  provinceCode: string;
  narrative: string;
  /** JSON: indicator → "reports" | "registry". */
  figureSources: string;
  userId: number;
}

/** The first write of a summary; undefined when someone wrote one first. */
export async function insertSummary(db: Db, s: SummaryWrite): Promise<{ version: number } | undefined> {
  return db
    .insertInto("consolidation_summary")
    .values({
      request_id: s.requestId,
      unit_code: s.unitCode,
      province_code: s.provinceCode,
      narrative: s.narrative,
      figure_sources: s.figureSources,
      updated_by: s.userId,
    })
    .onConflict((oc) => oc.columns(["request_id", "unit_code"]).doNothing())
    .returning("version")
    .executeTakeFirst();
}

/** A later write, if the summary still has `version`; undefined when someone wrote first. */
export async function updateSummaryVersioned(
  db: Db,
  s: SummaryWrite & { version: number },
): Promise<{ version: number } | undefined> {
  return db
    .updateTable("consolidation_summary")
    .set({
      narrative: s.narrative,
      figure_sources: s.figureSources,
      version: sql`version + 1`,
      updated_by: s.userId,
      updated_at: sql`now()`,
    })
    .where("request_id", "=", s.requestId)
    .where("unit_code", "=", s.unitCode)
    .where("version", "=", s.version)
    .returning("version")
    .executeTakeFirst();
}

/** True when one of the request's reports has the unit on its roll-up path. */
export async function requestReaches(db: Db, requestId: number, unitCode: string): Promise<boolean> {
  const r = await sql<{ reaches: boolean }>`
    select exists (
      select 1 from submission s where s.request_id = ${requestId} and ${unitCode} = any(s.rollup_path)
    ) as reaches`.execute(db);
  return r.rows[0]?.reaches ?? false;
}

/** Whether a request asks bodies of the unit itself (the Ban Dân vận asking the UBND of its own district). */
export async function asksOwnBodies(db: Db, requestId: number, unitCode: string): Promise<boolean> {
  const r = await sql<{ asks: boolean }>`
    select exists (
      select 1 from submission s where s.request_id = ${requestId} and s.unit_code = ${unitCode}
    ) as asks`.execute(db);
  return r.rows[0]?.asks ?? false;
}
