import { type Kysely, sql } from "kysely";

/**
 * Photos and files of a "Dân vận khéo" model, checked like registry attachments (kind by content,
 * at most 20 MB). Photos (PNG, JPEG) of a model shown on the public showcase are served without login.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table dvk_model_attachment (
      id serial primary key,
      model_id integer not null references dvk_model (id) on delete cascade,
      province_code text not null,
      filename text not null,
      content_type text not null,
      size integer not null,
      sha256 text not null,
      content bytea not null,
      created_by integer not null references app_user (id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index dvk_model_attachment_model_idx on dvk_model_attachment (model_id)`.execute(db);
  await sql`create index dvk_model_public_idx on dvk_model (province_code) where is_public`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists dvk_model_public_idx`.execute(db);
  await sql`drop table if exists dvk_model_attachment`.execute(db);
}
