import { type Kysely, sql } from "kysely";

/**
 * A request carries the day it was issued (a công văn entered after it went out on paper keeps its own date,
 * and its issuer is checked as it was that day) and the plan it reports on (Kế hoạch số 53-KH/HU).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table report_request
      add column issued_on date,
      add column plan_id integer references plan (id)`.execute(db);
  await sql`update report_request set issued_on = (issued_at at time zone 'Asia/Ho_Chi_Minh')::date`.execute(
    db,
  );
  await sql`alter table report_request alter column issued_on set not null, alter column issued_on set default ((now() at time zone 'Asia/Ho_Chi_Minh')::date)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table report_request drop column if exists plan_id, drop column if exists issued_on`.execute(
    db,
  );
}
