import { type Kysely, sql } from "kysely";

/**
 * Scans of a letter as its writer handed it in (their handwriting and signature), sealed like the writer's
 * identity (Luật Tố cáo 2018 Art. 9): AES-256-GCM under a key outside the database, bound to the letter; no
 * file name is kept (a name can name the writer), only the kind and the size.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table letter_scan (
      id bigserial primary key,
      letter_id bigint not null references letter (id) on delete cascade,
      province_code text not null,
      content_type text not null,
      size integer not null check (size > 0),
      key_id text not null,
      sealed bytea not null,
      created_by integer not null references app_user (id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index letter_scan_letter_idx on letter_scan (letter_id, id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists letter_scan`.execute(db);
}
