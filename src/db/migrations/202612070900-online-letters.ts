import { type Kysely, sql } from "kysely";

/**
 * Citizens send petitions through the public online form without an account: such a letter has no user who
 * registered it (the audit log names the form).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table letter alter column created_by drop not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from letter where created_by is null`.execute(db);
  await sql`alter table letter alter column created_by set not null`.execute(db);
}
