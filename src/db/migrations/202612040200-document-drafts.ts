import { type Kysely, sql } from "kysely";

/**
 * Documents a body drafts (soạn thảo) from a template of its layout: Công văn, Kế hoạch, Quyết định, Thông báo,
 * Báo cáo, Chương trình, Hướng dẫn, Kết luận. A draft keeps what the official writes (excerpt, căn cứ, Kính gửi,
 * headed sections with footnotes, the tasks of a plan, Nơi nhận, signature, marks) until it is issued: numbered
 * from the body's registry and entered in the unit's outgoing registry; then it may become the tracked plan or
 * the report request it announces. A cancelled draft stays, marked cancelled. `unit_path` is the unit's path
 * (ancestors and itself) on which access is decided, with `body_id` for body-scoped grants.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table document_draft (
      id serial primary key,
      body_id integer not null references body (id),
      unit_code text not null,
      province_code text not null,
      unit_path text[] not null,
      kind text not null,
      excerpt text not null,
      drafting_unit text,
      addressees text[] not null default '{}',
      grounds text[] not null default '{}',
      sections jsonb not null default '[]',
      tasks jsonb not null default '[]',
      recipients text[] not null default '{}',
      signature jsonb,
      secrecy text,
      urgency text,
      status text not null default 'draft' check (status in ('draft', 'issued', 'cancelled')),
      number_id bigint references document_number (id),
      number_symbol text,
      registry_document_id bigint references registry_document (id),
      plan_id integer references plan (id),
      cancel_reason text,
      version integer not null default 1,
      created_by integer not null references app_user (id),
      created_at timestamptz not null default now(),
      updated_by integer not null references app_user (id),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index document_draft_unit_idx on document_draft (unit_code, id desc)`.execute(db);
  await sql`create index document_draft_path_idx on document_draft using gin (unit_path)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists document_draft`.execute(db);
}
