/**
 * SQL of reports: reading one (batched), writing a workflow step with its revision and audit entry in one
 * statement, and the revisions.
 * @module
 */
import { sql } from "kysely";
import { type AuditEntry, auditRow, insertAuditRows } from "../../../audit/audit-row.ts";
import { batched, inOrder } from "../../../db/batch.ts";
import type {
  Db,
  ReportRequestRow,
  SubmissionRevisionRow,
  SubmissionRow,
  SubmissionValues,
} from "../../../db/database.ts";

/**
 * A submission with its unit's full name (what every page and write answer shows) and its request;
 * concurrent lookups share one statement (see db/batch.ts).
 */
export const findSubmission = batched(async (db: Db, ids: readonly number[]) => {
  const rows = await db
    .selectFrom("submission as s")
    .innerJoin("unit as u", "u.id", "s.unit_id")
    .innerJoin("report_request as r", "r.id", "s.request_id")
    // the same unit's report on the same form code for the period a year earlier, for the "previous period"
    // column and outlier checks, in the same round trip: the one its totals count (its latest accepted), else
    // the latest one sent
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom("submission as p")
          .innerJoin("report_request as pr", "pr.id", "p.request_id")
          .select("p.values")
          .whereRef("p.unit_code", "=", "s.unit_code")
          .whereRef("pr.period_code", "=", "r.previous_period_code")
          .whereRef("pr.form_code", "=", "r.form_code")
          .where(sql<boolean>`coalesce(p.body_id, 0) = coalesce(s.body_id, 0)`)
          .where("p.status", "in", ["submitted", "accepted"])
          .orderBy("p.counted", "desc")
          .orderBy("p.submitted_at", "desc")
          .orderBy("p.id", "desc")
          .limit(1)
          .as("prev"),
      (join) => join.onTrue(),
    )
    .selectAll("s")
    .select("u.full_name as unit_name")
    // the request comes along (one round trip, not two): as JSON, its time made a Date again below
    .select(sql<ReportRequestRow & { issued_at: string }>`to_jsonb(r)`.as("request"))
    .select("prev.values as previous_values")
    .where(sql<boolean>`s.id = any(${sql.val(ids)}::bigint[])`)
    .execute();
  for (const row of rows) {
    (row.request as unknown as ReportRequestRow).issued_at = new Date(row.request.issued_at);
  }
  return inOrder(
    ids,
    rows as unknown as (SubmissionRow & {
      unit_name: string;
      request: ReportRequestRow;
      previous_values: SubmissionValues | null;
    })[],
    (r) => r.id,
  );
});

export interface SubmissionStep {
  /** What changes: the new status and content; `submitted`/`accepted` stamp (or clear) their times. */
  set: {
    status: SubmissionRow["status"];
    values?: string;
    narrative?: string;
    /** on submitting a report owed upward: what it gathered from the units below (JSON text) */
    gathered?: string;
    late_reason?: string | null;
    comment?: string | null;
    submitted?: boolean;
    accepted?: boolean;
    updated_by: number;
  };
  /** The revision kept for this step (it copies the row's new content). */
  event: SubmissionRevisionRow["event"];
  comment: string | null;
  actorName: string;
  /** The audit entry of this step, or null (the values an import writes: the import is audited once). */
  audit: AuditEntry | null;
}

/**
 * What a step changes in a submission row besides its content (values, narrative, which the caller has): the
 * rest of the row (its unit, request, paths) is what was read at the version the step wrote over.
 */
export type WrittenSubmission = Pick<
  SubmissionRow,
  | "status"
  | "late_reason"
  | "comment"
  | "first_submitted_at"
  | "submitted_at"
  | "accepted_at"
  | "updated_by"
  | "updated_at"
  | "version"
>;
/**
 * One step of a submission in one statement: the update if the row still has `version`, the revision that
 * copies its new content, and the audit entry, all three or none (a data-modifying CTE is atomic on its own,
 * so a save or a submit costs one round trip instead of five). Undefined when someone else wrote first.
 * Concurrent steps share the statement (see db/batch.ts): each is one row of the `x` input; when two of them
 * name the same submission and version, one wins and the other finds the version moved.
 */
export const writeSubmissionStep = (
  db: Db,
  id: number,
  version: number,
  step: SubmissionStep,
): Promise<WrittenSubmission | undefined> => writeSteps(db, { id, version, step });
const writeSteps = batched(
  async (db: Db, items: readonly { id: number; version: number; step: SubmissionStep }[]) => {
    // the content is JSON text already: spliced in, not parsed and written again
    const rowsJson = items.map(({ id, version, step }, i) => {
      const { set, audit } = step;
      const rest = JSON.stringify({
        i: i + 1,
        id,
        version,
        status: set.status,
        set_gathered: set.gathered !== undefined,
        set_late: set.late_reason !== undefined,
        late_reason: set.late_reason ?? null,
        set_comment: set.comment !== undefined,
        comment: set.comment ?? null,
        submitted: set.submitted === true,
        accepted: set.accepted ?? null,
        updated_by: set.updated_by,
        event: step.event,
        rev_comment: step.comment,
        actor_name: step.actorName,
        audit: audit && auditRow(audit),
      });
      return `{"values":${set.values ?? "null"},"narrative":${set.narrative ?? "null"},"gathered":${set.gathered ?? "null"},${rest.slice(1)}`;
    });
    const json = `[${rowsJson.join(",")}]`;
    const rows = await sql<WrittenSubmission & { batch_index: number }>`
      with x as (
        select * from jsonb_to_recordset(${json}::jsonb) as x (
          i int, id bigint, version int, status text, "values" jsonb, narrative jsonb, set_gathered boolean,
          gathered jsonb, set_late boolean,
          late_reason text, set_comment boolean, comment text, submitted boolean, accepted boolean,
          updated_by int, event text, rev_comment text, actor_name text, audit jsonb)
      ), u as (
        update submission s set
          status = x.status,
          "values" = coalesce(x."values", s."values"),
          narrative = coalesce(x.narrative, s.narrative),
          gathered = case when x.set_gathered then x.gathered else s.gathered end,
          late_reason = case when x.set_late then x.late_reason else s.late_reason end,
          comment = case when x.set_comment then x.comment else s.comment end,
          submitted_at = case when x.submitted then now() else s.submitted_at end,
          first_submitted_at = case when x.submitted then coalesce(s.first_submitted_at, now())
                                    else s.first_submitted_at end,
          accepted_at = case x.accepted when true then now() when false then null else s.accepted_at end,
          updated_by = x.updated_by,
          version = s.version + 1,
          updated_at = now()
        from x
        where s.id = x.id and s.version = x.version
        returning s.*, x.i as batch_index, x.event as batch_event, x.rev_comment as batch_comment,
                  x.actor_name as batch_actor, x.audit as batch_audit
      ), r as (
        insert into submission_revision
          (submission_id, province_code, version, event, status, "values", narrative, comment, actor_id, actor_name)
        select id, province_code, version, batch_event, status, "values", narrative, batch_comment, updated_by,
               batch_actor
          from u
      ), a as (
        ${insertAuditRows("u", "batch_audit")}
      )
      -- only what a step changes comes back: the caller has the content (what it set) and the rest of the row
      -- (what it read at that version)
      select status, late_reason, comment, first_submitted_at, submitted_at, accepted_at, updated_by, updated_at,
             version, batch_index
        from u`.execute(db);
    const byIndex = new Map(rows.rows.map(({ batch_index, ...sub }) => [batch_index, sub]));
    return items.map((_, i) => byIndex.get(i + 1));
  },
);

export async function listRevisions(
  db: Db,
  submissionId: number,
): Promise<Omit<SubmissionRevisionRow, "values" | "narrative">[]> {
  return db
    .selectFrom("submission_revision")
    .select([
      "id",
      "submission_id",
      "province_code",
      "version",
      "event",
      "status",
      "comment",
      "actor_id",
      "actor_name",
      "at",
    ])
    .where("submission_id", "=", submissionId)
    .orderBy("version", "desc")
    .execute();
}

export async function findRevision(
  db: Db,
  submissionId: number,
  version: number,
): Promise<SubmissionRevisionRow | undefined> {
  return db
    .selectFrom("submission_revision")
    .selectAll()
    .where("submission_id", "=", submissionId)
    .where("version", "=", version)
    .executeTakeFirst();
}

/**
 * Keeps the number a body's answer took as its document, and its entry in the outgoing registry; the first one
 * stays (false when the answer had one already).
 */
export async function keepDocumentNumber(
  db: Db,
  id: number,
  doc: { document_number_id: number; document_symbol: string; registry_document_id: number | null },
): Promise<boolean> {
  const r = await db
    .updateTable("submission")
    .set(doc)
    .where("id", "=", id)
    .where("document_number_id", "is", null)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}
