/**
 * SQL of the dashboards: the requests of a form below a unit, each unit's timeliness per request, and the
 * provinces of a date.
 * @module
 */
import { sql } from "kysely";
import type { Db, ReportRequestRow } from "../../../db/database.ts";

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
