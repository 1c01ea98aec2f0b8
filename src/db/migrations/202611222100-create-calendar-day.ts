import { type Kysely, sql } from "kysely";

/** Admin-confirmed working-day calendars: one row per special day; a stored year replaces the shipped one. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table calendar_day (
      date date primary key,
      year integer not null generated always as (extract(year from date)::int) stored,
      kind text not null check (kind in ('holiday', 'working')),
      name text not null,
      status text not null check (status in ('official', 'estimated')),
      source text not null,
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index calendar_day_year_idx on calendar_day (year)`.execute(db);
  await sql`
    create table calendar_year (
      year integer primary key,
      version integer not null default 1,
      confirmed_by integer references app_user (id),
      confirmed_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists calendar_day`.execute(db);
  await sql`drop table if exists calendar_year`.execute(db);
}
