/** SQL for report requests, submissions, their revisions and the incremental rollup. @module */
import { type Kysely, sql } from "kysely";
import type { AuditEntry } from "../../audit/audit-log.repository.ts";
import { batched, inOrder } from "../../db/batch.ts";
import type {
  Database,
  FigureSource,
  ReportRequestRow,
  SubmissionRevisionRow,
  SubmissionRow,
  SubmissionValues,
  UnitLevel,
  UnitRow,
} from "../../db/database.ts";

type Db = Kysely<Database>;

// ---- requests --------------------------------------------------------------------------------------------

export async function insertRequest(
  db: Db,
  row: Omit<ReportRequestRow, "id" | "issued_at" | "version" | "level_deadlines"> & {
    level_deadlines: string;
  },
): Promise<ReportRequestRow> {
  return db.insertInto("report_request").values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findRequest(db: Db, id: number): Promise<ReportRequestRow | undefined> {
  return db.selectFrom("report_request").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Requests issued by units in the given subtrees (null = all), newest period first. */
export async function listIssuedRequests(
  db: Db,
  scope: string[] | null,
  limit: number,
): Promise<(ReportRequestRow & StatusCounts)[]> {
  let q = db
    .selectFrom("report_request as r")
    .selectAll("r")
    .select((eb) => countsOf(eb.ref("r.id")))
    .orderBy("r.period_end", "desc")
    .orderBy("r.id", "desc")
    .limit(limit);
  if (scope !== null) q = q.where(sql<boolean>`r.issuer_path && ${sql.val(scope)}::text[]`);
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

export async function insertSubmissions(
  db: Db,
  rows: {
    request_id: number;
    unit_code: string;
    unit_id: number;
    body_id: number | null;
    province_code: string;
    rollup_path: string[];
    owner_codes: string[];
    partial: boolean;
  }[],
): Promise<void> {
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

const LIST_COLUMNS = [
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
  scope: string[] | null,
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
  if (scope !== null) q = q.where(sql<boolean>`s.owner_codes && ${sql.val(scope)}::text[]`);
  return q.execute();
}

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
        audit: audit && {
          action: audit.action,
          scope: audit.scope,
          before: audit.before,
          after: audit.after,
        },
      });
      return `{"values":${set.values ?? "null"},"narrative":${set.narrative ?? "null"},${rest.slice(1)}`;
    });
    const json = `[${rowsJson.join(",")}]`;
    const rows = await sql<WrittenSubmission & { batch_index: number }>`
      with x as (
        select * from jsonb_to_recordset(${json}::jsonb) as x (
          i int, id bigint, version int, status text, "values" jsonb, narrative jsonb, set_late boolean,
          late_reason text, set_comment boolean, comment text, submitted boolean, accepted boolean,
          updated_by int, event text, rev_comment text, actor_name text, audit jsonb)
      ), u as (
        update submission s set
          status = x.status,
          "values" = coalesce(x."values", s."values"),
          narrative = coalesce(x.narrative, s.narrative),
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
        insert into audit_log
          (actor_id, actor_name, action, entity, entity_id, unit_code, province_code, scope_codes, before, after)
        select updated_by, batch_actor, batch_audit->>'action', 'submission', id::text, unit_code, province_code,
               array(select jsonb_array_elements_text(batch_audit->'scope')), batch_audit->'before',
               batch_audit->'after'
          from u
          where batch_audit is not null
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
): Promise<(Pick<SubmissionRow, "id" | "unit_code" | "status" | "narrative"> & { unit_name: string })[]> {
  return db
    .selectFrom("submission as s")
    .innerJoin("unit as u", "u.id", "s.unit_id")
    .select(["s.id", "s.unit_code", "s.status", "s.narrative", "u.full_name as unit_name"])
    .where("s.request_id", "=", requestId)
    .where("s.status", "in", ["submitted", "accepted"])
    .where(sql<boolean>`s.rollup_path @> array[${unitCode}]::text[]`)
    .orderBy(sql`s.status = 'accepted'`, "desc")
    .orderBy("s.unit_code")
    .execute();
}

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

// ---- timeliness over time --------------------------------------------------------------------------------

/** The latest requests with submissions below `unitCode` (optionally of one form code), oldest period first. */
export async function requestsUnder(
  db: Db,
  unitCode: string,
  formCode: string | null,
  limit: number,
): Promise<Pick<ReportRequestRow, "id" | "period_code" | "period_end" | "deadline" | "title">[]> {
  let q = db
    .selectFrom("report_request as r")
    .innerJoin("report_form as f", "f.id", "r.form_id")
    .select(["r.id", "r.period_code", "r.period_end", "r.deadline", "r.title"])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("submission as s")
          .select(sql`1`.as("x"))
          .whereRef("s.request_id", "=", "r.id")
          .where(sql<boolean>`s.rollup_path @> array[${unitCode}]::text[]`),
      ),
    )
    .orderBy("r.period_end", "desc")
    .orderBy("r.id", "desc")
    .limit(limit);
  if (formCode !== null) q = q.where("f.code", "=", formCode);
  return (await q.execute()).reverse();
}

export interface TimelinessCell {
  request_id: number;
  unit_code: string;
  expected: number;
  on_time: number;
  late: number;
  missing: number;
  accepted: number;
}

/** Per request and per unit (the given rows, matched anywhere on the rollup path): on time, late, missing. */
export async function timelinessCells(
  db: Db,
  requestIds: number[],
  unitCodes: string[],
  today: string,
): Promise<TimelinessCell[]> {
  if (requestIds.length === 0 || unitCodes.length === 0) return [];
  const r = await sql<TimelinessCell>`
    select s.request_id, p.code as unit_code, count(*)::int as expected,
      count(*) filter (where s.first_submitted_at is not null
        and (s.first_submitted_at at time zone 'Asia/Ho_Chi_Minh')::date <= r.deadline)::int as on_time,
      count(*) filter (where s.first_submitted_at is not null
        and (s.first_submitted_at at time zone 'Asia/Ho_Chi_Minh')::date > r.deadline)::int as late,
      count(*) filter (where s.first_submitted_at is null and r.deadline < ${today}::date)::int as missing,
      count(*) filter (where s.status = 'accepted')::int as accepted
    from submission s
    join report_request r on r.id = s.request_id
    cross join unnest(s.rollup_path) as p(code)
    where s.request_id = any(${sql.val(requestIds)}::int[]) and p.code = any(${sql.val(unitCodes)}::text[])
    group by s.request_id, p.code
    order by s.request_id, p.code`.execute(db);
  return r.rows;
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

// ---- dashboards ------------------------------------------------------------------------------------------

/** Provinces valid on `asOf` (the country level of the dashboards). */
export async function provinces(db: Db, asOf: string): Promise<{ code: string; full_name: string }[]> {
  return db
    .selectFrom("unit")
    .select(["code", "full_name"])
    .where("level", "=", "province")
    .where((eb) => eb.or([eb("valid_from", "is", null), eb("valid_from", "<=", asOf)]))
    .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">=", asOf)]))
    .orderBy("code")
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

interface SummaryWrite {
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
