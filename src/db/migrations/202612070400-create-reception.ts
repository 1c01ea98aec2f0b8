import { type Kysely, sql } from "kysely";

/**
 * Citizen reception (tiếp công dân):
 * - `reception_schedule`: who receives (a leader by name and role, or the regular office) for a body, on which
 *   recurring days (`recurrences`, src/domain/reception-schedule.ts), where, from and until when;
 * - `reception_session`: a reception held: on which day, by whom (the leader in person, or a deputy in their
 *   place: `in_person` false, flagged after 01/7/2026 when delegating is no longer allowed), how many citizens
 *   and groups (the largest crowd's head count), what was raised and decided; the letters received at it point
 *   to it (`letter.session_id`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table reception_schedule (
      id serial primary key,
      unit_code text not null,
      unit_path text[] not null,
      province_code text not null,
      body_id integer not null references body (id),
      receiver_name text not null,
      receiver_role text not null check (receiver_role in ('province_chair', 'district_chair', 'commune_chair',
        'agency_head', 'reception_office')),
      recurrences jsonb not null,
      place text not null default '',
      valid_from date not null,
      valid_to date,
      version integer not null default 1,
      created_by integer not null references app_user (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (valid_to is null or valid_to >= valid_from)
    )`.execute(db);
  await sql`create index reception_schedule_path_idx on reception_schedule using gin (unit_path)`.execute(db);
  await sql`
    create table reception_session (
      id bigserial primary key,
      unit_code text not null,
      unit_path text[] not null,
      province_code text not null,
      body_id integer not null references body (id),
      schedule_id integer references reception_schedule (id),
      held_on date not null,
      receiver_name text not null,
      receiver_role text not null check (receiver_role in ('province_chair', 'district_chair', 'commune_chair',
        'agency_head', 'reception_office')),
      in_person boolean not null default true,
      deputy_name text,
      citizens integer not null default 0 check (citizens between 0 and 100000),
      groups integer not null default 0 check (groups between 0 and 10000),
      largest_group integer check (largest_group is null or largest_group between 1 and 100000),
      content text not null default '',
      decided text not null default '',
      version integer not null default 1,
      created_by integer not null references app_user (id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index reception_session_path_idx on reception_session using gin (unit_path)`.execute(db);
  await sql`create index reception_session_unit_idx on reception_session (unit_code, held_on desc)`.execute(
    db,
  );
  await sql`
    alter table letter add constraint letter_session_fk foreign key (session_id) references reception_session (id)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table letter drop constraint if exists letter_session_fk`.execute(db);
  await sql`drop table if exists reception_session`.execute(db);
  await sql`drop table if exists reception_schedule`.execute(db);
}
