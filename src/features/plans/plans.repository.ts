/** SQL for plans, their task trees and milestones. @module */
import { type Kysely, sql } from "kysely";
import type { Database, PlanMilestoneRow, PlanRow, PlanTaskRow } from "../../db/database.ts";

type Db = Kysely<Database>;

export async function insertPlan(
  db: Db,
  p: {
    unitCode: string;
    provinceCode: string;
    title: string;
    registryDocumentId: number | null;
    createdBy: number;
  },
): Promise<PlanRow> {
  return db
    .insertInto("plan")
    .values({
      unit_code: p.unitCode,
      province_code: p.provinceCode,
      title: p.title,
      registry_document_id: p.registryDocumentId,
      created_by: p.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findPlan(db: Db, id: number): Promise<PlanRow | undefined> {
  return db.selectFrom("plan").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findPlanByToken(db: Db, token: string): Promise<PlanRow | undefined> {
  return db.selectFrom("plan").selectAll().where("public_token", "=", token).executeTakeFirst();
}

/** Plans of a unit, and the plans with a task assigned to a unit below `unitCode` (its own included). */
export async function listPlans(db: Db, unitCode: string): Promise<PlanRow[]> {
  return db
    .selectFrom("plan")
    .selectAll()
    .where((eb) =>
      eb.or([
        eb("unit_code", "=", unitCode),
        eb(
          "id",
          "in",
          eb.selectFrom("plan_task").select("plan_id").where(sql<boolean>`${unitCode} = any(assignee_path)`),
        ),
      ]),
    )
    .orderBy("created_at", "desc")
    .limit(200)
    .execute();
}

export async function setPublicToken(db: Db, id: number, token: string | null): Promise<PlanRow | undefined> {
  return db
    .updateTable("plan")
    .set({ public_token: token, version: sql`version + 1`, updated_at: sql`now()` })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirst();
}

export async function insertTask(
  db: Db,
  t: Omit<PlanTaskRow, "id" | "status" | "progress" | "note" | "version" | "updated_by" | "updated_at">,
): Promise<PlanTaskRow> {
  return db.insertInto("plan_task").values(t).returningAll().executeTakeFirstOrThrow();
}

export async function findTask(db: Db, id: number): Promise<PlanTaskRow | undefined> {
  return db.selectFrom("plan_task").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The tasks of the given plans, in the order they were added. */
export async function tasksOf(db: Db, planIds: number[]): Promise<PlanTaskRow[]> {
  if (planIds.length === 0) return [];
  return db.selectFrom("plan_task").selectAll().where("plan_id", "in", planIds).orderBy("id").execute();
}

/** The given tasks with their plan's title. */
export async function tasksWithPlan(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom("plan_task as t")
    .innerJoin("plan as p", "p.id", "t.plan_id")
    .select(["t.id", "t.plan_id", "p.title as plan_title", "t.status", "t.progress", "t.due_on"])
    .where("t.id", "in", ids)
    .execute();
}

/** Updates a task if `version` is current; undefined otherwise. */
export async function updateTaskVersioned(
  db: Db,
  id: number,
  version: number,
  set: {
    status?: PlanTaskRow["status"];
    progress?: number | null;
    note?: string;
    /** corrections by the plan's managers */
    title?: string;
    assignee_unit_code?: string;
    assignee_path?: string[];
    due_on?: string;
    weight?: string;
    updatedBy: number;
  },
): Promise<PlanTaskRow | undefined> {
  const { updatedBy, ...fields } = set;
  return db
    .updateTable("plan_task")
    .set({ ...fields, updated_by: updatedBy, version: sql`version + 1`, updated_at: sql`now()` })
    .where("id", "=", id)
    .where("version", "=", version)
    .returningAll()
    .executeTakeFirst();
}

export async function insertMilestone(
  db: Db,
  m: Omit<
    PlanMilestoneRow,
    "id" | "created_at" | "version" | "updated_by" | "updated_at" | "evidence_note"
  > & {
    evidence_note?: string;
  },
): Promise<PlanMilestoneRow> {
  return db.insertInto("plan_milestone").values(m).returningAll().executeTakeFirstOrThrow();
}

export async function milestonesOf(db: Db, taskIds: number[]): Promise<PlanMilestoneRow[]> {
  if (taskIds.length === 0) return [];
  return db
    .selectFrom("plan_milestone")
    .selectAll()
    .where("task_id", "in", taskIds)
    .orderBy("due_on")
    .execute();
}

/** Unit names for the plan page. */
export async function unitNames(db: Db, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom("unit")
    .select(["code", "full_name"])
    .where("code", "in", codes)
    .orderBy("code")
    .orderBy(sql`valid_to desc nulls first`)
    .execute();
  const out = new Map<string, string>();
  for (const r of rows) if (!out.has(r.code)) out.set(r.code, r.full_name);
  return out;
}

/** Tasks past their deadline and not done, for units under the given codes (null: everywhere), oldest first. */
export async function overdueTasks(db: Db, today: string, scope: string[] | null, limit: number) {
  let q = db
    .selectFrom("plan_task as t")
    .innerJoin("plan as p", "p.id", "t.plan_id")
    .select([
      "t.id",
      "t.title",
      "t.due_on",
      "t.assignee_unit_code",
      "t.status",
      "p.id as plan_id",
      "p.title as plan_title",
    ])
    .where("t.due_on", "<", today)
    .where("t.status", "in", ["not_started", "in_progress"])
    // a stopped plan's tasks are late no more
    .where("p.status", "=", "active");
  if (scope !== null) q = q.where(sql<boolean>`t.assignee_path && ${sql.val(scope)}::text[]`);
  return q.orderBy("t.due_on").orderBy("t.id").limit(limit).execute();
}

export interface RemindableTask {
  id: number;
  title: string;
  due_on: string;
  status: string;
  assignee_unit_code: string;
  province_code: string;
  plan_id: number;
  plan_title: string;
  unit_name: string;
}

/** Open tasks (not done, not cancelled) of active plans whose deadline lies between `from` and `to`, for the reminder run. */
export async function remindableTasks(
  db: Db,
  from: string,
  to: string,
  limit: number,
): Promise<RemindableTask[]> {
  return (
    db
      .selectFrom("plan_task as t")
      .innerJoin("plan as p", "p.id", "t.plan_id")
      .leftJoin("unit as u", (j) =>
        j.onRef("u.code", "=", "t.assignee_unit_code").on(sql<boolean>`u.valid_to is null`),
      )
      .select([
        "t.id",
        "t.title",
        "t.due_on",
        "t.status",
        "t.assignee_unit_code",
        "t.province_code",
        "p.id as plan_id",
        "p.title as plan_title",
        sql<string>`coalesce(u.full_name, t.assignee_unit_code)`.as("unit_name"),
      ])
      .where("t.status", "in", ["not_started", "in_progress"])
      // nobody is reminded of a stopped plan
      .where("p.status", "=", "active")
      .where("t.due_on", ">=", from)
      .where("t.due_on", "<=", to)
      .orderBy("t.due_on")
      .orderBy("t.id")
      .limit(limit)
      .execute()
  );
}

/** Records a task reminder; false when this one was sent before (so it is not sent twice). */
export async function logTaskReminder(
  db: Db,
  r: { taskId: number; kind: "due_soon" | "overdue"; recipient: string; provinceCode: string },
): Promise<boolean> {
  const row = await db
    .insertInto("task_reminder_log")
    .values({ task_id: r.taskId, kind: r.kind, recipient: r.recipient, province_code: r.provinceCode })
    .onConflict((oc) => oc.columns(["task_id", "kind", "recipient"]).doNothing())
    .returning("task_id")
    .executeTakeFirst();
  return row !== undefined;
}

/** Takes back a logged task reminder whose e-mail could not be sent, so the next run tries again. */
export async function forgetTaskReminder(
  db: Db,
  r: { taskId: number; kind: "due_soon" | "overdue"; recipient: string },
): Promise<void> {
  await db
    .deleteFrom("task_reminder_log")
    .where("task_id", "=", r.taskId)
    .where("kind", "=", r.kind)
    .where("recipient", "=", r.recipient)
    .execute();
}

/** Writes a plan's title or status if it still has `version`; undefined when someone else wrote first. */
export async function updatePlanVersioned(
  db: Db,
  id: number,
  version: number,
  set: { title?: string; status?: "active" | "cancelled"; cancel_reason?: string | null },
): Promise<PlanRow | undefined> {
  return db
    .updateTable("plan")
    .set({ ...set, version: sql`version + 1`, updated_at: sql`now()` })
    .where("id", "=", id)
    .where("version", "=", version)
    .returningAll()
    .executeTakeFirst();
}

export async function findMilestone(db: Db, id: number): Promise<PlanMilestoneRow | undefined> {
  return db.selectFrom("plan_milestone").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Writes a milestone if it still has `version`; undefined when someone else wrote first. */
export async function updateMilestoneVersioned(
  db: Db,
  id: number,
  version: number,
  set: {
    title?: string;
    due_on?: string;
    done_on?: string | null;
    evidence_document_id?: number | null;
    evidence_note?: string;
    updated_by: number;
  },
): Promise<PlanMilestoneRow | undefined> {
  return db
    .updateTable("plan_milestone")
    .set({ ...set, version: sql`version + 1`, updated_at: sql`now()` })
    .where("id", "=", id)
    .where("version", "=", version)
    .returningAll()
    .executeTakeFirst();
}
