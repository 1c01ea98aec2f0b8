import { type Kysely, sql } from "kysely";

/**
 * One definition of a total. A unit's figure for a form and a period no longer depends on which request
 * carried the reports: the reports of a form code, a period and a target body kind make one series, each
 * reporting unit (or body) counts with its latest accepted report in that series (`submission.counted`), and
 * the rollup is kept per series instead of per request.
 *
 * A unit's rows are of two kinds: `own` (the unit's own counted report) and territory (`own = false`: the
 * counted reports of the units below it, or of the closed units it took over; each counted once, at the
 * nearest reporting level: the rule of domain/report-reach.ts). `rollup_total` keeps both per unit as JSON:
 * `vals` (territory) and `own`.
 *
 * The rebuild below is the rule of domain/report-reach.ts written in SQL once, over every series (migrations
 * import nothing from src/); a test runs it down and up and compares with what the accepts kept.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table report_request add column form_code text`.execute(db);
  await sql`update report_request r set form_code = f.code from report_form f where f.id = r.form_id`.execute(
    db,
  );
  await sql`alter table report_request alter column form_code set not null`.execute(db);
  await sql`create index report_request_series_idx on report_request (form_code, period_code)`.execute(db);

  await sql`alter table submission add column counted boolean not null default false`.execute(db);
  await sql`
    update submission s set counted = true
    from (
      select distinct on (r.form_code, r.period_code, coalesce(r.target_body_kind, ''), s.unit_code,
                          coalesce(s.body_id, 0)) s.id
      from submission s join report_request r on r.id = s.request_id
      where s.status = 'accepted'
      order by r.form_code, r.period_code, coalesce(r.target_body_kind, ''), s.unit_code, coalesce(s.body_id, 0),
               s.accepted_at desc nulls last, s.id desc
    ) latest
    where s.id = latest.id`.execute(db);
  await sql`create index submission_counted_idx on submission (request_id) where counted`.execute(db);

  await sql`drop table rollup_total`.execute(db);
  await sql`drop table rollup_value`.execute(db);
  await sql`
    create table rollup_value (
      form_code text not null,
      period_code text not null,
      body_kind text not null default '',
      unit_code text not null,
      own boolean not null,
      indicator_code text not null,
      combo text not null default '',
      province_code text not null,
      n integer not null,
      partial_n integer not null default 0,
      sum numeric not null,
      min numeric,
      max numeric,
      latest_value numeric,
      latest_at timestamptz,
      weighted_sum numeric not null default 0,
      weight numeric not null default 0,
      updated_at timestamptz not null default now(),
      primary key (form_code, period_code, body_kind, unit_code, own, indicator_code, combo)
    )`.execute(db);
  await sql`
    create table rollup_total (
      form_code text not null,
      period_code text not null,
      body_kind text not null default '',
      unit_code text not null,
      province_code text not null,
      vals jsonb not null,
      own jsonb,
      updated_at timestamptz not null default now(),
      primary key (form_code, period_code, body_kind, unit_code)
    )`.execute(db);

  // every series with a counted report (each of its reports reaches every unit on its path)
  await sql`
    create temporary table rebuild_target as
    select distinct r.form_code, r.period_code, coalesce(r.target_body_kind, '') as body_kind
    from submission s join report_request r on r.id = s.request_id
    where s.counted`.execute(db);
  await sql`analyze submission`.execute(db);
  await sql`
    with cs as materialized (
      select s.id, s.unit_code, s.rollup_path, s.values, s.partial, s.submitted_at, s.province_code,
             k.form_code, k.period_code, k.body_kind, u.valid_to is not null as historic,
             array_position(array['province', 'district', 'commune', 'hamlet'], u.level) as rank
      from rebuild_target k
      join report_request r on r.form_code = k.form_code and r.period_code = k.period_code
        and coalesce(r.target_body_kind, '') = k.body_kind
      join submission s on s.request_id = r.id and s.counted
      join unit u on u.id = s.unit_id
    ), spoken as materialized (
      select distinct s.id, x.code
      from cs s cross join unnest(s.rollup_path) as p(code)
      join cs a on a.unit_code = p.code and a.rank < s.rank and a.form_code = s.form_code
        and a.period_code = s.period_code and a.body_kind = s.body_kind
      cross join unnest(a.rollup_path) as x(code)
      where a.historic or x.code <> a.unit_code
    ), reach as (
      select s.*, x.code as target, x.code = s.unit_code and not s.historic as own
      from cs s cross join unnest(s.rollup_path) as x(code)
      left join spoken h on h.id = s.id and h.code = x.code
      where (x.code = s.unit_code and not s.historic) or h.id is null
    )
    insert into rollup_value
      (form_code, period_code, body_kind, unit_code, own, indicator_code, combo, province_code, n, partial_n,
       sum, min, max, latest_value, latest_at, weighted_sum, weight)
    select s.form_code, s.period_code, s.body_kind, s.target, s.own, v.key, c.key, min(s.province_code),
           count(*)::int, count(*) filter (where s.partial)::int, sum(c.value::numeric), min(c.value::numeric),
           max(c.value::numeric), (array_agg(c.value::numeric order by s.submitted_at desc, s.id desc))[1],
           max(s.submitted_at),
           coalesce(sum(c.value::numeric * w.weight), 0), coalesce(sum(w.weight), 0)
    from reach s
    cross join jsonb_each(s.values) as v(key, value)
    cross join jsonb_each_text(v.value) as c(key, value)
    join indicator i on i.code = v.key and i.type <> 'text' and i.aggregation <> 'none'
    cross join lateral (
      select case when i.aggregation = 'weighted_average'
        then nullif(s.values -> i.weight_code ->> c.key, '')::numeric end as weight) as w
    where c.value <> ''
    group by s.form_code, s.period_code, s.body_kind, s.target, s.own, v.key, c.key`.execute(db);
  await sql`
    insert into rollup_total (form_code, period_code, body_kind, unit_code, province_code, vals, own)
    select v.form_code, v.period_code, v.body_kind, v.unit_code, min(v.province_code),
      coalesce(jsonb_object_agg(v.indicator_code, case i.aggregation
        when 'sum' then trim_scale(v.sum)::text
        when 'average' then round(v.sum / nullif(v.n, 0), 2)::text
        when 'weighted_average' then round(v.weighted_sum / nullif(v.weight, 0), 2)::text
        when 'min' then trim_scale(v.min)::text
        when 'max' then trim_scale(v.max)::text
        when 'latest' then trim_scale(v.latest_value)::text
      end order by v.indicator_code) filter (where not v.own), '{}'),
      jsonb_object_agg(v.indicator_code, case i.aggregation
        when 'sum' then trim_scale(v.sum)::text
        when 'average' then round(v.sum / nullif(v.n, 0), 2)::text
        when 'weighted_average' then round(v.weighted_sum / nullif(v.weight, 0), 2)::text
        when 'min' then trim_scale(v.min)::text
        when 'max' then trim_scale(v.max)::text
        when 'latest' then trim_scale(v.latest_value)::text
      end order by v.indicator_code) filter (where v.own)
    from rollup_value v
    join indicator i on i.code = v.indicator_code
    where v.combo = ''
    group by v.form_code, v.period_code, v.body_kind, v.unit_code`.execute(db);
  await sql`drop table rebuild_target`.execute(db);
  await sql`update totals_revision set revision = revision + 1`.execute(db);
}

/** Back to one rollup per request, rebuilt from every accepted report (the statements of the time). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table rollup_total`.execute(db);
  await sql`drop table rollup_value`.execute(db);
  await sql`
    create table rollup_value (
      request_id integer not null references report_request (id),
      unit_code text not null,
      indicator_code text not null,
      combo text not null default '',
      province_code text not null,
      n integer not null,
      partial_n integer not null default 0,
      sum numeric not null,
      min numeric,
      max numeric,
      latest_value numeric,
      latest_at timestamptz,
      updated_at timestamptz not null default now(),
      weighted_sum numeric not null default 0,
      weight numeric not null default 0,
      primary key (request_id, unit_code, indicator_code, combo)
    )`.execute(db);
  await sql`
    create table rollup_total (
      request_id integer not null references report_request (id),
      unit_code text not null,
      province_code text not null,
      vals jsonb not null,
      updated_at timestamptz not null default now(),
      primary key (request_id, unit_code)
    )`.execute(db);
  await sql`create index rollup_total_unit_idx on rollup_total (unit_code, request_id)`.execute(db);
  await sql`
    insert into rollup_value
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
    join indicator i on i.code = v.key and i.type <> 'text' and i.aggregation <> 'none'
    cross join lateral (
      select case when i.aggregation = 'weighted_average'
        then nullif(s.values -> i.weight_code ->> c.key, '')::numeric end as weight) as w
    where s.status = 'accepted' and c.value <> ''
    group by s.request_id, p.code, v.key, c.key`.execute(db);
  await sql`
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
    from rollup_value v
    join indicator i on i.code = v.indicator_code and i.aggregation <> 'none'
    where v.combo = ''
    group by v.request_id, v.unit_code`.execute(db);
  await sql`drop index if exists submission_counted_idx`.execute(db);
  await sql`alter table submission drop column if exists counted`.execute(db);
  await sql`drop index if exists report_request_series_idx`.execute(db);
  await sql`alter table report_request drop column if exists form_code`.execute(db);
}
