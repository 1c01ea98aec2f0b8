import { type Kysely, sql } from "kysely";

/**
 * Plans and their milestones can be corrected: a plan is stopped (cancelled, with its reason) and stays
 * visible as such; a milestone carries its version, and when it is marked done, its evidence (a registered
 * document, or a note of what shows it was done).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table plan
      add column status text not null default 'active' check (status in ('active', 'cancelled')),
      add column cancel_reason text`.execute(db);
  await sql`
    alter table plan_milestone
      add column evidence_note text not null default '',
      add column version integer not null default 1,
      add column updated_by integer references app_user (id),
      add column updated_at timestamptz not null default now()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table plan drop column if exists status, drop column if exists cancel_reason`.execute(db);
  await sql`
    alter table plan_milestone
      drop column if exists evidence_note,
      drop column if exists version,
      drop column if exists updated_by,
      drop column if exists updated_at`.execute(db);
}
