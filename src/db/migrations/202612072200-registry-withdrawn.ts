import { type Kysely, sql } from "kysely";

/**
 * A registry entry withdrawn stays in the registry, marked, with the day and the reason: an issued document
 * recalled by its issuer (NĐ 30/2020 Art. 16(3), thu hồi văn bản), an entry registered by mistake, or the entry
 * of a number cancelled in the registry of outgoing documents.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table registry_document
      add column withdrawn_on date,
      add column withdrawn_reason text,
      add column withdrawn_by integer references app_user (id),
      add constraint registry_document_withdrawn_check
        check ((withdrawn_on is null) = (withdrawn_reason is null))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table registry_document
      drop constraint if exists registry_document_withdrawn_check,
      drop column if exists withdrawn_by,
      drop column if exists withdrawn_reason,
      drop column if exists withdrawn_on`.execute(db);
}
