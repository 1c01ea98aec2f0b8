import { type Kysely, sql } from "kysely";

/**
 * Work done on a schedule (backups, reminder e-mails) is claimed here, so that with several app processes on
 * one database it runs once per period: the process whose update finds the last run old enough does it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table scheduled_job (
      name text primary key check (name ~ '^[a-z][a-z0-9_-]{0,40}$'),
      last_run_at timestamptz not null,
      run_by text not null default ''
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists scheduled_job`.execute(db);
}
