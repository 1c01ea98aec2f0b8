import { type Kysely, sql } from "kysely";

/**
 * A State decision names the authority that issues it between its excerpt and its căn cứ ("CHỦ TỊCH ỦY BAN NHÂN
 * DÂN TỈNH …"): by default derived from the signature block, or as the drafter wrote it (null: derived).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table document_draft add column authority_line text`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table document_draft drop column if exists authority_line`.execute(db);
}
