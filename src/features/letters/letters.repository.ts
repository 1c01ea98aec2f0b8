/** The SQL of citizens' letters: the cases, their sealed identities, their steps and links, the time limits. @module */
import { sql } from "kysely";
import { granted, type ScopeGrants } from "../../access/access.ts";
import { type AuditEntry, auditRow, insertAuditRows } from "../../audit/audit-row.ts";
import { batched, inOrder } from "../../db/batch.ts";
import type { Db, LetterEventRow, LetterRow, NewLetter } from "../../db/database.ts";
import type { LetterKind } from "../../domain/letter-clock.ts";
import type { LetterStatus } from "../../domain/letter-workflow.ts";

export async function insertLetter(db: Db, row: NewLetter): Promise<LetterRow> {
  return db.insertInto("letter").values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertIdentity(db: Db, letterId: number, keyId: string, sealed: Buffer): Promise<void> {
  await db.insertInto("letter_identity").values({ letter_id: letterId, key_id: keyId, sealed }).execute();
}

/** A letter's sealed identity (the writer's name, address, contacts, ID number), if it has one. */
export async function identityOf(db: Db, letterId: number) {
  return db
    .selectFrom("letter_identity")
    .select(["key_id", "sealed"])
    .where("letter_id", "=", letterId)
    .executeTakeFirst();
}

export async function findLetter(db: Db, id: number): Promise<LetterRow | undefined> {
  return db.selectFrom("letter").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findLetterByCode(db: Db, code: string): Promise<LetterRow | undefined> {
  return db.selectFrom("letter").selectAll().where("code", "=", code).executeTakeFirst();
}

export interface LetterFilter {
  /** the unit whose letters (its own and those of the units below) are listed */
  unitCode: string;
  provinceCode: string | null;
  kind: LetterKind | null;
  /** a state, or "open" for every state still being handled */
  status: LetterStatus | "open" | null;
  /** the legal clock: due on or before this day (overdue ones too), open cases only */
  dueBy: string | null;
  /** open cases past their legal day */
  overdueOn: string | null;
}

/** The columns a list shows: never the writer's identity, never the content. */
const LISTED = [
  "id",
  "code",
  "unit_code",
  "body_id",
  "kind",
  "channel",
  "received_on",
  "subject",
  "field",
  "flags",
  "anonymous",
  "status",
  "legal_due",
  "step_due",
  "closed_on",
  "outcome",
] as const;

export type ListedLetter = Pick<LetterRow, (typeof LISTED)[number]>;

const OPEN: LetterStatus[] = ["received", "accepted", "suspended"];

/** Letters under a unit that the grants of `scope` cover (null: all), soonest due first. */
export async function listLetters(
  db: Db,
  f: LetterFilter,
  scope: ScopeGrants | null,
  limit: number,
): Promise<ListedLetter[]> {
  let q = db
    .selectFrom("letter")
    .select(LISTED)
    .where(sql<boolean>`unit_path @> array[${f.unitCode}]::text[]`)
    .orderBy(sql`legal_due nulls last`)
    .orderBy("id", "desc")
    .limit(limit);
  if (f.provinceCode !== null) q = q.where("province_code", "=", f.provinceCode);
  if (f.kind !== null) q = q.where("kind", "=", f.kind);
  if (f.status === "open" || f.dueBy !== null || f.overdueOn !== null) q = q.where("status", "in", OPEN);
  else if (f.status !== null) q = q.where("status", "=", f.status);
  if (f.dueBy !== null) q = q.where("legal_due", "<=", f.dueBy);
  if (f.overdueOn !== null) q = q.where("legal_due", "<", f.overdueOn);
  if (scope !== null) q = q.where(granted(scope, "unit_path", "body_id"));
  return q.execute();
}

/** How many letters under a unit below a province, by kind and state, and how many open ones are past their day. */
export async function countLetters(db: Db, unitCode: string, provinceCode: string, today: string) {
  return db
    .selectFrom("letter")
    .select(["kind", "status"])
    .select((eb) => [
      eb.fn.countAll<string>().as("n"),
      sql<string>`count(*) filter (where status in ('received', 'accepted', 'suspended') and legal_due < ${today})`.as(
        "overdue",
      ),
    ])
    .where(sql<boolean>`unit_path @> array[${unitCode}]::text[]`)
    .where("province_code", "=", provinceCode)
    .groupBy(["kind", "status"])
    .orderBy("kind")
    .orderBy("status")
    .execute();
}

/**
 * A province's letters as the hot spots count them, by the unit that received them: the open ones flagged
 * crowded or heated, the crowded ones received since `since`, the open ones past their day.
 */
export async function hotspotCounts(db: Db, provinceCode: string, today: string, since: string) {
  return db
    .selectFrom("letter")
    .select("unit_code")
    .select([
      sql<number>`count(*) filter (where status in ('received', 'accepted', 'suspended') and 'crowded' = any(flags))::int`.as(
        "open_crowded",
      ),
      sql<number>`count(*) filter (where status in ('received', 'accepted', 'suspended') and 'heated' = any(flags))::int`.as(
        "open_heated",
      ),
      sql<number>`count(*) filter (where 'crowded' = any(flags) and received_on >= ${since})::int`.as(
        "crowded_recent",
      ),
      sql<number>`count(*) filter (where status in ('received', 'accepted', 'suspended') and legal_due < ${today})::int`.as(
        "overdue",
      ),
    ])
    .where("province_code", "=", provinceCode)
    .where((eb) => eb.or([eb("status", "in", OPEN), eb("received_on", ">=", since)]))
    .groupBy("unit_code")
    .execute();
}

/**
 * The same for a whole province, or the country (null), from the tallies the triggers keep (migration
 * letter-tally): the counts, and those past their day summed over the days before today.
 */
export async function tallyLetters(db: Db, provinceCode: string | null, today: string) {
  let counts = db
    .selectFrom("letter_tally")
    .select(["kind", "status", sql<string>`sum(n)`.as("n")])
    .groupBy(["kind", "status"])
    .having(sql<boolean>`sum(n) > 0`);
  let late = db
    .selectFrom("letter_due_tally")
    .select(["kind", "status", sql<string>`sum(n)`.as("overdue")])
    .where("legal_due", "<", today)
    .groupBy(["kind", "status"]);
  if (provinceCode !== null) {
    counts = counts.where("province_code", "=", provinceCode);
    late = late.where("province_code", "=", provinceCode);
  }
  return db
    .selectFrom(counts.as("c"))
    .leftJoin(late.as("o"), (j) => j.onRef("o.kind", "=", "c.kind").onRef("o.status", "=", "c.status"))
    .select(["c.kind", "c.status", "c.n", sql<string>`coalesce(o.overdue, 0)`.as("overdue")])
    .orderBy("c.kind")
    .orderBy("c.status")
    .execute();
}

/** An id for a letter about to be registered, so its identity is sealed to it before the write. */
export const nextLetterId = batched(async (db: Db, keys: readonly 1[]) => {
  const { rows } = await sql<{ id: number }>`
    select nextval('letter_id_seq') as id from generate_series(1, ${keys.length}::int)`.execute(db);
  return rows.map((r) => r.id);
});

/** A letter to register: its row (with the id drawn for it), its sealed identity, its audit entry. */
export interface LetterIntake {
  row: NewLetter & { id: number; round: number };
  /** a second-round complaint: the first round's letter, linked to it */
  firstRound?: number | null;
  identity: { key_id: string; sealed: Buffer } | null;
  audit: AuditEntry;
}

/** The letter's columns an intake writes, in the order of the statement below. */
const INTAKE_COLUMNS = `
  id code secret_hash unit_code unit_path province_code body_id kind round channel received_on subject content
  field sender_name person_key content_key anonymous flags crowd_size step_due legal_due created_by`
  .trim()
  .split(/\s+/);

/**
 * Registers a letter: the letter, its sealed identity, its link to the first round (a second-round complaint)
 * and its audit entry, in one statement. Concurrent intakes share it
 * (db/batch.ts: group commit); their rows go in in the tally's key order (migration letter-tally).
 */
export const registerLetter = batched(async (db: Db, items: readonly LetterIntake[]) => {
  const json = JSON.stringify(
    items.map(({ row, identity, audit, firstRound }, i) => ({
      ...row,
      i,
      first_round: firstRound ?? null,
      key_id: identity?.key_id ?? null,
      sealed: identity?.sealed.toString("base64") ?? null,
      audit: auditRow(audit),
    })),
  );
  const columns = sql.join(INTAKE_COLUMNS.map((c) => sql.ref(c)));
  const { rows } = await sql<LetterRow & { batch_index: number }>`
    with x as (
      select * from jsonb_to_recordset(${json}::jsonb) as x (
        i int, id bigint, code text, secret_hash text, unit_code text, unit_path text[], province_code text,
        body_id int, kind text, round smallint, first_round bigint, channel text, received_on date, subject text, content text, field text,
        sender_name text, person_key text, content_key text, anonymous boolean, flags text[], crowd_size int,
        step_due date, legal_due date, created_by int, key_id text, sealed text, audit jsonb)
    ), ins as (
      insert into letter (${columns})
      select ${columns} from x order by province_code, kind, id
      returning *
    ), idn as (
      insert into letter_identity (letter_id, key_id, sealed)
      select id, key_id, decode(sealed, 'base64') from x where sealed is not null
    ), lnk as (
      insert into letter_link (letter_id, other_id, kind)
      select id, first_round, 'second_round' from x where first_round is not null
    ), a as (
      ${insertAuditRows("x", "audit")}
    )
    select ins.*, x.i as batch_index from ins join x on x.id = ins.id`.execute(db);
  return inOrder(
    items.map((_, i) => i),
    rows,
    (r) => r.batch_index,
  ).map((r) => {
    if (!r) throw new Error("a registered letter did not come back");
    const { batch_index: _, ...letter } = r;
    return letter as LetterRow;
  });
});

/**
 * How alike two letters' texts must be for them to be shown as possibly the same case (pg_trgm's similarity;
 * letters of the same writer are shown whatever their text).
 */
export const LIKENESS_SHOWN = 0.6;
/**
 * Texts are compared among the unit's letters received within this many days of the letter, before or after
 * (letters on one matter from many writers come in a wave; the same writer's are found by the keyed name
 * whenever they came), at most TEXT_COMPARED of them, read from the unit's index alone (migration
 * letter-unit-texts): a comparison costs a few microseconds.
 */
const TEXT_DAYS = 90;
const TEXT_COMPARED = 500;

/**
 * The letters that may be the same case as `l`, earlier or later, shown on its page, never merged: the
 * writer's other letters in the province (by the keyed name) and the close texts at the same unit; two
 * index-led reads, at most 10 letters, newest first.
 */
export async function similarLetters(
  db: Db,
  l: Pick<LetterRow, "id" | "province_code" | "unit_code" | "person_key" | "content_key" | "received_on">,
) {
  const { rows } = await sql<{
    id: number;
    code: string;
    unit_path: string[];
    body_id: number;
    letter_kind: string;
    status: string;
    received_on: string;
  }>`
    select l.id, l.code, l.unit_path, l.body_id, l.kind as letter_kind, l.status, l.received_on
    from (
      (select m.id from letter m
        where m.province_code = ${l.province_code} and m.person_key = ${l.person_key} and m.person_key <> ''
          and m.id <> ${l.id}
        order by m.id desc limit 10)
      union
      (select u.id from (
          select m.id, m.content_key from letter m
          where m.unit_code = ${l.unit_code} and m.id <> ${l.id}
            and m.received_on between ${l.received_on}::date - ${TEXT_DAYS}::int and ${l.received_on}::date + ${TEXT_DAYS}::int
          order by m.received_on desc, m.id desc limit ${TEXT_COMPARED}) u
        where similarity(u.content_key, ${l.content_key}) >= ${LIKENESS_SHOWN}
        order by u.id desc limit 10)
    ) c join letter l on l.id = c.id
    order by l.id desc limit 10`.execute(db);
  return rows;
}

export async function insertLinks(
  db: Db,
  links: {
    letter_id: number;
    other_id: number;
    kind: "same_person_content" | "repeat" | "second_round" | "transfer";
  }[],
): Promise<void> {
  if (links.length === 0) return;
  await db
    .insertInto("letter_link")
    .values(links)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The letters linked to one, either way, with what links them. */
export async function linksOf(db: Db, letterId: number) {
  return db
    .selectFrom("letter_link as k")
    .innerJoin("letter as l", (j) =>
      j.on(sql<boolean>`l.id = case when k.letter_id = ${letterId} then k.other_id else k.letter_id end`),
    )
    .select([
      "k.kind",
      "l.id",
      "l.code",
      "l.unit_path",
      "l.body_id",
      "l.kind as letter_kind",
      "l.status",
      "l.received_on",
    ])
    .where((eb) => eb.or([eb("k.letter_id", "=", letterId), eb("k.other_id", "=", letterId)]))
    .orderBy("l.id")
    .execute();
}

/** Writes a letter if it still has `version`; undefined when someone else wrote first. */
export async function updateLetterVersioned(
  db: Db,
  id: number,
  version: number,
  set: Partial<Omit<NewLetter, "id" | "version" | "code" | "secret_hash" | "created_by" | "created_at">>,
): Promise<LetterRow | undefined> {
  return db
    .updateTable("letter")
    .set((eb) => ({ ...set, version: eb("version", "+", 1), updated_at: sql<Date>`now()` }))
    .where("id", "=", id)
    .where("version", "=", version)
    .returningAll()
    .executeTakeFirst();
}

export async function insertEvent(
  db: Db,
  row: Omit<
    LetterEventRow,
    "id" | "at" | "note" | "days" | "number_id" | "number_symbol" | "registry_document_id"
  > &
    Partial<Pick<LetterEventRow, "note" | "days" | "number_id" | "number_symbol" | "registry_document_id">>,
): Promise<LetterEventRow> {
  return db.insertInto("letter_event").values(row).returningAll().executeTakeFirstOrThrow();
}

export async function eventsOf(db: Db, letterId: number): Promise<LetterEventRow[]> {
  return db.selectFrom("letter_event").selectAll().where("letter_id", "=", letterId).orderBy("id").execute();
}

export async function setEventNumber(
  db: Db,
  eventId: number,
  n: { number_id: number; number_symbol: string; registry_document_id: number | null },
): Promise<boolean> {
  const r = await db
    .updateTable("letter_event")
    .set(n)
    .where("id", "=", eventId)
    .where("number_id", "is", null)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** Stores a time limit from its date (the same key and date: replaced). */
export async function upsertClockRule(
  db: Db,
  row: {
    key: string;
    valid_from: string;
    days: number;
    count: "calendar" | "working";
    source: string;
    confidence: "confirmed" | "partly" | "unconfirmed";
    updated_by: number;
  },
) {
  return db
    .insertInto("letter_clock_rule")
    .values(row)
    .onConflict((oc) =>
      oc.columns(["key", "valid_from"]).doUpdateSet((eb) => ({
        days: eb.ref("excluded.days"),
        count: eb.ref("excluded.count"),
        source: eb.ref("excluded.source"),
        confidence: eb.ref("excluded.confidence"),
        updated_by: eb.ref("excluded.updated_by"),
        updated_at: sql<Date>`now()`,
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The administrator's stored time limits (each from its date). */
export async function clockRules(db: Db) {
  return db.selectFrom("letter_clock_rule").selectAll().orderBy("key").orderBy("valid_from").execute();
}
