import { type Kysely, sql } from "kysely";

/** Reminders: users get an e-mail address; every e-mail reminder sent is logged once. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table app_user add column email text check (email ~ '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$')`.execute(
    db,
  );
  await sql`
    create table reminder_log (
      submission_id bigint not null references submission (id),
      kind text not null check (kind in ('due_soon', 'overdue')),
      recipient text not null,
      province_code text not null,
      sent_at timestamptz not null default now(),
      primary key (submission_id, kind, recipient)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists reminder_log`.execute(db);
  await sql`alter table app_user drop column if exists email`.execute(db);
}
