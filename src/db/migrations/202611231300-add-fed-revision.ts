import { type Kysely, sql } from "kysely";

/**
 * A revision counter for what reports are fed from: the models registry (model_field, dvk_model,
 * dvk_model_year) and the dân vận chính quyền results (evaluation_scheme, evaluation). Bumped by every
 * statement that changes one of them and announced on the channel `fed_revision`, so servers keep each unit's
 * fed values in memory and read them again only when this number moves (see add-indicator-revision for the
 * same pattern).
 */
const TABLES = ["model_field", "dvk_model", "dvk_model_year", "evaluation_scheme", "evaluation"] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table fed_revision (id integer primary key check (id = 1), revision bigint not null)`.execute(
    db,
  );
  await sql`insert into fed_revision (id, revision) values (1, 1)`.execute(db);
  await sql`
    create function fed_revision_bump() returns trigger language plpgsql as $$
    declare next_revision bigint;
    begin
      update fed_revision set revision = revision + 1 where id = 1 returning revision into next_revision;
      perform pg_notify('fed_revision', next_revision::text);
      return null;
    end $$`.execute(db);
  for (const table of TABLES) {
    await sql`
      create trigger fed_revision_bump after insert or update or delete or truncate on ${sql.table(table)}
      for each statement execute function fed_revision_bump()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES)
    await sql`drop trigger if exists fed_revision_bump on ${sql.table(table)}`.execute(db);
  await sql`drop function if exists fed_revision_bump()`.execute(db);
  await sql`drop table if exists fed_revision`.execute(db);
}
