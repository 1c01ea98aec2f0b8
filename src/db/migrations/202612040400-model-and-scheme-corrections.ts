import { type Kysely, sql } from "kysely";

/**
 * A model can be stopped (with the day and the reason): it stays listed, marked, with its years and steps, and
 * takes no more steps. An evaluation scheme says which units it enrols: the communes (since the 2025 reform)
 * or the districts (before it).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table dvk_model
      add column stopped_on date,
      add column stop_reason text not null default ''`.execute(db);
  await sql`
    alter table evaluation_scheme
      add column enrols text not null default 'commune' check (enrols in ('commune', 'district'))`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table dvk_model drop column if exists stopped_on, drop column if exists stop_reason`.execute(
    db,
  );
  await sql`alter table evaluation_scheme drop column if exists enrols`.execute(db);
}
