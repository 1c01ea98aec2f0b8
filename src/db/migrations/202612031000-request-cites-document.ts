import { type Kysely, sql } from "kysely";

/**
 * A request cites the document that asks for it (the công văn of the registry: 113-CV/BDVHU, dated, of its
 * issuer, with its subject), so every answer opens with the line that cites it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table report_request
      add column cited_document_id bigint references registry_document (id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table report_request drop column if exists cited_document_id`.execute(db);
}
