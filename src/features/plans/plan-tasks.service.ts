/**
 * A plan's new tasks: checked against the plan (its assignee the plan's unit or a unit below it, its parent a
 * task of the same plan), written with their audit entry, in their own transaction or in the caller's (a
 * dialogue's commitment made a task); and the follow-up of tasks shown on the records they came from.
 * @module
 */
import { unitPath } from "../../access/access.repository.ts";
import type { Auth } from "../../access/access.ts";
import type { Db, PlanRow } from "../../db/database.ts";
import { errors } from "../../errors.ts";
import * as repo from "./plans.repository.ts";
import { audit, getPlan, managedPlan } from "./plans.service.ts";

export interface NewTaskInput {
  parentId?: number | null;
  title: string;
  assigneeUnitCode: string;
  dueOn: string;
  weight?: number;
}

/** A new task checked against its plan, ready to be written by `writeTask`. */
export interface CheckedTask {
  plan: PlanRow;
  a: Auth;
  assigneePath: string[];
  input: NewTaskInput;
}

/**
 * Checks a new task of a plan the user manages (404 otherwise): its assignee is the plan's unit or a unit below
 * it, its parent a task of the same plan.
 */
export async function checkNewTask(
  db: Db,
  auth: Auth | null,
  planId: number,
  input: NewTaskInput,
): Promise<CheckedTask> {
  const { plan, a } = await managedPlan(db, auth, planId);
  if (plan.status === "cancelled")
    throw errors.badRequest("Kế hoạch đã bị hủy", "The plan is cancelled", { field: "planId" });
  // the assignee's path (ancestors and itself) must pass through the plan's unit
  const assigneePath = await unitPath(db, input.assigneeUnitCode);
  if (!assigneePath?.includes(plan.unit_code)) {
    throw errors.badRequest(
      "Nhiệm vụ giao cho đơn vị của kế hoạch hoặc đơn vị trực thuộc",
      "A task goes to the plan's unit or a unit below it",
      { field: "assigneeUnitCode" },
    );
  }
  if (input.parentId) {
    const parent = await repo.findTask(db, input.parentId);
    if (!parent || parent.plan_id !== planId) {
      throw errors.badRequest(
        "Nhiệm vụ cha không thuộc kế hoạch này",
        "The parent task is not in this plan",
        {
          field: "parentId",
        },
      );
    }
  }
  return { plan, a, assigneePath, input };
}

/** Writes a checked task and its audit entry, inside the caller's transaction; the task. */
export async function writeTask(trx: Db, { plan, a, assigneePath, input }: CheckedTask) {
  const t = await repo.insertTask(trx, {
    plan_id: plan.id,
    parent_id: input.parentId ?? null,
    province_code: plan.province_code,
    title: input.title,
    assignee_unit_code: input.assigneeUnitCode,
    assignee_path: assigneePath,
    due_on: input.dueOn,
    weight: String(input.weight ?? 1),
  });
  await audit(trx, a, "plan_task.create", "plan_task", t.id, plan, {
    title: t.title,
    assignee: t.assignee_unit_code,
  });
  return t;
}

export async function addTask(db: Db, auth: Auth | null, planId: number, input: NewTaskInput) {
  const checked = await checkNewTask(db, auth, planId, input);
  return db.transaction().execute(async (trx) => {
    await writeTask(trx, checked);
    return getPlan(trx, auth, planId);
  });
}

/**
 * The follow-up of the given tasks, for the records that became tasks (a dialogue's commitments): status,
 * progress, day due and the plan's title. No access check: the caller shows them on a record it may read.
 */
export async function taskFollowUps(db: Db, ids: readonly number[]) {
  const rows = await repo.tasksWithPlan(db, [...ids]);
  return new Map(
    rows.map((t) => [
      t.id,
      {
        taskId: t.id,
        planId: t.plan_id,
        planTitle: t.plan_title,
        status: t.status,
        progress: t.progress,
        dueOn: t.due_on,
      },
    ]),
  );
}
