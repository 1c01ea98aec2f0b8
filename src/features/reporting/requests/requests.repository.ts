/**
 * SQL of report requests: issuing one with a report per target, the issued lists with their status counts,
 * the reports of a request, and the inbox of reports a unit owes.
 * @module
 */
import { sql } from "kysely";
import { granted, type ScopeGrants } from "../../../access/access.ts";
import { batched } from "../../../db/batch.ts";
import type { Db, ReportRequestRow, SubmissionRow, UnitLevel, UnitRow } from "../../../db/database.ts";

// ---- requests --------------------------------------------------------------------------------------------

export async function insertRequest(
  db: Db,
  row: Omit<ReportRequestRow, "id" | "issued_at" | "version" | "level_deadlines"> & {
    level_deadlines: string;
  },
): Promise<ReportRequestRow> {
  return db.insertInto("report_request").values(row).returningAll().executeTakeFirstOrThrow();
}

/** A report some unit owes upward, with its request: what a request gathering for it answers. */
export async function findOwedReport(db: Db, submissionId: number) {
  return db
    .selectFrom("submission as s")
    .innerJoin("report_request as r", "r.id", "s.request_id")
    .select([
      "s.id",
      "s.request_id",
      "s.unit_code",
      "s.body_id",
      "s.rollup_path",
      "r.reference_no",
      "r.title",
      "r.deadline",
      "r.issuer_unit_code",
      "r.target_level",
      "r.level_deadlines",
    ])
    .where("s.id", "=", submissionId)
    .executeTakeFirst();
}

/**
 * The requests issued to gather what some reports owed upward need, with their counts, newest first (at most
 * 50 a report).
 */
export async function requestsGathering(
  db: Db,
  submissionIds: number[],
): Promise<(ReportRequestRow & StatusCounts & { answers_submission_id: number })[]> {
  if (submissionIds.length === 0) return [];
  return db
    .selectFrom("report_request as r")
    .selectAll("r")
    .select((eb) => countsOf(eb.ref("r.id")))
    .where("r.answers_submission_id", "in", submissionIds)
    .orderBy("r.id", "desc")
    .limit(50 * submissionIds.length)
    .execute() as Promise<(ReportRequestRow & StatusCounts & { answers_submission_id: number })[]>;
}

/**
 * Which of some reports sent requests down to gather their figures (almost none do): one indexed read shared by
 * the reports submitted at once (db/batch.ts), so the others ask nothing more.
 */
export const gathersAnything = batched(async (db: Db, submissionIds: readonly number[]) => {
  const rows = await db
    .selectFrom("report_request")
    .select("answers_submission_id")
    .distinct()
    .where("answers_submission_id", "in", [...submissionIds])
    .execute();
  const gathering = new Set(rows.map((r) => r.answers_submission_id));
  return submissionIds.map((id) => gathering.has(id));
});

/**
 * The targets of some requests that have not sent their report yet (never submitted), at most `each` a
 * request, in unit order: who the issuer is waiting for.
 */
export async function notYetSent(
  db: Db,
  requestIds: number[],
  each: number,
): Promise<
  {
    id: number;
    request_id: number;
    unit_name: string;
    body_name: string | null;
    status: SubmissionRow["status"];
  }[]
> {
  if (requestIds.length === 0) return [];
  const ranked = db
    .selectFrom("submission as s")
    .innerJoin("unit as u", "u.id", "s.unit_id")
    .leftJoin("body as b", "b.id", "s.body_id")
    .select([
      "s.id",
      "s.request_id",
      "s.status",
      "u.full_name as unit_name",
      "b.name as body_name",
      sql<number>`row_number() over (partition by s.request_id order by s.unit_code, s.body_id)`.as("n"),
    ])
    .where("s.request_id", "in", requestIds)
    .where("s.first_submitted_at", "is", null);
  return db
    .selectFrom(ranked.as("x"))
    .select(["x.id", "x.request_id", "x.unit_name", "x.body_name", "x.status"])
    .where("x.n", "<=", each)
    .orderBy("x.request_id")
    .orderBy("x.n")
    .execute();
}

export async function findRequest(db: Db, id: number): Promise<ReportRequestRow | undefined> {
  return db.selectFrom("report_request").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The reports of a request asked of some of `bodyIds` (at most one each), with where they roll up. */
export async function askedOfBodies(
  db: Db,
  requestId: number,
  bodyIds: number[],
): Promise<{ body_id: number | null; rollup_path: string[] }[]> {
  if (bodyIds.length === 0) return [];
  return db
    .selectFrom("submission")
    .select(["body_id", "rollup_path"])
    .where("request_id", "=", requestId)
    .where("body_id", "in", bodyIds)
    .limit(bodyIds.length)
    .execute();
}

/** Requests issued by units in the given subtrees (null = all), newest period first. */
export async function listIssuedRequests(
  db: Db,
  scope: ScopeGrants | null,
  limit: number,
): Promise<(ReportRequestRow & StatusCounts)[]> {
  let q = db
    .selectFrom("report_request as r")
    .selectAll("r")
    .select((eb) => countsOf(eb.ref("r.id")))
    .orderBy("r.period_end", "desc")
    .orderBy("r.id", "desc")
    .limit(limit);
  if (scope !== null) q = q.where(granted(scope, "r.issuer_path", "r.issuer_body_id"));
  return q.execute() as Promise<(ReportRequestRow & StatusCounts)[]>;
}

export interface StatusCounts {
  expected: number;
  submitted: number;
  accepted: number;
  returned: number;
  on_time: number;
  late: number;
}

function countsOf(requestId: unknown) {
  return [
    sql<number>`(select count(*)::int from submission s where s.request_id = ${requestId})`.as("expected"),
    sql<number>`(select count(*)::int from submission s where s.request_id = ${requestId}
      and s.status in ('submitted', 'accepted'))`.as("submitted"),
    sql<number>`(select count(*)::int from submission s where s.request_id = ${requestId}
      and s.status = 'accepted')`.as("accepted"),
    sql<number>`(select count(*)::int from submission s where s.request_id = ${requestId}
      and s.status = 'returned')`.as("returned"),
    sql<number>`(select count(*)::int from submission s join report_request q on q.id = s.request_id
      where s.request_id = ${requestId} and s.first_submitted_at is not null
      and (s.first_submitted_at at time zone 'Asia/Ho_Chi_Minh')::date <= q.deadline)`.as("on_time"),
    sql<number>`(select count(*)::int from submission s join report_request q on q.id = s.request_id
      where s.request_id = ${requestId} and s.first_submitted_at is not null
      and (s.first_submitted_at at time zone 'Asia/Ho_Chi_Minh')::date > q.deadline)`.as("late"),
  ] as const;
}

/**
 * Requests of a series (form code, period, target body kind) with a target among the given units, with
 * their counts and how many of those units they share, oldest first.
 */
export async function overlappingRequests(
  db: Db,
  q: { formCode: string; periodCode: string; bodyKind: string; unitCodes: string[] },
): Promise<(ReportRequestRow & StatusCounts & { shared: number })[]> {
  if (q.unitCodes.length === 0) return [];
  const shared = sql<number>`(select count(distinct s.unit_code)::int from submission s
    where s.request_id = r.id and s.unit_code = any(${sql.val(q.unitCodes)}::text[]))`;
  return db
    .selectFrom("report_request as r")
    .selectAll("r")
    .select((eb) => countsOf(eb.ref("r.id")))
    .select(shared.as("shared"))
    .where("r.form_code", "=", q.formCode)
    .where("r.period_code", "=", q.periodCode)
    .where(sql<boolean>`coalesce(r.target_body_kind, '') = ${q.bodyKind}`)
    .where(sql<boolean>`${shared} > 0`)
    .orderBy("r.issued_at")
    .orderBy("r.id")
    .execute() as Promise<(ReportRequestRow & StatusCounts & { shared: number })[]>;
}

/** Units at `level` valid on `asOf` below any of `issuerCodes` (ancestor columns, no recursion). */
export async function targetUnits(
  db: Db,
  issuerCodes: string[],
  level: UnitLevel,
  asOf: string,
): Promise<UnitRow[]> {
  return db
    .selectFrom("unit")
    .selectAll()
    .where("level", "=", level)
    .where(sql<boolean>`ancestors && ${sql.val(issuerCodes)}::text[]`)
    .where((eb) => eb.or([eb("valid_from", "is", null), eb("valid_from", "<=", asOf)]))
    .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">=", asOf)]))
    .orderBy("code")
    .execute();
}

/** Bodies of `kind` in the given units, valid on `asOf`. */
export async function bodiesOfKind(
  db: Db,
  unitCodes: string[],
  kind: string,
  asOf: string,
): Promise<{ id: number; unit_code: string }[]> {
  if (unitCodes.length === 0) return [];
  return db
    .selectFrom("body")
    .select(["id", "unit_code"])
    .where("unit_code", "in", unitCodes)
    .where("kind", "=", kind)
    .where((eb) => eb.or([eb("valid_from", "is", null), eb("valid_from", "<=", asOf)]))
    .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">=", asOf)]))
    .orderBy("unit_code")
    .orderBy("id")
    .execute();
}

/** One unit (or body) a request asks: where its report rolls up to, and which of today's units own it. */
export interface Target {
  unit_code: string;
  unit_id: number;
  body_id: number | null;
  province_code: string;
  rollup_path: string[];
  owner_codes: string[];
  partial: boolean;
}

export async function insertSubmissions(db: Db, rows: (Target & { request_id: number })[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto("submission")
      .values(rows.slice(i, i + 1000))
      .execute();
  }
}

// ---- submissions -----------------------------------------------------------------------------------------
export type SubmissionListRow = Pick<
  SubmissionRow,
  | "id"
  | "request_id"
  | "unit_code"
  | "body_id"
  | "status"
  | "partial"
  | "late_reason"
  | "comment"
  | "first_submitted_at"
  | "submitted_at"
  | "accepted_at"
  | "counted"
  | "updated_at"
  | "version"
> & { unit_name: string; unit_level: UnitLevel; body_name: string | null };
export const LIST_COLUMNS = [
  "s.id",
  "s.request_id",
  "s.unit_code",
  "s.body_id",
  "s.status",
  "s.partial",
  "s.late_reason",
  "s.comment",
  "s.first_submitted_at",
  "s.submitted_at",
  "s.accepted_at",
  "s.counted",
  "s.updated_at",
  "s.version",
  "u.full_name as unit_name",
  "u.level as unit_level",
  "b.name as body_name",
] as const;
export async function listSubmissionsOfRequest(db: Db, requestId: number): Promise<SubmissionListRow[]> {
  return db
    .selectFrom("submission as s")
    .innerJoin("unit as u", "u.id", "s.unit_id")
    .leftJoin("body as b", "b.id", "s.body_id")
    .select(LIST_COLUMNS)
    .where("s.request_id", "=", requestId)
    .orderBy("s.unit_code")
    .orderBy("s.body_id")
    .execute();
}

export type InboxRow = SubmissionListRow & {
  title: string;
  period_code: string;
  deadline: string;
  reference_no: string | null;
  issuer_unit_code: string;
  issuer_name: string;
};

/** Submissions owned by the given units (null = all) for the user to fill, newest deadline first. */
export async function listInbox(
  db: Db,
  scope: ScopeGrants | null,
  statuses: SubmissionRow["status"][],
  limit: number,
): Promise<InboxRow[]> {
  let q = db
    .selectFrom("submission as s")
    .innerJoin("report_request as r", "r.id", "s.request_id")
    .innerJoin("unit as u", "u.id", "s.unit_id")
    .leftJoin("body as b", "b.id", "s.body_id")
    .select(LIST_COLUMNS)
    .select([
      "r.title",
      "r.period_code",
      "r.deadline",
      "r.reference_no",
      "r.issuer_unit_code",
      sql<string>`(select iu.full_name from unit iu where iu.code = r.issuer_unit_code
        order by iu.valid_to desc nulls first limit 1)`.as("issuer_name"),
    ])
    .where("s.status", "in", statuses)
    .orderBy("r.deadline", "desc")
    .orderBy("s.unit_code")
    .limit(limit);
  if (scope !== null) q = q.where(granted(scope, "s.owner_codes", "s.body_id"));
  return q.execute();
}
