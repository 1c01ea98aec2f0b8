/**
 * SQL of the rollup: one definition of a total, kept per series.
 *
 * A series is a form code, a period and a target body kind (the reports of units, or of one kind of body in
 * them): the same figures whichever request asked for them. In a series each reporting unit (or body) counts
 * with its latest accepted report (`submission.counted`). A unit's rollup rows are its own counted report
 * (`own`) and the counted reports of its territory (`own = false`); which report counts where is the rule of
 * src/domain/report-reach.ts.
 *
 * The rows of a series are rebuilt for the units on the paths of the reports whose count changed, in the
 * transaction that changed them (accept, unlock, a bulk load), under a lock per series and province so two
 * accepts of one series never rebuild from each other's stale view.
 * @module
 */
import { sql } from "kysely";
import type { Db, RollupValueRow, SubmissionValues, UnitLevel } from "../../../db/database.ts";

/** The reports that answer the same question: a form code, a period and a target body kind ("" = units). */
export interface Series {
  formCode: string;
  periodCode: string;
  bodyKind: string;
}

/** The series and provinces the given submissions belong to, in a fixed order (the order locks are taken). */
export async function seriesOfSubmissions(
  db: Db,
  submissionIds: number[],
): Promise<(Series & { provinceCode: string })[]> {
  if (submissionIds.length === 0) return [];
  const r = await sql<Series & { provinceCode: string }>`
    select distinct r.form_code as "formCode", r.period_code as "periodCode",
           coalesce(r.target_body_kind, '') as "bodyKind", s.province_code as "provinceCode"
    from submission s join report_request r on r.id = s.request_id
    where s.id = any(${sql.val(submissionIds)}::bigint[])
    order by 1, 2, 3, 4`.execute(db);
  return r.rows;
}

/**
 * Waits for the other transactions rebuilding the same series in the same province (released at commit).
 * Taken in the order of `seriesOfSubmissions`, so two transactions never wait on each other.
 */
export async function lockSeries(db: Db, key: Series & { provinceCode: string }): Promise<void> {
  const name = ["rollup", key.formCode, key.periodCode, key.bodyKind, key.provinceCode].join("|");
  await sql`select pg_advisory_xact_lock(hashtextextended(${name}, 0))`.execute(db);
}

/** A series and the units of it whose rows are rebuilt. */
export interface RebuildTarget {
  form_code: string;
  period_code: string;
  body_kind: string;
  units: string[];
  /**
   * The provinces among them. A path holds every unit above its own, so a report that reaches one of the
   * units reaches one of these: the reports to read are found through a handful of codes, not thousands.
   */
  roots: string[];
}

/**
 * Marks, for every reporting unit (or body) of the given submissions, its latest accepted report in their
 * series as the one that counts (and only that one); answers the units on the paths of the reports whose
 * mark changed, per series: the rows to rebuild.
 */
export async function markCounted(db: Db, submissionIds: number[]): Promise<RebuildTarget[]> {
  if (submissionIds.length === 0) return [];
  const r = await sql<RebuildTarget>`
    with e as (
      select distinct r.form_code, r.period_code, coalesce(r.target_body_kind, '') as body_kind, s.unit_code,
             coalesce(s.body_id, 0) as body
      from submission s join report_request r on r.id = s.request_id
      where s.id = any(${sql.val(submissionIds)}::bigint[])
    ), member as (
      select s.id, s.counted, s.rollup_path, e.form_code, e.period_code, e.body_kind,
             s.status = 'accepted' and row_number() over (
               partition by e.form_code, e.period_code, e.body_kind, e.unit_code, e.body
               order by s.status = 'accepted' desc, s.accepted_at desc nulls last, s.id desc) = 1 as latest
      from e
      join report_request r on r.form_code = e.form_code and r.period_code = e.period_code
        and coalesce(r.target_body_kind, '') = e.body_kind
      join submission s on s.request_id = r.id and s.unit_code = e.unit_code and coalesce(s.body_id, 0) = e.body
    ), changed as (
      update submission s set counted = m.latest
      from member m
      where s.id = m.id and s.counted <> m.latest
      returning s.id
    )
    select m.form_code, m.period_code, m.body_kind, array_agg(distinct p.code order by p.code) as units,
           coalesce(array_agg(distinct p.code order by p.code) filter (where exists (
             select 1 from unit u where u.code = p.code and u.level = 'province')), '{}') as roots
    from member m cross join unnest(m.rollup_path) as p(code)
    where m.counted <> m.latest
    group by m.form_code, m.period_code, m.body_kind
    order by 1, 2, 3`.execute(db);
  return r.rows;
}

/** The series and units to rebuild as one JSON input (the `k` rows of the statements below). */
const targetsOf = (targets: RebuildTarget[]) => sql`
  select * from jsonb_to_recordset(${JSON.stringify(targets)}::jsonb)
    as k(form_code text, period_code text, body_kind text, units text[], roots text[])`;

/**
 * The same, one row per series and unit (`ku`: joined to the rollup tables on their whole key, so a rebuild
 * of one province's units never scans the series of the country).
 */
const unitsOf = (targets: RebuildTarget[]) => {
  const rows = targets.flatMap((t) =>
    t.units.map((code) => ({ f: t.form_code, p: t.period_code, b: t.body_kind, code })),
  );
  return sql`
    select f as form_code, p as period_code, b as body_kind, code
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as ku(f text, p text, b text, code text)`;
};

/** A unit's value of an indicator by its rule, from its rollup row `v` and indicator `i`. */
const valueByRule = sql`case i.aggregation
  when 'sum' then trim_scale(v.sum)::text
  when 'average' then round(v.sum / nullif(v.n, 0), 2)::text
  when 'weighted_average' then round(v.weighted_sum / nullif(v.weight, 0), 2)::text
  when 'min' then trim_scale(v.min)::text
  when 'max' then trim_scale(v.max)::text
  when 'latest' then trim_scale(v.latest_value)::text
end`;

/** A counted report that reaches a unit to rebuild, with its series (the input of domain/report-reach.ts). */
export interface CountedReportRow {
  id: number;
  unit_code: string;
  rollup_path: string[];
  level: UnitLevel;
  closed: boolean;
  form_code: string;
  period_code: string;
  body_kind: string;
}

/** The counted reports of each series that reach one of its units to rebuild (and a few more: see roots). */
export async function countedReaching(db: Db, targets: RebuildTarget[]): Promise<CountedReportRow[]> {
  if (targets.length === 0) return [];
  const r = await sql<CountedReportRow>`
    with k as (${targetsOf(targets)})
    select s.id, s.unit_code, s.rollup_path, u.level, u.valid_to is not null as closed, k.form_code,
           k.period_code, k.body_kind
    from k
    join report_request r on r.form_code = k.form_code and r.period_code = k.period_code
      and coalesce(r.target_body_kind, '') = k.body_kind
    join submission s on s.request_id = r.id and s.counted and s.rollup_path && k.roots
    join unit u on u.id = s.unit_id
    order by s.id`.execute(db);
  return r.rows;
}

/**
 * Rebuilds the rollup rows of the given units of each series from where their counted reports count
 * (`reach[i]` for `targets[i]`: report, unit, own or territory; see domain/report-reach.ts), and their totals
 * rows. Averages keep 2 decimals, rounded half away from zero like src/domain/aggregation.ts.
 */
export async function rebuildSeries(
  db: Db,
  targets: RebuildTarget[],
  reach: { id: number; unitCode: string; own: boolean }[][],
): Promise<void> {
  if (targets.length === 0) return;
  await sql`
    with ku as (${unitsOf(targets)})
    delete from rollup_value v using ku
    where v.form_code = ku.form_code and v.period_code = ku.period_code and v.body_kind = ku.body_kind
      and v.unit_code = ku.code`.execute(db);
  await sql`
    with ku as (${unitsOf(targets)})
    delete from rollup_total t using ku
    where t.form_code = ku.form_code and t.period_code = ku.period_code and t.body_kind = ku.body_kind
      and t.unit_code = ku.code`.execute(db);
  for (const [k, t] of targets.entries()) {
    const pairs = reach[k] ?? [];
    for (let i = 0; i < pairs.length; i += 20_000) {
      await insertRollupValues(db, t, pairs.slice(i, i + 20_000));
    }
  }
  await sql`
    with ku as (${unitsOf(targets)})
    insert into rollup_total (form_code, period_code, body_kind, unit_code, province_code, vals, own)
    select v.form_code, v.period_code, v.body_kind, v.unit_code, min(v.province_code),
      coalesce(jsonb_object_agg(v.indicator_code, ${valueByRule} order by v.indicator_code)
        filter (where not v.own), '{}'),
      jsonb_object_agg(v.indicator_code, ${valueByRule} order by v.indicator_code) filter (where v.own)
    from ku
    join rollup_value v on v.form_code = ku.form_code and v.period_code = ku.period_code
      and v.body_kind = ku.body_kind and v.unit_code = ku.code and v.combo = ''
    join indicator i on i.code = v.indicator_code
    group by v.form_code, v.period_code, v.body_kind, v.unit_code
    order by v.form_code, v.period_code, v.body_kind, v.unit_code`.execute(db);
}

/**
 * Adds where some counted reports of one series count to its rollup rows. Each value is read out of its
 * report once into a narrow row (unit, breakdown, value and its weight), then added up by plain aggregates;
 * the latest value is taken apart, for the indicators whose rule is "latest" only.
 */
async function insertRollupValues(
  db: Db,
  t: Pick<RebuildTarget, "form_code" | "period_code" | "body_kind">,
  pairs: { id: number; unitCode: string; own: boolean }[],
): Promise<void> {
  if (pairs.length === 0) return;
  const json = JSON.stringify(pairs);
  const values = sql`
    select x."unitCode" as unit_code, x.own, v.key as code, c.key as combo, c.value::numeric as value,
           s.id, s.submitted_at, s.partial, s.province_code, i.aggregation,
           -- a weighted average's weight: the weight indicator in the same report, same breakdown (absent: left out)
           case when i.aggregation = 'weighted_average'
             then nullif(s.values -> i.weight_code ->> c.key, '')::numeric end as weight
    from jsonb_to_recordset(${json}::jsonb) as x(id bigint, "unitCode" text, own boolean)
    join submission s on s.id = x.id
    cross join jsonb_each(s.values) as v(key, value)
    cross join jsonb_each_text(v.value) as c(key, value)
    join indicator i on i.code = v.key and i.type <> 'text' and i.aggregation <> 'none'
    where c.value <> ''`;
  await sql`
    with e as materialized (${values})
    insert into rollup_value as r
      (form_code, period_code, body_kind, unit_code, own, indicator_code, combo, province_code, n, partial_n,
       sum, min, max, latest_at, weighted_sum, weight)
    select ${t.form_code}, ${t.period_code}, ${t.body_kind}, e.unit_code, e.own, e.code, e.combo,
           min(e.province_code), count(*)::int, count(*) filter (where e.partial)::int, sum(e.value), min(e.value),
           max(e.value), max(e.submitted_at), coalesce(sum(e.value * e.weight), 0), coalesce(sum(e.weight), 0)
    from e
    group by e.unit_code, e.own, e.code, e.combo
    on conflict (form_code, period_code, body_kind, unit_code, own, indicator_code, combo) do update set
      n = r.n + excluded.n,
      partial_n = r.partial_n + excluded.partial_n,
      sum = r.sum + excluded.sum,
      weighted_sum = r.weighted_sum + excluded.weighted_sum,
      weight = r.weight + excluded.weight,
      min = least(r.min, excluded.min),
      max = greatest(r.max, excluded.max),
      latest_at = greatest(r.latest_at, excluded.latest_at)`.execute(db);
  // the latest value, for the indicators whose rule is "latest": the report sent last (then the newest id)
  await sql`
    with e as (${values}), latest as (
      select distinct on (e.unit_code, e.own, e.code, e.combo) e.unit_code, e.own, e.code, e.combo, e.value,
             e.submitted_at
      from e
      where e.aggregation = 'latest'
      order by e.unit_code, e.own, e.code, e.combo, e.submitted_at desc nulls last, e.id desc
    )
    update rollup_value r set latest_value = l.value
    from latest l
    where r.form_code = ${t.form_code} and r.period_code = ${t.period_code} and r.body_kind = ${t.body_kind}
      and r.unit_code = l.unit_code and r.own = l.own and r.indicator_code = l.code and r.combo = l.combo
      and (r.latest_value is null or l.submitted_at is not distinct from r.latest_at)`.execute(db);
}

/** Raises the totals revision of the given provinces (dashboards' kept totals are read again). */
export async function bumpTotalsRevision(db: Db, provinceCodes: string[]): Promise<void> {
  if (provinceCodes.length === 0) return;
  await sql`
    insert into totals_revision as t (province_code)
    select distinct p from unnest(${sql.val(provinceCodes)}::text[]) as p
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

// ---- reading ---------------------------------------------------------------------------------------------

/** The rollup rows (own and below, every breakdown) of some units of a series. */
export async function rollupOf(db: Db, series: Series, unitCodes: string[]): Promise<RollupValueRow[]> {
  if (unitCodes.length === 0) return [];
  return db
    .selectFrom("rollup_value")
    .selectAll()
    .where("form_code", "=", series.formCode)
    .where("period_code", "=", series.periodCode)
    .where("body_kind", "=", series.bodyKind)
    .where("unit_code", "in", unitCodes)
    .orderBy("unit_code")
    .orderBy("own")
    .orderBy("indicator_code")
    .orderBy("combo")
    .execute();
}

/** Units directly below `unitCode` that have figures in the series (any version of the code). */
export async function seriesChildren(
  db: Db,
  series: Series,
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
          .selectFrom("rollup_total as t")
          .select(sql`1`.as("x"))
          .whereRef("t.unit_code", "=", "u.code")
          .where("t.form_code", "=", series.formCode)
          .where("t.period_code", "=", series.periodCode)
          .where("t.body_kind", "=", series.bodyKind),
      ),
    )
    .orderBy("u.code")
    .orderBy(sql`u.valid_to desc nulls first`)
    .execute();
}

/**
 * Units × periods of one form's unit reports, from the totals rows: each unit's figure (its own counted
 * report if it has one, else the counted reports below it) and which of the two it is.
 */
export async function totals(
  db: Db,
  formCode: string,
  periods: string[],
  units: string[],
): Promise<{ unit_code: string; period_code: string; vals: Record<string, string | null>; own: boolean }[]> {
  if (periods.length === 0 || units.length === 0) return [];
  return db
    .selectFrom("rollup_total")
    .select(["unit_code", "period_code"])
    .select(sql<Record<string, string | null>>`coalesce(own, vals)`.as("vals"))
    .select(sql<boolean>`own is not null`.as("own"))
    .where("form_code", "=", formCode)
    .where("body_kind", "=", "")
    .where("period_code", "in", periods)
    .where("unit_code", "in", units)
    .orderBy("unit_code")
    .orderBy("period_code")
    .execute();
}

/** The counted reports of a series under (or at) a unit, with the request that carried each. */
export async function countedUnder(
  db: Db,
  series: Series,
  unitCode: string,
): Promise<
  { id: number; unit_code: string; rollup_path: string[]; request_id: number; reference_no: string | null }[]
> {
  return db
    .selectFrom("submission as s")
    .innerJoin("report_request as r", "r.id", "s.request_id")
    .select(["s.id", "s.unit_code", "s.rollup_path", "s.request_id", "r.reference_no"])
    .where("s.counted", "=", true)
    .where("r.form_code", "=", series.formCode)
    .where("r.period_code", "=", series.periodCode)
    .where(sql<boolean>`coalesce(r.target_body_kind, '') = ${series.bodyKind}`)
    .where(sql<boolean>`s.rollup_path @> array[${unitCode}]::text[]`)
    .orderBy("s.unit_code")
    .execute();
}

export interface CountedOfTarget {
  target_id: number;
  counted_id: number;
  request_id: number;
  reference_no: string | null;
  values: SubmissionValues;
  updated_at: Date;
}

/**
 * For each target of a request, its counted report in the request's series, whichever request carried it
 * (the figures of a series are the latest accepted report of each unit): its id, request and values.
 */
export async function countedOfTargets(db: Db, requestId: number): Promise<CountedOfTarget[]> {
  const r = await sql<CountedOfTarget>`
    select s.id as target_id, c.id as counted_id, o.id as request_id, o.reference_no, c.values, c.updated_at
    from submission s
    join report_request r on r.id = s.request_id
    join report_request o on o.form_code = r.form_code and o.period_code = r.period_code
      and coalesce(o.target_body_kind, '') = coalesce(r.target_body_kind, '')
    join submission c on c.request_id = o.id and c.counted and c.unit_code = s.unit_code
      and coalesce(c.body_id, 0) = coalesce(s.body_id, 0)
    where s.request_id = ${requestId}
    order by s.id`.execute(db);
  return r.rows;
}
