import { type Kysely, sql } from "kysely";

/**
 * A letter's close texts at its unit (repeated letters, linked at intake) are read from the unit's index alone:
 * the index carries each letter's text key and keyed name, so the comparison reads no table page. The text key
 * becomes plain letters and digits of at most 600 characters (what intake now writes), which an index entry holds.
 * The index by kind and state goes: the counts by kind and state read the tallies (migration letter-tally), and
 * every list starts from a unit, so it only cost each intake a write.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    update letter set content_key = left(btrim(regexp_replace(content_key, '[^a-z0-9]+', ' ', 'g')), 600)
    where content_key ~ '[^a-z0-9 ]' or length(content_key) > 600`.execute(db);
  await sql`drop index if exists letter_unit_idx`.execute(db);
  await sql`
    create index letter_unit_idx on letter (unit_code, received_on desc, id desc) include (content_key, person_key)`.execute(
    db,
  );
  await sql`drop index if exists letter_kind_status_idx`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create index if not exists letter_kind_status_idx on letter (kind, status)`.execute(db);
  await sql`drop index if exists letter_unit_idx`.execute(db);
  await sql`create index letter_unit_idx on letter (unit_code, received_on desc, id desc)`.execute(db);
}
