import { type Kysely, sql } from "kysely";

/**
 * Which figure the consolidated report uses where a registry also holds one (the "Dân vận khéo" models):
 * per indicator, "reports" (the units' accepted reports, the default) or "registry", chosen by the requester
 * in one action and kept with its own text.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table consolidation_summary add column figure_sources jsonb not null default '{}'`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table consolidation_summary drop column if exists figure_sources`.execute(db);
}
