/**
 * A plan made from an issued document in one step: a drafted Kế hoạch or Chương trình with its tasks becomes
 * the tracked plan (its registry entry cited), inside the caller's transaction.
 * @module
 */

import type { Kysely } from "kysely";
import { unitPath } from "../../access/access.repository.ts";
import { type Auth, requireUnitAccess } from "../../access/access.ts";
import type { Database } from "../../db/database.ts";
import { errors } from "../../errors.ts";
import * as repo from "./plans.repository.ts";
import { audit, planDto } from "./plans.service.ts";

type Db = Kysely<Database>;

/**
 * A plan and its tasks in one step, inside the caller's transaction (a drafted Kế hoạch becoming tracked): each
 * task to the plan's unit or a unit below it, checked before anything is written.
 */
export async function createPlanWithTasks(
  trx: Db,
  auth: Auth,
  input: {
    unitCode: string;
    title: string;
    registryDocumentId: number | null;
    tasks: { title: string; assigneeUnitCode: string; dueOn: string }[];
  },
) {
  const path = await requireUnitAccess(trx, auth, "plan.manage", input.unitCode);
  const paths = await Promise.all(input.tasks.map((t) => unitPath(trx, t.assigneeUnitCode)));
  const bad = paths.findIndex((p) => !p?.includes(input.unitCode));
  if (bad >= 0)
    throw errors.badRequest(
      "Nhiệm vụ giao cho đơn vị của kế hoạch hoặc đơn vị trực thuộc",
      "A task goes to the plan's unit or a unit below it",
      { field: `tasks.${bad}.assigneeUnitCode` },
    );
  const plan = await repo.insertPlan(trx, {
    unitCode: input.unitCode,
    provinceCode: path[0] ?? input.unitCode,
    title: input.title,
    registryDocumentId: input.registryDocumentId,
    createdBy: auth.userId,
  });
  await audit(trx, auth, "plan.create", "plan", plan.id, plan, planDto(plan));
  for (const [i, t] of input.tasks.entries()) {
    const task = await repo.insertTask(trx, {
      plan_id: plan.id,
      parent_id: null,
      province_code: plan.province_code,
      title: t.title,
      assignee_unit_code: t.assigneeUnitCode,
      assignee_path: paths[i] as string[],
      due_on: t.dueOn,
      weight: "1",
    });
    await audit(trx, auth, "plan_task.create", "plan_task", task.id, plan, {
      title: task.title,
      assignee: task.assignee_unit_code,
    });
  }
  return planDto(plan);
}
