import { type Kysely, sql } from "kysely";

/** Units (effective-dated, ancestor columns), successor links, bodies, users, grants, sessions, audit. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);

  await sql`
    create table unit (
      id serial primary key,
      code text not null,
      name text not null,
      full_name text not null,
      type text not null,
      level text not null check (level in ('province', 'district', 'commune', 'hamlet')),
      parent_code text,
      province_code text not null,
      ancestors text[] not null default '{}',
      valid_from date,
      valid_to date,
      name_key text not null,
      search_text text not null,
      source text not null,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint unit_valid_range check (valid_to is null or valid_from is null or valid_to >= valid_from),
      constraint unit_code_from unique nulls not distinct (code, valid_from)
    )`.execute(db);
  await sql`create index unit_parent_idx on unit (parent_code, level)`.execute(db);
  await sql`create index unit_code_idx on unit (code)`.execute(db);
  await sql`create index unit_level_idx on unit (level, province_code)`.execute(db);
  await sql`create index unit_ancestors_idx on unit using gin (ancestors)`.execute(db);
  await sql`create index unit_search_idx on unit using gin (search_text gin_trgm_ops)`.execute(db);

  await sql`
    create table unit_successor (
      predecessor_id integer not null references unit (id),
      successor_id integer not null references unit (id),
      kind text not null check (kind in ('full', 'partial')),
      effective_date date not null,
      primary key (predecessor_id, successor_id)
    )`.execute(db);
  await sql`create index unit_successor_successor_idx on unit_successor (successor_id)`.execute(db);

  await sql`
    create table body (
      id serial primary key,
      unit_code text not null,
      province_code text not null,
      kind text not null,
      name text not null,
      short_name text,
      parent_body_id integer references body (id),
      valid_from date,
      valid_to date,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint body_valid_range check (valid_to is null or valid_from is null or valid_to >= valid_from)
    )`.execute(db);
  await sql`create index body_unit_idx on body (unit_code)`.execute(db);

  await sql`
    create table app_user (
      id serial primary key,
      username text not null unique,
      display_name text not null,
      password_hash text not null,
      is_active boolean not null default true,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table user_grant (
      id serial primary key,
      user_id integer not null references app_user (id),
      role text not null check (role in ('system_admin', 'unit_admin', 'editor', 'approver', 'viewer')),
      unit_code text,
      body_id integer references body (id),
      created_at timestamptz not null default now(),
      created_by integer references app_user (id),
      constraint grant_scope check ((role = 'system_admin') = (unit_code is null))
    )`.execute(db);
  await sql`create index user_grant_user_idx on user_grant (user_id)`.execute(db);

  await sql`
    create table user_session (
      id text primary key,
      user_id integer not null references app_user (id),
      csrf_token text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    )`.execute(db);
  await sql`create index user_session_user_idx on user_session (user_id)`.execute(db);

  await sql`
    create table audit_log (
      id bigserial primary key,
      at timestamptz not null default now(),
      actor_id integer references app_user (id),
      actor_name text,
      action text not null,
      entity text not null,
      entity_id text not null,
      unit_code text,
      province_code text,
      scope_codes text[] not null default '{}',
      before jsonb,
      after jsonb
    )`.execute(db);
  await sql`create index audit_log_at_idx on audit_log (at desc)`.execute(db);
  await sql`create index audit_log_scope_idx on audit_log using gin (scope_codes)`.execute(db);
  await sql`
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only';
    end $$`.execute(db);
  await sql`
    create trigger audit_log_no_change before update or delete on audit_log
    for each row execute function audit_log_append_only()`.execute(db);
  await sql`
    create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["audit_log", "user_session", "user_grant", "app_user", "body", "unit_successor", "unit"]) {
    await sql`drop table if exists ${sql.table(t)} cascade`.execute(db);
  }
  await sql`drop function if exists audit_log_append_only()`.execute(db);
}
