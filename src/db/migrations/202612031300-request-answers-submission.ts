import { type Kysely, sql } from "kysely";

/**
 * A request made to gather what its issuer owes upward (the province asks its communes to answer the
 * centre): the issuer's own report it feeds, so the chain of requests is seen both ways and the lower
 * deadline is held before the upper one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table report_request add column answers_submission_id bigint references submission (id)`.execute(
    db,
  );
  await sql`create index report_request_answers_idx on report_request (answers_submission_id)
    where answers_submission_id is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table report_request drop column if exists answers_submission_id`.execute(db);
}
