import { type Kysely, sql } from "kysely";

/**
 * An evaluation scheme withdrawn before any unit scored itself (set up for the wrong year or units) stays listed,
 * marked, with the day and the reason; another scheme may then take its place. A province keeps one standing
 * scheme a year for each kind of unit it scores (its communes, and its departments, in the same year).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table evaluation_scheme
      add column withdrawn_on date,
      add column withdrawn_reason text,
      add constraint evaluation_scheme_withdrawn_check
        check ((withdrawn_on is null) = (withdrawn_reason is null)),
      drop constraint evaluation_scheme_province_code_year_key`.execute(db);
  await sql`
    create unique index evaluation_scheme_standing_key
      on evaluation_scheme (province_code, year, enrols) where withdrawn_on is null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists evaluation_scheme_standing_key`.execute(db);
  await sql`
    alter table evaluation_scheme
      drop constraint if exists evaluation_scheme_withdrawn_check,
      drop column if exists withdrawn_reason,
      drop column if exists withdrawn_on,
      add constraint evaluation_scheme_province_code_year_key unique (province_code, year)`.execute(db);
}
