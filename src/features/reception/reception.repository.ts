/** The SQL of citizen reception: schedules and the sessions held. @module */
import { sql } from "kysely";
import type {
  Db,
  NewReceptionSchedule,
  NewReceptionSession,
  ReceptionScheduleRow,
  ReceptionScheduleRow as ScheduleRow,
  ReceptionSessionRow as SessionRow,
} from "../../db/database.ts";

export async function insertSchedule(db: Db, row: NewReceptionSchedule): Promise<ScheduleRow> {
  return db.insertInto("reception_schedule").values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findSchedule(db: Db, id: number): Promise<ScheduleRow | undefined> {
  return db.selectFrom("reception_schedule").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The schedules under a unit in force at some time in [from, to]. */
export async function schedulesUnder(
  db: Db,
  unitCode: string,
  from: string,
  to: string,
): Promise<ScheduleRow[]> {
  return db
    .selectFrom("reception_schedule")
    .selectAll()
    .where(sql<boolean>`unit_path @> array[${unitCode}]::text[]`)
    .where("valid_from", "<=", to)
    .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">=", from)]))
    .orderBy("unit_code")
    .orderBy("id")
    .execute();
}

export async function insertSession(db: Db, row: NewReceptionSession): Promise<SessionRow> {
  return db.insertInto("reception_session").values(row).returningAll().executeTakeFirstOrThrow();
}

/** The sessions held under a unit in [from, to], newest first. */
export async function sessionsUnder(db: Db, unitCode: string, from: string, to: string, limit: number) {
  return db
    .selectFrom("reception_session")
    .selectAll()
    .where(sql<boolean>`unit_path @> array[${unitCode}]::text[]`)
    .where("held_on", ">=", from)
    .where("held_on", "<=", to)
    .orderBy("held_on", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

/**
 * The sessions held on a schedule under a unit in [from, to]: its day, whether the leader received in person,
 * and whether a deputy received in the leader's place, for the month's compliance of every unit under it.
 */
export async function heldOnSchedules(db: Db, unitCode: string, from: string, to: string) {
  return db
    .selectFrom("reception_session")
    .select(["schedule_id", "held_on", "in_person"])
    .where(sql<boolean>`unit_path @> array[${unitCode}]::text[]`)
    .where("schedule_id", "is not", null)
    .where("held_on", ">=", from)
    .where("held_on", "<=", to)
    .execute();
}

export async function findSession(db: Db, id: number): Promise<SessionRow | undefined> {
  return db.selectFrom("reception_session").selectAll().where("id", "=", id).executeTakeFirst();
}

/**
 * What reception under a unit came to in [from, to]: the days a head received citizens in person (each body's day
 * once; the regular office's days aside), every session held, the citizens and crowds received.
 */
export async function receptionFigures(
  db: Db,
  unitCode: string,
  provinceCode: string,
  from: string,
  to: string,
) {
  const r = await db
    .selectFrom("reception_session")
    .select([
      sql<string>`count(distinct (body_id, held_on)) filter (where in_person and receiver_role <> 'reception_office')`.as(
        "days",
      ),
      sql<string>`count(*)`.as("sessions"),
      sql<string>`coalesce(sum(citizens), 0)`.as("citizens"),
      sql<string>`coalesce(sum(groups), 0)`.as("groups"),
    ])
    .where(sql<boolean>`unit_path @> array[${unitCode}]::text[]`)
    .where("province_code", "=", provinceCode)
    .where("held_on", ">=", from)
    .where("held_on", "<=", to)
    .executeTakeFirstOrThrow();
  return {
    days: Number(r.days),
    sessions: Number(r.sessions),
    citizens: Number(r.citizens),
    groups: Number(r.groups),
  };
}

/** The first day a province's reception is kept in danvan: its earliest schedule's; null before any. */
export async function keptSince(db: Db, provinceCode: string): Promise<string | null> {
  const r = await db
    .selectFrom("reception_schedule")
    .select(sql<string | null>`min(valid_from)::text`.as("since"))
    .where("province_code", "=", provinceCode)
    .executeTakeFirstOrThrow();
  return r.since;
}

/** Every stored reception minimum (a small table: law-wide and units' own rules). */
export async function receptionRules(db: Db) {
  return db.selectFrom("reception_rule").selectAll().orderBy("role").orderBy("valid_from").execute();
}

export async function insertReceptionRule(
  db: Db,
  row: {
    unit_code: string | null;
    role: ReceptionScheduleRow["receiver_role"];
    days: number;
    per: "week" | "month" | "working_day";
    valid_from: string;
    source: string;
    confidence: "confirmed" | "partly" | "unconfirmed";
    created_by: number;
  },
) {
  return db.insertInto("reception_rule").values(row).returningAll().executeTakeFirstOrThrow();
}

/** Whether a unit publishes its reception schedule (false when it never said). */
export async function isPublished(db: Db, unitCode: string): Promise<boolean> {
  const r = await db
    .selectFrom("reception_publication")
    .select("published")
    .where("unit_code", "=", unitCode)
    .executeTakeFirst();
  return r?.published ?? false;
}

export async function setPublished(
  db: Db,
  row: { unit_code: string; province_code: string; published: boolean; updated_by: number },
) {
  await db
    .insertInto("reception_publication")
    .values(row)
    .onConflict((oc) =>
      oc.column("unit_code").doUpdateSet({
        published: row.published,
        updated_by: row.updated_by,
        updated_at: sql`now()`,
      }),
    )
    .execute();
}
