/** SQL for report forms (each version is a row; requests point at one version). @module */
import { type Kysely, sql } from "kysely";
import type { Database, ReportFormRow } from "../../db/database.ts";
import type { FormDefinition } from "../../domain/report-forms.ts";

type Db = Kysely<Database>;

export async function listForms(db: Db): Promise<ReportFormRow[]> {
  return db.selectFrom("report_form").selectAll().orderBy("code").orderBy("version", "desc").execute();
}

export async function findForm(db: Db, id: number): Promise<ReportFormRow | undefined> {
  return db.selectFrom("report_form").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function latestFormId(db: Db, code: string): Promise<number | undefined> {
  const r = await db
    .selectFrom("report_form")
    .select("id")
    .where("code", "=", code)
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
  return r?.id;
}

export async function latestVersion(db: Db, code: string): Promise<number> {
  const r = await db
    .selectFrom("report_form")
    .select(sql<number>`coalesce(max(version), 0)::int`.as("v"))
    .where("code", "=", code)
    .executeTakeFirstOrThrow();
  return r.v;
}

function toRow(f: FormDefinition) {
  return {
    code: f.code,
    name_vi: f.nameVi,
    name_en: f.nameEn,
    description: f.description,
    levels: f.levels,
    sections: JSON.stringify(f.sections),
    rules: JSON.stringify(f.rules),
    outlier_percent: f.outlierPercent,
  };
}

/** Adds version 1 of each shipped form whose code is not there yet. */
export async function insertMissingForms(db: Db, forms: readonly FormDefinition[]): Promise<number> {
  if (forms.length === 0) return 0;
  const r = await db
    .insertInto("report_form")
    .values(forms.map((f) => ({ ...toRow(f), version: 1, built_in: true })))
    .onConflict((oc) => oc.columns(["code", "version"]).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0);
}

/** Inserts `version`; undefined when another writer took that version first. */
export async function insertFormVersion(
  db: Db,
  f: FormDefinition,
  version: number,
  createdBy: number,
): Promise<ReportFormRow | undefined> {
  return db
    .insertInto("report_form")
    .values({ ...toRow(f), version, created_by: createdBy })
    .onConflict((oc) => oc.columns(["code", "version"]).doNothing())
    .returningAll()
    .executeTakeFirst();
}
