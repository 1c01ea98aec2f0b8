import { type Kysely, sql } from "kysely";

/**
 * A number taken from the numbering registry is entered in the documents registry once: the
 * report document numbered on a request page becomes an outgoing document of the requesting unit, linked to
 * its number. At most one registry document per number.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create unique index registry_document_number_idx on registry_document (document_number_id)
    where document_number_id is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists registry_document_number_idx`.execute(db);
}
