import { type Kysely, sql } from "kysely";

/**
 * A report owed upward, once submitted, carries what it gathered from the units below: the requests with how
 * far they were answered, and the indicators whose reported total differs from theirs (null: it gathered none).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table submission add column gathered jsonb`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table submission drop column if exists gathered`.execute(db);
}
