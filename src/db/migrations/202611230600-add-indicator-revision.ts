import { type Kysely, sql } from "kysely";

/**
 * A revision counter for the indicator catalogue, bumped by every statement that changes `indicator` and
 * announced on the channel `indicator_revision`: every report page and write reads the catalogue, so servers
 * keep it in memory and reload it only when this number moves (see add-unit-revision for the same pattern).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table indicator_revision (id integer primary key check (id = 1), revision bigint not null)`.execute(
    db,
  );
  await sql`insert into indicator_revision (id, revision) values (1, 1)`.execute(db);
  await sql`
    create function indicator_revision_bump() returns trigger language plpgsql as $$
    declare next_revision bigint;
    begin
      update indicator_revision set revision = revision + 1 where id = 1 returning revision into next_revision;
      perform pg_notify('indicator_revision', next_revision::text);
      return null;
    end $$`.execute(db);
  await sql`
    create trigger indicator_revision_bump after insert or update or delete or truncate on indicator
    for each statement execute function indicator_revision_bump()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists indicator_revision_bump on indicator`.execute(db);
  await sql`drop function if exists indicator_revision_bump()`.execute(db);
  await sql`drop table if exists indicator_revision`.execute(db);
}
