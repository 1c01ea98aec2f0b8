import { type Kysely, sql } from "kysely";

/**
 * How many letters each province holds, by kind and state, kept by a trigger in the same transaction as every
 * change to a letter, so a province's or the country's count reads a few thousand rows instead of every letter.
 * Each key is spread over eight buckets (by the letter's id) so that letters registered at once in one province
 * do not wait on one row. How many open letters are past their day depends on today, so it is counted from the
 * open letters' index, which now carries their kind and state (an index-only read).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table letter_tally (
      province_code text not null,
      kind text not null,
      status text not null,
      bucket smallint not null,
      n integer not null,
      primary key (province_code, kind, status, bucket)
    )`.execute(db);
  await sql`
    create function letter_tally_change() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then
        update letter_tally set n = n - 1
          where province_code = old.province_code and kind = old.kind and status = old.status
            and bucket = old.id % 8;
      end if;
      if tg_op in ('INSERT', 'UPDATE') then
        insert into letter_tally (province_code, kind, status, bucket, n)
          values (new.province_code, new.kind, new.status, new.id % 8, 1)
          on conflict (province_code, kind, status, bucket) do update set n = letter_tally.n + 1;
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger letter_tally_insert after insert or delete on letter
      for each row execute function letter_tally_change()`.execute(db);
  await sql`
    create trigger letter_tally_update after update of province_code, kind, status on letter
      for each row when ((old.province_code, old.kind, old.status) is distinct from
        (new.province_code, new.kind, new.status))
      execute function letter_tally_change()`.execute(db);
  await sql`
    insert into letter_tally (province_code, kind, status, bucket, n)
      select province_code, kind, status, id % 8, count(*) from letter group by 1, 2, 3, 4`.execute(db);
  await sql`drop index if exists letter_open_due_idx`.execute(db);
  await sql`
    create index letter_open_due_idx on letter (province_code, legal_due) include (kind, status)
      where status in ('received', 'accepted', 'suspended')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists letter_tally_update on letter`.execute(db);
  await sql`drop trigger if exists letter_tally_insert on letter`.execute(db);
  await sql`drop function if exists letter_tally_change()`.execute(db);
  await sql`drop table if exists letter_tally`.execute(db);
  await sql`drop index if exists letter_open_due_idx`.execute(db);
  await sql`
    create index letter_open_due_idx on letter (province_code, legal_due)
      where status in ('received', 'accepted', 'suspended')`.execute(db);
}
