import { type Kysely, sql } from "kysely";

/**
 * An indicator's sane bound: the largest value a report can give for it, refused above that where it is
 * typed (a 23-digit count is a slip of the keyboard, not a figure). Null: no bound beyond the type's. The
 * shipped indicators get theirs at start-up (indicators.service ensureBuiltInIndicators).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table indicator add column max_value numeric check (max_value > 0)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table indicator drop column if exists max_value`.execute(db);
}
