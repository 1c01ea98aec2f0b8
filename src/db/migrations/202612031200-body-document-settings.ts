import { type Kysely, sql } from "kysely";

/**
 * What each body puts on its own documents, kept with the body and edited there: the line above its name
 * (cơ quan chủ quản / đảng bộ cấp trên), its usual recipients after the one it answers ("Nơi nhận"), its
 * signature block (authority lines and signer) and its archive line ("Lưu: VT, NCVN").
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table body
      add column parent_line text,
      add column usual_recipients text[] not null default '{}',
      add column signing jsonb,
      add column archive_line text`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table body
      drop column if exists parent_line,
      drop column if exists usual_recipients,
      drop column if exists signing,
      drop column if exists archive_line`.execute(db);
}
