/**
 * Writes `schema.generated.ts`, the typed schema Kysely checks every query against, from a freshly migrated
 * database (kysely-codegen reads its tables and columns). What PostgreSQL cannot say by itself is added here:
 * a text column limited by a `CHECK (col IN (…))` constraint becomes the union of its values, and each JSON
 * column, and the few text columns without such a constraint, take their type from `COLUMN_TYPES`
 * (`column-types.ts`). `npm run db:types` rewrites the file; a database test fails when it drifts from the
 * migrations.
 * @module
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Kysely, sql } from "kysely";
import { type ColumnMetadata, type PostgresDB, PostgresDialect, serializeFromMetadata } from "kysely-codegen";

export const GENERATED_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "schema.generated.ts");

/**
 * The type of each JSON column, and of the text columns whose values no constraint lists, by
 * `table.column` (without `| null`, `[]` or `Generated`: those follow from the column).
 */
export const COLUMN_TYPES: Record<string, string> = {
  "audit_log.after": "unknown",
  "audit_log.before": "unknown",
  "consolidation_summary.figure_sources": "JsonColumn<Record<string, FigureSource>>",
  "consolidation_summary.narrative": "JsonColumn<SubmissionNarrative>",
  "document_draft.sections": "JsonColumn<DraftSectionJson[]>",
  "document_draft.signature": "JsonColumn<SigningJson>",
  "document_draft.tasks": "JsonColumn<DraftTaskJson[]>",
  "dvk_model.details": "JsonColumn<ModelDetailsJson>",
  "dvk_model_step.from_status": "ModelStatusValue",
  "body.signing": "JsonColumn<SigningJson>",
  "dvk_model_step.to_status": "ModelStatusValue",
  "dvk_model_year.assessment": "JsonColumn<ModelAssessmentJson>",
  "evaluation.appraised_scores": "JsonColumn<ScoresJson>",
  "evaluation.own_scores": "JsonColumn<ScoresJson>",
  "evaluation_scheme.scheme": "JsonColumn<SchemeJson>",
  "indicator.categories": "JsonColumn<CategoriesJson>",
  "model_criteria_set.criteria": "JsonColumn<ModelCriterionJson[]>",
  "reception_schedule.recurrences": "JsonColumn<RecurrenceJson[]>",
  "report_form.levels": "UnitLevel",
  "report_form.rules": "JsonColumn<FormRuleJson[]>",
  "report_form.sections": "JsonColumn<FormSectionJson[]>",
  "report_request.level_deadlines": "JsonColumn<LevelDeadlineJson[]>",
  "rollup_total.own": "JsonColumn<IndicatorValuesJson>",
  "rollup_total.vals": "JsonColumn<IndicatorValuesJson>",
  "submission.gathered": "JsonColumn<GatheredJson>",
  "submission.narrative": "JsonColumn<SubmissionNarrative>",
  "submission.values": "JsonColumn<SubmissionValues>",
  "submission_revision.narrative": "JsonColumn<SubmissionNarrative>",
  "submission_revision.status": "SubmissionStatus",
  "submission_revision.values": "JsonColumn<SubmissionValues>",
};

/** The values a `CHECK (col = ANY (ARRAY['a'::text, …]))` constraint allows, by `table.column`. */
async function checkedValues(db: Kysely<PostgresDB>): Promise<Map<string, string[]>> {
  const rows = await sql<{ table_name: string; def: string }>`
    select conrelid::regclass::text as table_name, pg_get_constraintdef(oid) as def
    from pg_constraint
    where contype = 'c' and connamespace = current_schema()::regnamespace
    order by 1, 2`.execute(db);
  const out = new Map<string, string[]>();
  for (const r of rows.rows) {
    const m = /^CHECK \(\((\w+) = ANY \(ARRAY\[(.*)\]\)\)\)$/.exec(r.def);
    if (!m?.[1] || !m[2]) continue;
    const values = [...m[2].matchAll(/'((?:[^']|'')*)'::text/g)].map((v) =>
      (v[1] ?? "").replaceAll("''", "'"),
    );
    out.set(`${r.table_name}.${m[1]}`, values);
  }
  return out;
}

/** The column's full type from its base type, as kysely-codegen writes the others. */
function columnType(base: string, column: ColumnMetadata): string {
  let t = column.isArray ? `${base.includes("|") ? `(${base})` : base}[]` : base;
  if (column.isNullable) t = `${t} | null`;
  return column.hasDefaultValue || column.isAutoIncrementing ? `Generated<${t}>` : t;
}

/** The text of `schema.generated.ts` for the database at `url`. */
export async function renderSchemaTypes(url: string): Promise<string> {
  const dialect = new PostgresDialect({ dateParser: "string" });
  const db = new Kysely<PostgresDB>({
    dialect: await dialect.createKyselyDialect({ connectionString: url }),
  });
  try {
    return await serialize(dialect, db);
  } finally {
    await db.destroy();
  }
}

async function serialize(dialect: PostgresDialect, db: Kysely<PostgresDB>): Promise<string> {
  const metadata = await dialect.introspector.introspect({ db, excludePattern: "kysely_*" });
  const checked = await checkedValues(db);
  const overrides: Record<string, string> = {};
  const untyped: string[] = [];
  for (const table of metadata.tables) {
    for (const column of table.columns) {
      const key = `${table.name}.${column.name}`;
      const typed = COLUMN_TYPES[key];
      if (typed) overrides[key] = columnType(typed, column);
      else if (checked.has(key)) column.enumValues = checked.get(key) ?? null;
      else if (column.dataType === "jsonb" || column.dataType === "json") untyped.push(key);
    }
  }
  if (untyped.length) {
    throw new Error(`schema-types: JSON columns without a type in COLUMN_TYPES: ${untyped.join(", ")}`);
  }
  const imported = new Set(
    Object.values(COLUMN_TYPES).flatMap((t) => (t.match(/\b[A-Z]\w*/g) ?? []).filter((n) => n !== "Record")),
  );
  return serializeFromMetadata({
    metadata,
    dialect,
    overrides: { columns: overrides },
    customImports: Object.fromEntries([...imported].sort().map((name) => [name, "./column-types.ts"])),
    // bigint counts are parsed as numbers (connection.ts)
    typeMapping: { int8: "number" },
    typeOnlyImports: true,
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { connect, ensureDatabase } = await import("./connection.ts");
  const { startEmbedded } = await import("./embedded.ts");
  const { migrateToLatest } = await import("./migrate.ts");
  const { createLogger } = await import("../logger.ts");
  const log = createLogger("warn");
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "danvan-types-"));
  await fs.chmod(dataDir, 0o755);
  const server = await startEmbedded(dataDir, log);
  try {
    await ensureDatabase(server.url, "danvan_types");
    const handle = connect(server.url.replace(/\/postgres$/, "/danvan_types"), "embedded", 2);
    try {
      await migrateToLatest(handle.db);
      await fs.writeFile(GENERATED_FILE, await renderSchemaTypes(handle.url));
    } finally {
      await handle.close();
    }
  } finally {
    await server.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
  console.log(`Schema types written to ${path.relative(process.cwd(), GENERATED_FILE)}`);
}
