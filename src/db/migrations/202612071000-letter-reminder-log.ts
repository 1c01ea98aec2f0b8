import { type Kysely, sql } from "kysely";

/**
 * The reminders of letters sent by e-mail, each once: to whom, for which letter, step day and kind (due soon,
 * overdue, escalated to the head of the body). A new step day is a new reminder.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table letter_reminder_log (
      letter_id bigint not null references letter (id) on delete cascade,
      step_due date not null,
      kind text not null check (kind in ('due_soon', 'overdue', 'escalated')),
      recipient text not null,
      province_code text not null,
      sent_at timestamptz not null default now(),
      primary key (letter_id, step_due, kind, recipient)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists letter_reminder_log`.execute(db);
}
