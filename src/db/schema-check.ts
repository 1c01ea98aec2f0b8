/**
 * The typed `Database` interface must match the migrated database. Every column is listed here once more,
 * in a form TypeScript checks against the interface (a missing or extra key fails the type check), and a test
 * compares the list with the columns PostgreSQL reports.
 * @module
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "./database.ts";

type Columns = { [T in keyof Database]: Record<keyof Database[T], true> };

const all = <T extends string>(...keys: T[]) =>
  Object.fromEntries(keys.map((k) => [k, true])) as Record<T, true>;

export const DECLARED_COLUMNS: Columns = {
  indicator: all(
    "code",
    "name_vi",
    "name_en",
    "type",
    "unit_of_measure",
    "aggregation",
    "categories",
    "description",
    "weight_code",
    "built_in",
    "version",
    "created_at",
    "updated_at",
  ),
  calendar_day: all("date", "year", "kind", "name", "status", "source", "updated_at"),
  calendar_year: all("year", "version", "confirmed_by", "confirmed_at"),
  unit: all(
    "id",
    "code",
    "name",
    "full_name",
    "type",
    "level",
    "parent_code",
    "province_code",
    "ancestors",
    "valid_from",
    "valid_to",
    "name_key",
    "search_text",
    "source",
    "version",
    "created_at",
    "updated_at",
  ),
  unit_revision: all("id", "revision"),
  unit_successor: all("predecessor_id", "successor_id", "kind", "effective_date"),
  body: all(
    "id",
    "unit_code",
    "province_code",
    "kind",
    "name",
    "short_name",
    "parent_body_id",
    "valid_from",
    "valid_to",
    "version",
    "created_at",
    "updated_at",
  ),
  app_user: all(
    "id",
    "username",
    "display_name",
    "password_hash",
    "email",
    "is_active",
    "version",
    "created_at",
    "updated_at",
  ),
  user_grant: all("id", "user_id", "role", "unit_code", "body_id", "created_at", "created_by"),
  user_session: all("id", "user_id", "csrf_token", "created_at", "expires_at"),
  audit_log: all(
    "id",
    "at",
    "actor_id",
    "actor_name",
    "action",
    "entity",
    "entity_id",
    "unit_code",
    "province_code",
    "scope_codes",
    "before",
    "after",
  ),
  report_form: all(
    "id",
    "code",
    "version",
    "name_vi",
    "name_en",
    "description",
    "levels",
    "sections",
    "rules",
    "outlier_percent",
    "built_in",
    "created_by",
    "created_at",
  ),
  report_request: all(
    "id",
    "issuer_unit_code",
    "issuer_body_id",
    "issuer_path",
    "province_code",
    "form_id",
    "period_code",
    "period_type",
    "period_start",
    "period_end",
    "cutoff_from",
    "cutoff_to",
    "reference_no",
    "title",
    "target_level",
    "target_body_kind",
    "deadline",
    "level_deadlines",
    "reminder_days",
    "issued_by",
    "issued_at",
    "version",
  ),
  submission: all(
    "id",
    "request_id",
    "unit_code",
    "unit_id",
    "body_id",
    "province_code",
    "rollup_path",
    "owner_codes",
    "partial",
    "status",
    "values",
    "narrative",
    "late_reason",
    "comment",
    "first_submitted_at",
    "submitted_at",
    "accepted_at",
    "updated_by",
    "updated_at",
    "version",
  ),
  submission_revision: all(
    "id",
    "submission_id",
    "province_code",
    "version",
    "event",
    "status",
    "values",
    "narrative",
    "comment",
    "actor_id",
    "actor_name",
    "at",
  ),
  consolidation_summary: all(
    "request_id",
    "unit_code",
    "province_code",
    "narrative",
    "version",
    "updated_by",
    "updated_at",
  ),
  rollup_total: all("request_id", "unit_code", "province_code", "vals", "updated_at"),
  reminder_log: all("submission_id", "kind", "recipient", "province_code", "sent_at"),
  rollup_value: all(
    "request_id",
    "unit_code",
    "indicator_code",
    "combo",
    "province_code",
    "n",
    "partial_n",
    "sum",
    "min",
    "max",
    "latest_value",
    "latest_at",
    "weighted_sum",
    "weight",
    "updated_at",
  ),
  totals_revision: all("province_code", "revision"),
  registry_document: all(
    "id",
    "unit_code",
    "province_code",
    "direction",
    "type_code",
    "number_symbol",
    "issuer_name",
    "issued_on",
    "excerpt",
    "body_text",
    "document_number_id",
    "search",
    "version",
    "created_by",
    "created_at",
    "updated_at",
  ),
  registry_relation: all("from_id", "to_id", "kind", "province_code", "created_at"),
  registry_attachment: all(
    "id",
    "document_id",
    "province_code",
    "filename",
    "content_type",
    "size",
    "sha256",
    "content",
    "created_by",
    "created_at",
  ),
  document_type: all("family", "code", "name_vi", "name_en", "normative", "built_in"),
  party_term: all("id", "body_id", "name", "starts_on", "ends_on"),
  number_sequence: all("issuer_body_id", "series", "scope", "last_number"),
  document_number: all(
    "id",
    "issuer_body_id",
    "province_code",
    "family",
    "type_code",
    "series",
    "scope",
    "number",
    "symbol",
    "issued_on",
    "title",
    "status",
    "allocated_by",
    "allocated_at",
    "cancelled_by",
    "cancelled_at",
    "cancel_reason",
  ),
};

/** Differences between the declared columns and the database's, as readable lines; empty when they match. */
export async function schemaDrift(db: Kysely<Database>): Promise<string[]> {
  const rows = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and table_name not like 'kysely_%'`.execute(db);
  const actual = new Map<string, Set<string>>();
  for (const r of rows.rows) {
    const set = actual.get(r.table_name) ?? new Set<string>();
    set.add(r.column_name);
    actual.set(r.table_name, set);
  }
  const out: string[] = [];
  for (const [table, cols] of Object.entries(DECLARED_COLUMNS)) {
    const have = actual.get(table);
    if (!have) {
      out.push(`table ${table} is declared but not in the database`);
      continue;
    }
    for (const c of Object.keys(cols))
      if (!have.has(c)) out.push(`${table}.${c} is declared but not in the database`);
    for (const c of have) if (!(c in cols)) out.push(`${table}.${c} is in the database but not declared`);
  }
  for (const table of actual.keys()) {
    if (!(table in DECLARED_COLUMNS)) out.push(`table ${table} is in the database but not declared`);
  }
  return out;
}
