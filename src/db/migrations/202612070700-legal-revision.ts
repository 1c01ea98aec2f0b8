import { type Kysely, sql } from "kysely";

/**
 * A revision counter for the rules deadlines are counted by: the working calendar (calendar_day,
 * calendar_year) and the stored time limits of letters (letter_clock_rule). Bumped by every statement that
 * changes one of them and announced on the channel `legal_revision`, so servers keep the calendar and the
 * rules in memory and read them again only when this number moves (the pattern of add-indicator-revision).
 */
const TABLES = ["calendar_day", "calendar_year", "letter_clock_rule"] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table legal_revision (id integer primary key check (id = 1), revision bigint not null)`.execute(
    db,
  );
  await sql`insert into legal_revision (id, revision) values (1, 1)`.execute(db);
  await sql`
    create function legal_revision_bump() returns trigger language plpgsql as $$
    declare next_revision bigint;
    begin
      update legal_revision set revision = revision + 1 where id = 1 returning revision into next_revision;
      perform pg_notify('legal_revision', next_revision::text);
      return null;
    end $$`.execute(db);
  for (const table of TABLES) {
    await sql`
      create trigger legal_revision_bump after insert or update or delete or truncate on ${sql.table(table)}
      for each statement execute function legal_revision_bump()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES)
    await sql`drop trigger if exists legal_revision_bump on ${sql.table(table)}`.execute(db);
  await sql`drop function if exists legal_revision_bump()`.execute(db);
  await sql`drop table if exists legal_revision`.execute(db);
}
