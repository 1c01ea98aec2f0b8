import { type Kysely, sql } from "kysely";

/**
 * The code of the same period a year earlier, kept on each request (null for an ad-hoc window), so that
 * loading a submission brings the unit's previous-period values in the same statement. New requests get it
 * from domain/periods.ts samePeriodLastYear; existing ones are filled here by the same rule, written in SQL
 * once: a multi-year span moves back by its own length (2022-2024 → 2019-2021), every other period by one
 * year with its suffix kept (2026Q3 → 2025Q3, 202603 → 202503).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table report_request add column previous_period_code text`.execute(db);
  await sql`
    update report_request set previous_period_code = case
      when period_type = 'ad_hoc' then null
      when period_type = 'multi_year' then
        (split_part(period_code, '-', 1)::int * 2 - split_part(period_code, '-', 2)::int - 1)::text || '-' ||
        (split_part(period_code, '-', 1)::int - 1)::text
      else (left(period_code, 4)::int - 1)::text || substr(period_code, 5)
    end`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table report_request drop column if exists previous_period_code`.execute(db);
}
