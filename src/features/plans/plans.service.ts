/**
 * Implementation tracking: plans, their task trees assigned to units, milestones with evidence,
 * progress rolled up the tree and across units (src/domain/plan-progress.ts), overdue tasks flagged, and an
 * optional public page. Plan owners manage with `plan.manage` on the plan's unit; an assignee's editors update
 * their own tasks; reading needs `unit.read` on the plan's unit or on a task's unit. @module
 */
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { unitPath } from "../../access/access.repository.ts";
import {
  type Auth,
  coversPath,
  requirePermission,
  requireRecordAccess,
  requireUnitAccess,
  scopeCodes,
} from "../../access/access.ts";
import { appendAudit } from "../../audit/audit-log.repository.ts";
import type { Database, PlanRow, PlanTaskRow } from "../../db/database.ts";
import { todayInVietnam } from "../../domain/dates.ts";
import { byUnit, rollUp, type TaskNode } from "../../domain/plan-progress.ts";
import { errors } from "../../errors.ts";
import { citedDocumentOf, requireCitableDocument } from "../registry/registry.service.ts";
import * as repo from "./plans.repository.ts";

type Db = Kysely<Database>;

export const planDto = (p: PlanRow) => ({
  id: p.id,
  unitCode: p.unit_code,
  title: p.title,
  registryDocumentId: p.registry_document_id,
  isPublic: p.public_token !== null,
  publicToken: p.public_token,
  status: p.status as "active" | "cancelled",
  cancelReason: p.cancel_reason,
  version: p.version,
});

const node = (t: PlanTaskRow): TaskNode => ({
  id: t.id,
  parentId: t.parent_id,
  assigneeUnitCode: t.assignee_unit_code,
  dueOn: t.due_on,
  weight: Number(t.weight),
  status: t.status,
  progress: t.progress,
});

export async function audit(
  db: Db,
  a: Auth,
  action: string,
  entity: string,
  id: number,
  p: PlanRow,
  after: unknown,
  /** what a correction changed from */
  before: unknown = null,
) {
  await appendAudit(db, {
    actorId: a.userId,
    actorName: a.username,
    action,
    entity,
    entityId: String(id),
    unitCode: p.unit_code,
    scope: [p.province_code],
    before,
    after,
  });
}

/** The plan, readable by the user (its unit or one of its tasks' units); 404 otherwise. */
export async function readablePlan(
  db: Db,
  auth: Auth | null,
  id: number,
): Promise<{ plan: PlanRow; a: Auth; path: string[] }> {
  const a = requirePermission(auth, "unit.read");
  const plan = await repo.findPlan(db, id);
  if (!plan) throw errors.notFoundOrForbidden(String(id));
  const path = (await unitPath(db, plan.unit_code)) ?? [];
  if (coversPath(a, "unit.read", path)) return { plan, a, path };
  const tasks = await repo.tasksOf(db, [id]);
  if (tasks.some((t) => coversPath(a, "unit.read", t.assignee_path))) return { plan, a, path };
  throw errors.notFoundOrForbidden(String(id));
}

export async function managedPlan(
  db: Db,
  auth: Auth | null,
  id: number,
): Promise<{ plan: PlanRow; a: Auth }> {
  const plan = await repo.findPlan(db, id);
  await requireRecordAccess(db, auth, "plan.manage", id, plan && { unitCode: plan.unit_code });
  return { plan: plan as PlanRow, a: auth as Auth };
}

export async function createPlan(
  db: Db,
  auth: Auth | null,
  input: { unitCode: string; title: string; registryDocumentId?: number | null },
) {
  const path = await requireUnitAccess(db, auth, "plan.manage", input.unitCode);
  const a = auth as Auth;
  if (input.registryDocumentId) {
    await requireCitableDocument(db, auth, input.registryDocumentId, "registryDocumentId");
  }
  return db.transaction().execute(async (trx) => {
    const plan = await repo.insertPlan(trx, {
      unitCode: input.unitCode,
      provinceCode: path[0] ?? input.unitCode,
      title: input.title,
      registryDocumentId: input.registryDocumentId ?? null,
      createdBy: a.userId,
    });
    await audit(trx, a, "plan.create", "plan", plan.id, plan, planDto(plan));
    return planDto(plan);
  });
}

export async function listPlans(db: Db, auth: Auth | null, unitCode: string) {
  await requireUnitAccess(db, auth, "unit.read", unitCode);
  const today = todayInVietnam();
  const plans = await repo.listPlans(db, unitCode);
  // every plan's tasks in one query
  const all = await repo.tasksOf(
    db,
    plans.map((p) => p.id),
  );
  const items = [];
  for (const p of plans) {
    const tasks = all.filter((t) => t.plan_id === p.id).map(node);
    const r = rollUp(tasks, today);
    items.push({
      ...planDto(p),
      progress: r.plan,
      tasks: tasks.length,
      overdue: tasks.filter((t) => r.tasks.get(t.id)?.overdue).length,
    });
  }
  return { items };
}

/** The plan's page: the task tree with rolled-up progress and overdue flags, milestones, and who is behind. */
export async function getPlan(db: Db, auth: Auth | null, id: number) {
  // the plan's unit path: who manages it
  const { plan, a, path: managePath } = await readablePlan(db, auth, id);
  const view = await planView(db, plan, true);
  return {
    ...view,
    can: {
      manage: coversPath(a, "plan.manage", managePath),
      update: view.tasks
        .filter(
          (t) => coversPath(a, "plan.manage", t.assigneePath) || coversPath(a, "plan.manage", managePath),
        )
        .map((t) => t.id),
    },
  };
}

async function planView(db: Db, plan: PlanRow, internal: boolean) {
  const today = todayInVietnam();
  const rows = await repo.tasksOf(db, [plan.id]);
  const r = rollUp(rows.map(node), today);
  const milestones = await repo.milestonesOf(
    db,
    rows.map((t) => t.id),
  );
  const names = await repo.unitNames(db, [
    ...new Set([plan.unit_code, ...rows.map((t) => t.assignee_unit_code)]),
  ]);
  const document = plan.registry_document_id ? await citedDocumentOf(db, plan.registry_document_id) : null;
  return {
    ...planDto(plan),
    unitName: names.get(plan.unit_code) ?? plan.unit_code,
    document,
    progress: r.plan,
    tasks: rows.map((t) => ({
      id: t.id,
      parentId: t.parent_id,
      title: t.title,
      assigneeUnitCode: t.assignee_unit_code,
      assigneeName: names.get(t.assignee_unit_code) ?? t.assignee_unit_code,
      assigneePath: t.assignee_path,
      dueOn: t.due_on,
      weight: Number(t.weight),
      status: t.status,
      progress: r.tasks.get(t.id)?.progress ?? 0,
      enteredProgress: t.progress,
      overdue: r.tasks.get(t.id)?.overdue ?? false,
      note: internal ? t.note : "",
      version: t.version,
      milestones: milestones
        .filter((m) => m.task_id === t.id)
        .map((m) => ({
          id: m.id,
          title: m.title,
          dueOn: m.due_on,
          doneOn: m.done_on,
          evidenceDocumentId: internal ? m.evidence_document_id : null,
          evidenceNote: internal ? m.evidence_note : "",
          version: m.version,
        })),
    })),
    byUnit: byUnit(rows.map(node), today).map((u) => ({
      ...u,
      unitName: names.get(u.unitCode) ?? u.unitCode,
    })),
  };
}

/** What a task's audit entry records of it. */
const taskFields = (t: PlanTaskRow) => ({
  title: t.title,
  assignee: t.assignee_unit_code,
  dueOn: t.due_on,
  weight: t.weight,
  status: t.status,
  progress: t.progress,
});

/** The task and its plan, when the user updates tasks for its assignee or manages its plan; 404 otherwise. */
export async function updatableTask(db: Db, auth: Auth | null, taskId: number) {
  const a = requirePermission(auth, "plan.manage");
  const t = await repo.findTask(db, taskId);
  const plan = t ? await repo.findPlan(db, t.plan_id) : undefined;
  if (!t || !plan) throw errors.notFoundOrForbidden(String(taskId));
  const planPath = (await unitPath(db, plan.unit_code)) ?? [];
  if (!coversPath(a, "plan.manage", t.assignee_path) && !coversPath(a, "plan.manage", planPath)) {
    throw errors.notFoundOrForbidden(String(taskId));
  }
  return { a, t, plan };
}

/** The assignee's editors (or the plan's managers) set a task's status, progress and internal note. */
export async function updateTask(
  db: Db,
  auth: Auth | null,
  taskId: number,
  input: {
    version: number;
    status?: PlanTaskRow["status"];
    progress?: number | null;
    note?: string;
    /** corrections, by the plan's managers only */
    title?: string;
    assigneeUnitCode?: string;
    dueOn?: string;
    weight?: number;
  },
) {
  const { a, t, plan } = await updatableTask(db, auth, taskId);
  const correcting = [input.title, input.assigneeUnitCode, input.dueOn, input.weight].some(
    (x) => x !== undefined,
  );
  if (correcting && !coversPath(a, "plan.manage", (await unitPath(db, plan.unit_code)) ?? []))
    throw errors.forbidden();
  const assigneePath = input.assigneeUnitCode ? await unitPath(db, input.assigneeUnitCode) : null;
  if (input.assigneeUnitCode && !assigneePath?.includes(plan.unit_code))
    throw errors.badRequest(
      "Nhiệm vụ giao cho đơn vị của kế hoạch hoặc đơn vị trực thuộc",
      "A task goes to the plan's unit or a unit below it",
      { field: "assigneeUnitCode" },
    );
  return db.transaction().execute(async (trx) => {
    const row = await repo.updateTaskVersioned(trx, taskId, input.version, {
      ...(input.status ? { status: input.status } : {}),
      ...(input.progress !== undefined ? { progress: input.progress } : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(assigneePath ? { assignee_unit_code: input.assigneeUnitCode, assignee_path: assigneePath } : {}),
      ...(input.dueOn !== undefined ? { due_on: input.dueOn } : {}),
      ...(input.weight !== undefined ? { weight: String(input.weight) } : {}),
      updatedBy: a.userId,
    });
    if (!row) throw errors.stale(t.version);
    await audit(trx, a, "plan_task.update", "plan_task", taskId, plan, taskFields(row), taskFields(t));
    return getPlan(trx, auth, plan.id);
  });
}

export async function addMilestone(
  db: Db,
  auth: Auth | null,
  taskId: number,
  input: { title: string; dueOn: string; doneOn?: string | null; evidenceDocumentId?: number | null },
) {
  const { a, plan } = await updatableTask(db, auth, taskId);
  if (input.evidenceDocumentId) {
    await requireCitableDocument(db, auth, input.evidenceDocumentId, "evidenceDocumentId");
  }
  await db.transaction().execute(async (trx) => {
    const m = await repo.insertMilestone(trx, {
      task_id: taskId,
      province_code: plan.province_code,
      title: input.title,
      due_on: input.dueOn,
      done_on: input.doneOn ?? null,
      evidence_document_id: input.evidenceDocumentId ?? null,
      created_by: a.userId,
    });
    await audit(trx, a, "plan_milestone.create", "plan_milestone", m.id, plan, {
      taskId,
      title: m.title,
      dueOn: m.due_on,
      doneOn: m.done_on,
      evidenceDocumentId: m.evidence_document_id,
    });
  });
  return getPlan(db, auth, plan.id);
}

/** Turns the plan's public page on (a new unguessable address) or off. */
export async function setPublic(db: Db, auth: Auth | null, id: number, on: boolean) {
  const { plan, a } = await managedPlan(db, auth, id);
  const row = await repo.setPublicToken(db, id, on ? randomBytes(18).toString("base64url") : null);
  await audit(db, a, on ? "plan.publish" : "plan.unpublish", "plan", id, plan, { public: on });
  return planDto(row as PlanRow);
}

/** The public page: status, progress and milestones — no internal notes, no evidence links, no users. */
export async function publicPlan(db: Db, token: string) {
  const plan = await repo.findPlanByToken(db, token);
  if (!plan) throw errors.notFound("kế hoạch / plan", "public");
  const v = await planView(db, plan, false);
  return {
    title: v.title,
    unitName: v.unitName,
    document: v.document ? { numberSymbol: v.document.numberSymbol, issuedOn: v.document.issuedOn } : null,
    progress: v.progress,
    tasks: v.tasks.map((t) => ({
      id: t.id,
      parentId: t.parentId,
      title: t.title,
      assigneeName: t.assigneeName,
      dueOn: t.dueOn,
      status: t.status,
      progress: t.progress,
      overdue: t.overdue,
      milestones: t.milestones.map((m) => ({ title: m.title, dueOn: m.dueOn, doneOn: m.doneOn })),
    })),
  };
}

/** The overdue tasks of the units the user updates tasks for: flagged on the plans page and in the menu. */
export async function myOverdueTasks(db: Db, auth: Auth | null) {
  const a = requirePermission(auth, "unit.read");
  const scope = scopeCodes(a, "plan.manage");
  if (scope !== null && scope.length === 0) return { items: [] };
  const rows = await repo.overdueTasks(db, todayInVietnam(), scope, 100);
  const names = await repo.unitNames(db, [...new Set(rows.map((r) => r.assignee_unit_code))]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      dueOn: r.due_on,
      status: r.status,
      assigneeUnitCode: r.assignee_unit_code,
      assigneeName: names.get(r.assignee_unit_code) ?? r.assignee_unit_code,
      planId: r.plan_id,
      planTitle: r.plan_title,
    })),
  };
}
