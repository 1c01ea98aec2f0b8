import { type Kysely, sql } from "kysely";

/**
 * The revision of a shipped form each stored version carries, so a release that improves a shipped form
 * (new validation rules) adds it as the form's next version instead of leaving older databases behind. The
 * versions shipped so far were revision 1.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table report_form add column built_in_revision integer check (built_in_revision >= 1)`.execute(
    db,
  );
  await sql`update report_form set built_in_revision = 1 where built_in`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table report_form drop column if exists built_in_revision`.execute(db);
}
