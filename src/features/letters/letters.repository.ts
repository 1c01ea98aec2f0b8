/** The SQL of citizens' letters: the cases, their sealed identities, their steps and links, the time limits. @module */
import { sql } from "kysely";
import { granted, type ScopeGrants } from "../../access/access.ts";
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
 * The same for a whole province, or the country (null): the counts from the tally the trigger keeps, those past
 * their day from the open letters' index (which holds their kind and state).
 */
export async function tallyLetters(db: Db, provinceCode: string | null, today: string) {
  let counts = db
    .selectFrom("letter_tally")
    .select(["kind", "status", sql<string>`sum(n)`.as("n")])
    .groupBy(["kind", "status"])
    .having(sql<boolean>`sum(n) > 0`);
  let late = db
    .selectFrom("letter")
    .select(["kind", "status", sql<string>`count(*)`.as("overdue")])
    .where("status", "in", OPEN)
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

/**
 * Letters that may be the same case: the same writer anywhere in the province (their keyed name hash), or a
 * close content at the same unit (trigram similarity of the text without accents), newest first.
 */
export async function similarLetters(
  db: Db,
  l: { province_code: string; unit_code: string; person_key: string; content_key: string; id: number },
) {
  const { province_code: provinceCode, person_key: personKey, content_key: contentKey } = l;
  const base = () =>
    db
      .selectFrom("letter")
      .select(["id", "code", "kind", "received_on", "status", "subject"])
      .select(sql<boolean>`person_key = ${personKey} and person_key <> ''`.as("same_person"))
      .select(sql<number>`round(similarity(content_key, ${contentKey})::numeric, 2)`.as("likeness"))
      .where("id", "<>", l.id);
  // two index-led reads, not one OR that a backward walk of the whole table would answer: the writer's other
  // letters in the province (by their keyed name), and the close texts at the same unit (a few hundred rows)
  const samePerson = base()
    .where("province_code", "=", provinceCode)
    .where("person_key", "=", personKey)
    .where("person_key", "<>", "")
    .orderBy("id", "desc")
    .limit(10);
  const sameText = base()
    .where("unit_code", "=", l.unit_code)
    .where(sql<boolean>`content_key % ${contentKey}`)
    // the unit's index order (letter_unit_idx): its own letters, newest first
    .orderBy("received_on", "desc")
    .orderBy("id", "desc")
    .limit(10);
  // each read in its own subquery, so its order and limit stay its own
  const both = db
    .selectFrom(samePerson.as("p"))
    .selectAll()
    .union(db.selectFrom(sameText.as("t")).selectAll());
  return db.selectFrom(both.as("x")).selectAll().orderBy("id", "desc").limit(10).execute();
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
): Promise<void> {
  await db
    .updateTable("letter_event")
    .set(n)
    .where("id", "=", eventId)
    .where("number_id", "is", null)
    .execute();
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

/** Letters under a unit received in [from, to], and those resolved in it, by kind. */
export async function countForPeriod(
  db: Db,
  unitCode: string,
  provinceCode: string | null,
  from: string,
  to: string,
) {
  let q = db
    .selectFrom("letter")
    .select("kind")
    .select([
      sql<string>`count(*) filter (where received_on between ${from} and ${to})`.as("received"),
      sql<string>`count(*) filter (where status = 'resolved' and closed_on between ${from} and ${to})`.as(
        "resolved",
      ),
    ])
    .where(sql<boolean>`unit_path @> array[${unitCode}]::text[]`)
    .where((eb) => eb.or([eb.between("received_on", from, to), eb.between("closed_on", from, to)]))
    .groupBy("kind")
    .orderBy("kind");
  if (provinceCode !== null) q = q.where("province_code", "=", provinceCode);
  return q.execute();
}
