/** The SQL of citizen reception: schedules and the sessions held. @module */
import { sql } from "kysely";
import { batched, inOrder } from "../../db/batch.ts";
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

/** Reception under a unit in [from, to], for a report; the schedules in force too when `schedules`. */
export interface ReceptionKey {
  unit: string;
  province: string;
  from: string;
  to: string;
  schedules: boolean;
}

/**
 * What reception under each unit came to in [from, to]: the days a head received citizens in person (each body's
 * day once; the regular office's days aside), every session held, the citizens and crowds received, the
 * dialogues held; the first day the province's reception is kept in danvan (its earliest schedule); and, when
 * asked, the heads' schedules in force. Reports saved at once share the statement (db/batch.ts).
 */
export const receptionFor = batched(async (db: Db, keys: readonly ReceptionKey[]) => {
  const { rows } = await sql<{
    i: number;
    days: number;
    sessions: number;
    citizens: number;
    groups: number;
    dialogues: number;
    since: string | null;
    schedules: Pick<ScheduleRow, "body_id" | "recurrences" | "valid_from" | "valid_to">[] | null;
  }>`
    select k.i::int as i, r.days, r.sessions, r.citizens, r.groups, d.dialogues, ks.since, sc.schedules
    from unnest(${keys.map((k) => k.unit)}::text[], ${keys.map((k) => k.province)}::text[],
                ${keys.map((k) => k.from)}::date[], ${keys.map((k) => k.to)}::date[],
                ${keys.map((k) => k.schedules)}::boolean[])
      with ordinality as k (unit, province, d_from, d_to, with_schedules, i)
    cross join lateral (
      select count(distinct (body_id, held_on)) filter (where in_person and receiver_role <> 'reception_office')::int as days,
             count(*)::int as sessions, coalesce(sum(citizens), 0)::int as citizens, coalesce(sum(groups), 0)::int as groups
      from reception_session
      where unit_path @> array[k.unit] and province_code = k.province and held_on between k.d_from and k.d_to
    ) r
    cross join lateral (
      select count(*)::int as dialogues from dialogue
      where unit_path @> array[k.unit] and province_code = k.province and held_on between k.d_from and k.d_to
    ) d
    cross join lateral (
      select min(valid_from)::text as since from reception_schedule where province_code = k.province
    ) ks
    left join lateral (
      select jsonb_agg(jsonb_build_object('body_id', body_id, 'recurrences', recurrences,
               'valid_from', valid_from, 'valid_to', valid_to) order by id) as schedules
      from reception_schedule
      where k.with_schedules and unit_path @> array[k.unit] and province_code = k.province
        and receiver_role <> 'reception_office' and valid_from <= k.d_to
        and (valid_to is null or valid_to >= k.d_from)
    ) sc on true
    order by k.i`.execute(db);
  return inOrder(
    keys.map((_, i) => i + 1),
    rows,
    (r) => r.i,
  ).map((r) => {
    if (!r) throw new Error("a unit's reception figures did not come back");
    return { ...r, schedules: r.schedules ?? [] };
  });
});

/**
 * The first day a province's reception is kept in danvan: its earliest schedule's; null before any. Reports
 * saved at once share the statement (db/batch.ts).
 */
export const keptSince = batched(async (db: Db, provinces: readonly string[]) => {
  const rows = await db
    .selectFrom("reception_schedule")
    .select(["province_code", sql<string>`min(valid_from)::text`.as("since")])
    .where("province_code", "in", [...provinces])
    .groupBy("province_code")
    .execute();
  const since = new Map(rows.map((r) => [r.province_code, r.since]));
  return provinces.map((p) => since.get(p) ?? null);
});

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
