import { type Kysely, sql } from "kysely";

/**
 * Consolidated totals that many servers can keep, and weighted averages:
 * - `totals_revision`: one counter per province, raised in the same transaction as every change to that
 *   province's totals rows; servers keep the totals they read in memory and compare the sum of the counters
 *   (one row per province, so accepts in different provinces never wait on each other);
 * - weighted averages: an indicator names the indicator that weighs it (e.g. the share of dossiers filed online
 *   is weighted by the number of dossiers), and each rollup row keeps Σ value × weight and Σ weight.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table totals_revision (
      province_code text primary key,
      revision bigint not null default 1
    )`.execute(db);
  await sql`alter table indicator add column weight_code text references indicator (code)`.execute(db);
  await sql`alter table rollup_value add column weighted_sum numeric not null default 0`.execute(db);
  await sql`alter table rollup_value add column weight numeric not null default 0`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table rollup_value drop column if exists weight`.execute(db);
  await sql`alter table rollup_value drop column if exists weighted_sum`.execute(db);
  await sql`alter table indicator drop column if exists weight_code`.execute(db);
  await sql`drop table if exists totals_revision`.execute(db);
}
