import { type Kysely, sql } from "kysely";

/**
 * A revision counter bumped by every statement that changes `unit`: readers cache hierarchy answers and check
 * one tiny row to know whether they are still fresh (also across processes, e.g. a CLI import). Each bump is
 * also announced on the channel `unit_revision`, so a listening server need not even read the row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table unit_revision (id integer primary key check (id = 1), revision bigint not null)`.execute(
    db,
  );
  await sql`insert into unit_revision (id, revision) values (1, 1)`.execute(db);
  await sql`
    create function unit_revision_bump() returns trigger language plpgsql as $$
    declare next_revision bigint;
    begin
      update unit_revision set revision = revision + 1 where id = 1 returning revision into next_revision;
      perform pg_notify('unit_revision', next_revision::text);
      return null;
    end $$`.execute(db);
  await sql`
    create trigger unit_revision_bump after insert or update or delete or truncate on unit
    for each statement execute function unit_revision_bump()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists unit_revision_bump on unit`.execute(db);
  await sql`drop function if exists unit_revision_bump()`.execute(db);
  await sql`drop table if exists unit_revision`.execute(db);
}
