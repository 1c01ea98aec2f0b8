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

/**
 * Installs each shipped form whose revision is not there yet, as the next version of its code (version 1 on
 * a new database). Two servers starting at once may both try: one version wins, the other insert does nothing.
 */
export async function installShippedForms(db: Db, forms: readonly FormDefinition[]): Promise<number> {
  let installed = 0;
  for (const f of forms) {
    const revision = f.revision ?? 1;
    const row = toRow(f);
    const r = await sql`
      insert into report_form
        (code, version, name_vi, name_en, description, levels, sections, rules, outlier_percent, built_in,
         built_in_revision)
      select ${row.code}, coalesce((select max(version) from report_form where code = ${row.code}), 0) + 1,
             ${row.name_vi}, ${row.name_en}, ${row.description}, ${row.levels}::text[], ${row.sections}::jsonb,
             ${row.rules}::jsonb, ${row.outlier_percent}::numeric, true, ${revision}
      where not exists (
        select 1 from report_form where code = ${row.code} and built_in_revision >= ${revision})
      on conflict (code, version) do nothing`.execute(db);
    installed += Number(r.numAffectedRows ?? 0);
  }
  return installed;
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
