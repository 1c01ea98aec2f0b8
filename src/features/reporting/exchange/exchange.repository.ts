/**
 * SQL of the data exchange: a request's reports with their values (for DHIS2 and Excel), and report states
 * set in bulk (the demo data).
 * @module
 */
import { sql } from "kysely";
import type { Db, SubmissionRow } from "../../../db/database.ts";

// ---- bulk loads ------------------------------------------------------------------------------------------

export interface SubmissionState {
  id: number;
  status: SubmissionRow["status"];
  values: SubmissionRow["values"];
  narrative: SubmissionRow["narrative"];
  late_reason: string | null;
  comment: string | null;
  first_submitted_at: string | null;
  submitted_at: string | null;
  accepted_at: string | null;
  actor_id: number;
  actor_name: string;
}

/** Sets many submissions' content and state at once, each with one revision (demo data, bulk loads). */
export async function setSubmissionStates(db: Db, rows: SubmissionState[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = JSON.stringify(rows.slice(i, i + 500));
    await sql`
      with x as (
        select * from jsonb_to_recordset(${chunk}::jsonb) as x(
          id bigint, status text, values jsonb, narrative jsonb, late_reason text, comment text,
          first_submitted_at timestamptz, submitted_at timestamptz, accepted_at timestamptz, actor_id integer,
          actor_name text)
      ), u as (
        update submission s set status = x.status, values = x.values, narrative = x.narrative,
          late_reason = x.late_reason, comment = x.comment, first_submitted_at = x.first_submitted_at,
          submitted_at = x.submitted_at, accepted_at = x.accepted_at, updated_by = x.actor_id,
          updated_at = coalesce(x.accepted_at, x.submitted_at, now()), version = s.version + 1
        from x where s.id = x.id
        returning s.id, s.province_code, s.version, s.status, s.values, s.narrative, s.comment, s.updated_at
      )
      insert into submission_revision
        (submission_id, province_code, version, event, status, values, narrative, comment, actor_id, actor_name, at)
      select u.id, u.province_code, u.version,
             case u.status when 'accepted' then 'accept' when 'returned' then 'return'
               when 'submitted' then 'submit' else 'save' end,
             u.status, u.values, u.narrative, u.comment, x.actor_id, x.actor_name, u.updated_at
      from u join x on x.id = u.id`.execute(db);
  }
}

// ---- data exchange ---------------------------------------------------------------------------------------

export type ExchangeRow = Pick<
  SubmissionRow,
  | "id"
  | "unit_code"
  | "body_id"
  | "status"
  | "values"
  | "rollup_path"
  | "province_code"
  | "version"
  | "updated_at"
>;
/** Every submission of a request with its values (for imports and exports). */
export async function submissionsWithValues(db: Db, requestId: number): Promise<ExchangeRow[]> {
  return db
    .selectFrom("submission")
    .select([
      "id",
      "unit_code",
      "body_id",
      "status",
      "values",
      "rollup_path",
      "province_code",
      "version",
      "updated_at",
    ])
    .where("request_id", "=", requestId)
    .orderBy("unit_code")
    .orderBy("id")
    .execute();
}
