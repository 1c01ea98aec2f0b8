import { type Kysely, sql } from "kysely";

/**
 * The e-mail reminders sent for plan tasks (overdue tasks flagged and reminded), one row per task,
 * kind and recipient, so each reminder goes out once; a failed send removes its row and is tried again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table task_reminder_log (
      task_id integer not null references plan_task (id) on delete cascade,
      kind text not null check (kind in ('due_soon', 'overdue')),
      recipient text not null,
      province_code text not null,
      sent_at timestamptz not null default now(),
      primary key (task_id, kind, recipient)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists task_reminder_log`.execute(db);
}
