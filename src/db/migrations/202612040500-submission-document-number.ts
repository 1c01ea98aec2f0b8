import { type Kysely, sql } from "kysely";

/**
 * A body's answer keeps the number its document took from the body's registry, and its entry in the outgoing
 * registry: the next download prints the same number, and the page shows both sides which document it is.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table submission
      add column document_number_id bigint references document_number (id),
      add column document_symbol text,
      add column registry_document_id bigint references registry_document (id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table submission
      drop column if exists document_number_id,
      drop column if exists document_symbol,
      drop column if exists registry_document_id`.execute(db);
}
