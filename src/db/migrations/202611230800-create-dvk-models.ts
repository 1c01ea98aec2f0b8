import { type Kysely, sql } from "kysely";

/**
 * "Dân vận khéo" models. A model is registered once by a unit (optionally one of its bodies) and
 * lives on from year to year: each year it is either newly registered or kept up (`dvk_model_year`), and goes
 * through its lifecycle for that year; every step is kept (`dvk_model_step`). Fields and the evaluation
 * criteria are data. `unit_path` (the unit's ancestors and itself) answers "all models under this unit" with
 * an index, never a recursive query.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table model_field (
      code text primary key,
      name_vi text not null,
      name_en text not null,
      sort integer not null,
      built_in boolean not null default false
    )`.execute(db);
  await sql`
    create table model_criteria_set (
      id serial primary key,
      province_code text,
      kind text not null check (kind in ('collective', 'individual')),
      example boolean not null default false,
      source text not null default '',
      criteria jsonb not null,
      minimum_met integer not null check (minimum_met >= 0),
      unique nulls not distinct (province_code, kind)
    )`.execute(db);
  await sql`
    create table dvk_model (
      id serial primary key,
      unit_code text not null,
      unit_path text[] not null,
      province_code text not null,
      body_id integer references body (id),
      name text not null,
      field_code text not null references model_field (code),
      kind text not null check (kind in ('collective', 'individual')),
      details jsonb not null,
      started_on date not null,
      evaluation_on date,
      is_public boolean not null default false,
      results text not null default '',
      version integer not null default 1,
      created_by integer not null references app_user (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index dvk_model_path_idx on dvk_model using gin (unit_path)`.execute(db);
  await sql`create index dvk_model_unit_idx on dvk_model (unit_code)`.execute(db);
  await sql`
    create table dvk_model_year (
      model_id integer not null references dvk_model (id) on delete cascade,
      year integer not null check (year between 2000 and 2100),
      province_code text not null,
      registration text not null check (registration in ('new', 'kept')),
      status text not null default 'registered'
        check (status in ('registered', 'implementing', 'assessed', 'recognised', 'exemplary', 'commended')),
      was_exemplary boolean not null default false,
      assessment jsonb,
      decision_number_id bigint references document_number (id),
      decision_symbol text,
      version integer not null default 1,
      updated_at timestamptz not null default now(),
      primary key (model_id, year)
    )`.execute(db);
  await sql`create index dvk_model_year_year_idx on dvk_model_year (year, province_code)`.execute(db);
  await sql`
    create table dvk_model_step (
      id serial primary key,
      model_id integer not null references dvk_model (id) on delete cascade,
      year integer not null,
      province_code text not null,
      from_status text,
      to_status text not null,
      comment text not null default '',
      decision_symbol text,
      actor_id integer references app_user (id),
      actor_name text not null,
      at timestamptz not null default now()
    )`.execute(db);
  await sql`create index dvk_model_step_model_idx on dvk_model_step (model_id, year)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["dvk_model_step", "dvk_model_year", "dvk_model", "model_criteria_set", "model_field"]) {
    await sql`drop table if exists ${sql.table(t)}`.execute(db);
  }
}
