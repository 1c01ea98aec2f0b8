import { type Kysely, sql } from "kysely";

/**
 * The reception minimums as data (src/domain/reception-schedule.ts): a newer law-wide rule (no unit) or a unit's
 * stricter one (Tháp Mười: the heads of its departments one day a week), each from its date, with its source
 * and how sure it is. The law's rules ship with the code; a stored one takes precedence from its date.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table reception_rule (
      id serial primary key,
      unit_code text,
      role text not null check (role in ('province_chair', 'district_chair', 'commune_chair', 'agency_head',
        'reception_office')),
      days integer not null check (days between 1 and 31),
      per text not null check (per in ('week', 'month', 'working_day')),
      valid_from date not null,
      source text not null,
      confidence text not null check (confidence in ('confirmed', 'partly', 'unconfirmed')),
      created_by integer not null references app_user (id),
      created_at timestamptz not null default now(),
      unique nulls not distinct (unit_code, role, valid_from)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists reception_rule`.execute(db);
}
