import { type Kysely, sql } from "kysely";

/**
 * Periodic reporting: versioned report forms, requests to a set of targets, one submission per
 * target (values and narrative as JSON, every version kept; owner_codes = the target and, for a unit closed
 * since, today's units that took it over — whose inbox it lands in), and the incremental rollup: per request, per unit
 * on a submission's rollup path, per indicator and category option, the running count and sum (min, max and
 * latest kept for their rules), and per unit and request one row of totals for dashboards. Big tables carry
 * the province code.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table report_form (
      id serial primary key,
      code text not null check (code ~ '^[a-z0-9][a-z0-9-]{1,63}$'),
      version integer not null check (version >= 1),
      name_vi text not null,
      name_en text not null,
      description text not null default '',
      levels text[] not null,
      sections jsonb not null,
      rules jsonb not null default '[]',
      outlier_percent numeric not null default 50,
      built_in boolean not null default false,
      created_by integer references app_user (id),
      created_at timestamptz not null default now(),
      unique (code, version)
    )`.execute(db);

  await sql`
    create table report_request (
      id serial primary key,
      issuer_unit_code text not null,
      issuer_body_id integer references body (id),
      issuer_path text[] not null,
      province_code text not null,
      form_id integer not null references report_form (id),
      period_code text not null,
      period_type text not null,
      period_start date not null,
      period_end date not null,
      cutoff_from date not null,
      cutoff_to date not null,
      reference_no text,
      title text not null,
      target_level text not null check (target_level in ('province', 'district', 'commune', 'hamlet')),
      target_body_kind text,
      deadline date not null,
      level_deadlines jsonb not null default '[]',
      reminder_days integer not null default 2 check (reminder_days between 0 and 30),
      issued_by integer references app_user (id),
      issued_at timestamptz not null default now(),
      version integer not null default 1
    )`.execute(db);
  await sql`create index report_request_issuer_idx on report_request using gin (issuer_path)`.execute(db);

  await sql`
    create table submission (
      id bigserial primary key,
      request_id integer not null references report_request (id),
      unit_code text not null,
      unit_id integer not null references unit (id),
      body_id integer references body (id),
      province_code text not null,
      rollup_path text[] not null,
      owner_codes text[] not null,
      partial boolean not null default false,
      status text not null default 'not_started'
        check (status in ('not_started', 'draft', 'submitted', 'returned', 'accepted')),
      values jsonb not null default '{}',
      narrative jsonb not null default '{}',
      late_reason text,
      comment text,
      first_submitted_at timestamptz,
      submitted_at timestamptz,
      accepted_at timestamptz,
      updated_by integer references app_user (id),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      constraint submission_target unique nulls not distinct (request_id, unit_code, body_id)
    )`.execute(db);
  await sql`create index submission_rollup_idx on submission using gin (rollup_path)`.execute(db);
  await sql`create index submission_owner_idx on submission using gin (owner_codes)`.execute(db);
  await sql`create index submission_unit_idx on submission (unit_code)`.execute(db);

  await sql`
    create table submission_revision (
      id bigserial primary key,
      submission_id bigint not null references submission (id),
      province_code text not null,
      version integer not null,
      event text not null check (event in ('save', 'submit', 'return', 'accept', 'unlock')),
      status text not null,
      values jsonb not null,
      narrative jsonb not null,
      comment text,
      actor_id integer references app_user (id),
      actor_name text,
      at timestamptz not null default now(),
      unique (submission_id, version)
    )`.execute(db);

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
      primary key (request_id, unit_code, indicator_code, combo)
    )`.execute(db);
  // each unit's totals per request, one row with every indicator's value by its rule: what dashboards read
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

  // the requester's own narrative for its consolidated report, written beside the compiled excerpts
  await sql`
    create table consolidation_summary (
      request_id integer not null references report_request (id),
      unit_code text not null,
      province_code text not null,
      narrative jsonb not null default '{}',
      version integer not null default 1,
      updated_by integer references app_user (id),
      updated_at timestamptz not null default now(),
      primary key (request_id, unit_code)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    "rollup_total",
    "rollup_value",
    "submission_revision",
    "submission",
    "report_request",
    "report_form",
  ]) {
    await sql`drop table if exists ${sql.table(t)} cascade`.execute(db);
  }
}
