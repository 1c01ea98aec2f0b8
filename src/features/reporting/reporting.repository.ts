/** SQL for report requests, submissions, their revisions and the incremental rollup. @module */
import { type Kysely, sql } from "kysely";
import { batched, inOrder } from "../../db/batch.ts";
import type {
  Database,
  ReportRequestRow,
  RollupValueRow,
  SubmissionRevisionRow,
  SubmissionRow,
  SubmissionValues,
  UnitLevel,
  UnitRow,
} from "../../db/database.ts";
import type { AuditEntry } from "../audit/audit.repository.ts";

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
    // the same unit's report on the same form code for the period a year earlier (the sent or accepted one,
    // accepted first), for the "previous period" column and outlier checks: in the same round trip
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom("submission as p")
          .innerJoin("report_request as pr", "pr.id", "p.request_id")
          .innerJoin("report_form as pf", "pf.id", "pr.form_id")
          .innerJoin("report_form as f", "f.id", "r.form_id")
          .select("p.values")
          .whereRef("p.unit_code", "=", "s.unit_code")
          .whereRef("pr.period_code", "=", "r.previous_period_code")
          .whereRef("pf.code", "=", "f.code")
          .where("p.status", "in", ["submitted", "accepted"])
          .orderBy(sql`p.status = 'accepted'`, "desc")
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
  /** The audit entry of this step, or null (draft saves are not audited). */
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

// ---- rollup ----------------------------------------------------------------------------------------------

/**
 * A weighted average's weight in the same report, for the same combo (null when absent: that value is left
 * out of the weighted average, as in src/domain/aggregation.ts). Expects `s` (submission), `i` (indicator)
 * and `c` (the combo's key and value) in scope.
 */
const weightOf = sql`
  select case when i.aggregation = 'weighted_average'
    then nullif(s.values -> i.weight_code ->> c.key, '')::numeric end as weight`;

/**
 * Adds accepted submissions' numeric values to every unit on their rollup paths: one statement, grouped per
 * row, rows in a fixed order so concurrent accepts never deadlock; then the units' totals rows. One id on accept; many when a batch of
 * submissions is accepted at once (imports, demo data).
 */
export async function addToRollup(db: Db, submissionIds: number[], codes: string[]): Promise<void> {
  if (codes.length === 0 || submissionIds.length === 0) return;
  await sql`
    insert into rollup_value as r
      (request_id, unit_code, indicator_code, combo, province_code, n, partial_n, sum, min, max, latest_value,
       latest_at, weighted_sum, weight)
    select s.request_id, p.code, v.key, c.key, min(s.province_code), count(*)::int,
           count(*) filter (where s.partial)::int, sum(c.value::numeric), min(c.value::numeric),
           max(c.value::numeric),
           (array_agg(c.value::numeric order by s.submitted_at desc, s.id desc))[1], max(s.submitted_at),
           coalesce(sum(c.value::numeric * w.weight), 0), coalesce(sum(w.weight), 0)
    from submission s
    cross join unnest(s.rollup_path) as p(code)
    cross join jsonb_each(s.values) as v(key, value)
    cross join jsonb_each_text(v.value) as c(key, value)
    join indicator i on i.code = v.key
    cross join lateral (${weightOf}) as w
    where s.id = any(${sql.val(submissionIds)}::bigint[]) and v.key = any(${sql.val(codes)}::text[])
      and c.value <> ''
    group by s.request_id, p.code, v.key, c.key
    order by s.request_id, p.code, v.key, c.key
    on conflict (request_id, unit_code, indicator_code, combo) do update set
      n = r.n + excluded.n,
      partial_n = r.partial_n + excluded.partial_n,
      sum = r.sum + excluded.sum,
      weighted_sum = r.weighted_sum + excluded.weighted_sum,
      weight = r.weight + excluded.weight,
      min = least(r.min, excluded.min),
      max = greatest(r.max, excluded.max),
      latest_value = case when r.latest_at is null or excluded.latest_at >= r.latest_at
                     then excluded.latest_value else r.latest_value end,
      latest_at = greatest(r.latest_at, excluded.latest_at),
      updated_at = now()`.execute(db);
  await refreshTotals(db, submissionIds);
}

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

/**
 * Takes an accepted submission's values back out (before it is unlocked): count and sum by subtraction;
 * min, max and latest recomputed for the affected rows only, from the other accepted submissions.
 */
export async function removeFromRollup(db: Db, submissionId: number, codes: string[]): Promise<void> {
  if (codes.length === 0) return;
  await sql`
    update rollup_value r set
      n = r.n - 1,
      partial_n = r.partial_n - (case when x.partial then 1 else 0 end),
      sum = r.sum - x.value,
      weighted_sum = r.weighted_sum - coalesce(x.value * x.weight, 0),
      weight = r.weight - coalesce(x.weight, 0),
      updated_at = now()
    from (
      select s.request_id, s.partial, p.code, v.key, c.key as combo, c.value::numeric as value, w.weight
      from submission s
      cross join unnest(s.rollup_path) as p(code)
      cross join jsonb_each(s.values) as v(key, value)
      cross join jsonb_each_text(v.value) as c(key, value)
      join indicator i on i.code = v.key
      cross join lateral (${weightOf}) as w
      where s.id = ${submissionId} and v.key = any(${sql.val(codes)}::text[]) and c.value <> ''
      order by p.code, v.key, c.key
    ) x
    where r.request_id = x.request_id and r.unit_code = x.code and r.indicator_code = x.key
      and r.combo = x.combo`.execute(db);
  await sql`
    delete from rollup_value r using submission s
    where s.id = ${submissionId} and r.request_id = s.request_id and r.unit_code = any(s.rollup_path)
      and r.n <= 0`.execute(db);
  await sql`
    update rollup_value r set min = q.min, max = q.max, latest_value = q.latest_value, latest_at = q.latest_at
    from (
      select p.code, v.key, c.key as combo, min(c.value::numeric) as min, max(c.value::numeric) as max,
             (array_agg(c.value::numeric order by o.submitted_at desc, o.id desc))[1] as latest_value,
             max(o.submitted_at) as latest_at
      from submission s
      join submission o on o.request_id = s.request_id and o.status = 'accepted' and o.id <> s.id
        and o.rollup_path && s.rollup_path
      cross join unnest(o.rollup_path) as p(code)
      cross join jsonb_each(o.values) as v(key, value)
      cross join jsonb_each_text(v.value) as c(key, value)
      where s.id = ${submissionId} and p.code = any(s.rollup_path) and v.key = any(${sql.val(codes)}::text[])
        and c.value <> ''
      group by p.code, v.key, c.key
    ) q, submission s
    where s.id = ${submissionId} and r.request_id = s.request_id and r.unit_code = q.code
      and r.indicator_code = q.key and r.combo = q.combo`.execute(db);
  await refreshTotals(db, [submissionId]);
}

export async function rollupOf(db: Db, requestId: number, unitCodes: string[]): Promise<RollupValueRow[]> {
  if (unitCodes.length === 0) return [];
  return db
    .selectFrom("rollup_value")
    .selectAll()
    .where("request_id", "=", requestId)
    .where("unit_code", "in", unitCodes)
    .orderBy("unit_code")
    .orderBy("indicator_code")
    .orderBy("combo")
    .execute();
}

/** Units directly below `unitCode` that have rollup rows for the request (any version of the code). */
export async function rollupChildren(
  db: Db,
  requestId: number,
  unitCode: string,
): Promise<{ code: string; full_name: string; level: UnitLevel }[]> {
  return db
    .selectFrom("unit as u")
    .select(["u.code", "u.full_name", "u.level"])
    .distinctOn("u.code")
    .where("u.parent_code", "=", unitCode)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("rollup_value as r")
          .select(sql`1`.as("x"))
          .whereRef("r.unit_code", "=", "u.code")
          .where("r.request_id", "=", requestId),
      ),
    )
    .orderBy("u.code")
    .orderBy(sql`u.valid_to desc nulls first`)
    .execute();
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

/**
 * Rolled-up totals for units × periods of one form, read from the per-unit totals rows (one per unit and
 * request). When several requests cover a unit and period, the one issued closest to it (the longest issuer
 * path) wins.
 */
export async function totals(
  db: Db,
  formCode: string,
  periods: string[],
  units: string[],
): Promise<{ unit_code: string; period_code: string; vals: Record<string, string | null> }[]> {
  if (periods.length === 0 || units.length === 0) return [];
  const r = await sql<{ unit_code: string; period_code: string; vals: Record<string, string | null> }>`
    with req as (
      select r.id, r.period_code, cardinality(r.issuer_path) as depth
      from report_request r join report_form f on f.id = r.form_id
      where f.code = ${formCode} and r.period_code = any(${sql.val(periods)}::text[])
    )
    select distinct on (t.unit_code, req.period_code) t.unit_code, req.period_code, t.vals
    from unnest(${sql.val(units)}::text[]) as u(code)
    join rollup_total t on t.unit_code = u.code
    join req on req.id = t.request_id
    order by t.unit_code, req.period_code, req.depth desc, req.id desc`.execute(db);
  return r.rows;
}

/**
 * Rebuilds the totals rows of every (request, unit) on the given submissions' rollup paths from their
 * rollup rows: called in the same transaction as every rollup change, so dashboards are never stale.
 * Averages keep 2 decimals, rounded half away from zero like src/domain/aggregation.ts.
 */
/** Every (request, unit) pair on the given submissions' rollup paths. */
const pathPairs = (submissionIds: number[]) => sql`
  select distinct s.request_id, p.code as unit_code
  from submission s cross join unnest(s.rollup_path) as p(code)
  where s.id = any(${sql.val(submissionIds)}::bigint[])`;

export async function refreshTotals(db: Db, submissionIds: number[]): Promise<void> {
  if (submissionIds.length === 0) return;
  await sql`
    with pairs as (${pathPairs(submissionIds)})
    delete from rollup_total t using pairs
    where t.request_id = pairs.request_id and t.unit_code = pairs.unit_code`.execute(db);
  await sql`
    with pairs as (${pathPairs(submissionIds)})
    insert into rollup_total (request_id, unit_code, province_code, vals)
    select v.request_id, v.unit_code, min(v.province_code),
      jsonb_object_agg(v.indicator_code, case i.aggregation
        when 'sum' then trim_scale(v.sum)::text
        when 'average' then round(v.sum / nullif(v.n, 0), 2)::text
        when 'weighted_average' then round(v.weighted_sum / nullif(v.weight, 0), 2)::text
        when 'min' then trim_scale(v.min)::text
        when 'max' then trim_scale(v.max)::text
        when 'latest' then trim_scale(v.latest_value)::text
      end order by v.indicator_code)
    from pairs
    join rollup_value v on v.request_id = pairs.request_id and v.unit_code = pairs.unit_code and v.combo = ''
    join indicator i on i.code = v.indicator_code and i.aggregation <> 'none'
    group by v.request_id, v.unit_code
    order by v.request_id, v.unit_code`.execute(db);
  // the provinces whose totals moved, in a fixed order (concurrent batches never deadlock)
  await sql`
    insert into totals_revision as t (province_code)
    select distinct s.province_code from submission s
    where s.id = any(${sql.val(submissionIds)}::bigint[])
    order by 1
    on conflict (province_code) do update set revision = t.revision + 1`.execute(db);
}

/**
 * The totals revision: the sum of every province's counter, which only grows and moves with every change to
 * `rollup_total`: what the dashboard totals kept in memory are checked against (src/db/revision-cache.ts).
 */
export async function totalsRevision(db: Db): Promise<string> {
  const r = await sql<{ revision: string }>`
    select coalesce(sum(revision), 0)::text as revision from totals_revision`.execute(db);
  return r.rows[0]?.revision ?? "0";
}

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
): Promise<{ narrative: SubmissionRow["narrative"]; version: number } | undefined> {
  return db
    .selectFrom("consolidation_summary")
    .select(["narrative", "version"])
    .where("request_id", "=", requestId)
    .where("unit_code", "=", unitCode)
    .executeTakeFirst();
}

interface SummaryWrite {
  requestId: number;
  unitCode: string;
  provinceCode: string;
  narrative: string;
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
    .set({ narrative: s.narrative, version: sql`version + 1`, updated_by: s.userId, updated_at: sql`now()` })
    .where("request_id", "=", s.requestId)
    .where("unit_code", "=", s.unitCode)
    .where("version", "=", s.version)
    .returning("version")
    .executeTakeFirst();
}
