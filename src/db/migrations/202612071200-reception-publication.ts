import { type Kysely, sql } from "kysely";

/**
 * The units whose citizen-reception schedule is published on danvan's public page (off until a unit turns it on:
 * the schedule is made public at the reception place and on the body's website, Luật Tiếp công dân 2013).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table reception_publication (
      unit_code text primary key,
      province_code text not null,
      published boolean not null default false,
      updated_by integer not null references app_user (id),
      updated_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists reception_publication`.execute(db);
}
