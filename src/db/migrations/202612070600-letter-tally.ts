import { type Kysely, sql } from "kysely";

/**
 * How many letters each province holds, kept by triggers in the same transaction as every change to a letter,
 * so a province's or the country's count reads a few thousand rows instead of every letter:
 * - `letter_tally`: every letter by kind and state. Each key is spread over eight buckets (by the letter's id)
 *   so that letters registered at once in one province do not wait on one row.
 * - `letter_due_tally`: the open letters (received, accepted, suspended) by kind, state and legal day, so how
 *   many are past their day on any date is a sum over the days before it. A key whose count falls to zero is
 *   deleted, so the table holds only days that still have open letters.
 * The triggers are statement-level with transition tables: a batch of letters registered in one statement is
 * one upsert per key, applied in key order, so two batches never take the same rows in opposite orders.
 */
const OPEN = sql.raw(`('received', 'accepted', 'suspended')`);

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
    create table letter_due_tally (
      province_code text not null,
      kind text not null,
      status text not null,
      legal_due date not null,
      n integer not null,
      primary key (province_code, kind, status, legal_due)
    )`.execute(db);
  await sql`create index letter_due_tally_day_idx on letter_due_tally (legal_due)`.execute(db);

  // an insert counts its rows +1 under their keys, a delete -1; an update moves the rows whose keys changed
  for (const [name, parts] of [
    ["letter_tally_add", ["new_rows", 1]],
    ["letter_tally_remove", ["old_rows", -1]],
  ] as const) {
    const [rows, sign] = parts;
    await sql`
      create function ${sql.raw(name)}() returns trigger language plpgsql as $$
      begin
        insert into letter_tally (province_code, kind, status, bucket, n)
          select province_code, kind, status, (id % 8)::smallint, ${sql.raw(String(sign))} * count(*)
          from ${sql.raw(rows)} group by 1, 2, 3, 4 order by 1, 2, 3, 4
          on conflict (province_code, kind, status, bucket) do update set n = letter_tally.n + excluded.n;
        insert into letter_due_tally (province_code, kind, status, legal_due, n)
          select province_code, kind, status, legal_due, ${sql.raw(String(sign))} * count(*)
          from ${sql.raw(rows)} where status in ${OPEN} and legal_due is not null
          group by 1, 2, 3, 4 order by 1, 2, 3, 4
          on conflict (province_code, kind, status, legal_due) do update set n = letter_due_tally.n + excluded.n;
        -- the rows just written are this transaction's: deleting the emptied ones takes no new lock
        delete from letter_due_tally t using ${sql.raw(rows)} r
          where t.n = 0 and (t.province_code, t.kind, t.status, t.legal_due)
            = (r.province_code, r.kind, r.status, r.legal_due);
        return null;
      end $$`.execute(db);
  }
  await sql`
    create function letter_tally_move() returns trigger language plpgsql as $$
    begin
      with pairs as (
        select o.province_code as o_province, o.kind as o_kind, o.status as o_status, o.legal_due as o_due,
               n.province_code, n.kind, n.status, n.legal_due, (n.id % 8)::smallint as bucket
        from old_rows o join new_rows n on n.id = o.id
        where (o.province_code, o.kind, o.status, o.legal_due) is distinct from
              (n.province_code, n.kind, n.status, n.legal_due)
      ), counted as (
        select o_province as province_code, o_kind as kind, o_status as status, bucket, -1 as d from pairs
        union all
        select province_code, kind, status, bucket, 1 from pairs
      ), due as (
        select o_province as province_code, o_kind as kind, o_status as status, o_due as legal_due, -1 as d
          from pairs where o_status in ${OPEN} and o_due is not null
        union all
        select province_code, kind, status, legal_due, 1
          from pairs where status in ${OPEN} and legal_due is not null
      ), t as (
        insert into letter_tally (province_code, kind, status, bucket, n)
          select province_code, kind, status, bucket, sum(d) from counted
          group by 1, 2, 3, 4 having sum(d) <> 0 order by 1, 2, 3, 4
          on conflict (province_code, kind, status, bucket) do update set n = letter_tally.n + excluded.n
      )
      insert into letter_due_tally (province_code, kind, status, legal_due, n)
        select province_code, kind, status, legal_due, sum(d) from due
        group by 1, 2, 3, 4 having sum(d) <> 0 order by 1, 2, 3, 4
        on conflict (province_code, kind, status, legal_due) do update set n = letter_due_tally.n + excluded.n;
      delete from letter_due_tally t using old_rows o
        where t.n = 0 and (t.province_code, t.kind, t.status, t.legal_due)
          = (o.province_code, o.kind, o.status, o.legal_due);
      return null;
    end $$`.execute(db);
  await sql`
    create trigger letter_tally_insert after insert on letter referencing new table as new_rows
      for each statement execute function letter_tally_add()`.execute(db);
  await sql`
    create trigger letter_tally_delete after delete on letter referencing old table as old_rows
      for each statement execute function letter_tally_remove()`.execute(db);
  await sql`
    create trigger letter_tally_update after update on letter referencing old table as old_rows new table as new_rows
      for each statement execute function letter_tally_move()`.execute(db);
  await sql`
    insert into letter_tally (province_code, kind, status, bucket, n)
      select province_code, kind, status, id % 8, count(*) from letter group by 1, 2, 3, 4`.execute(db);
  await sql`
    insert into letter_due_tally (province_code, kind, status, legal_due, n)
      select province_code, kind, status, legal_due, count(*) from letter
      where status in ${OPEN} and legal_due is not null group by 1, 2, 3, 4`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["insert", "delete", "update"])
    await sql`drop trigger if exists ${sql.raw(`letter_tally_${t}`)} on letter`.execute(db);
  for (const f of ["add", "remove", "move"])
    await sql`drop function if exists ${sql.raw(`letter_tally_${f}`)}()`.execute(db);
  await sql`drop table if exists letter_due_tally`.execute(db);
  await sql`drop table if exists letter_tally`.execute(db);
}
