import { type Kysely, sql } from "kysely";

/**
 * A unit's evidence for a criterion of its self-assessment can be files (a scanned report, a photo, a list),
 * not only a line of text: each file is kept with the criterion it proves.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table evaluation_attachment (
      id serial primary key,
      evaluation_id integer not null references evaluation (id) on delete cascade,
      item_code text not null,
      province_code text not null,
      filename text not null,
      content_type text not null,
      size integer not null,
      sha256 text not null,
      content bytea not null,
      created_by integer not null references app_user (id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index evaluation_attachment_evaluation_idx on evaluation_attachment (evaluation_id)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists evaluation_attachment`.execute(db);
}
