/**
 * Implementation tracking: a plan or resolution breaks into tasks assigned to units, each with a
 * deadline, a status and a weight. Progress rolls up the task tree and across units as weighted averages;
 * a task past its deadline and not done is overdue. Default progress per status (0 / 50 / 100) is
 * configurable data, as the rule is ours, not the law's. Pure, no I/O.
 * @module
 */
import type { IsoDate } from "./dates.ts";

export type TaskStatus = "not_started" | "in_progress" | "done" | "cancelled";

/** Progress a status implies when none is entered (in_progress: halfway). */
export const DEFAULT_PROGRESS: Readonly<Record<TaskStatus, number>> = {
  not_started: 0,
  in_progress: 50,
  done: 100,
  cancelled: 0,
};

export interface TaskNode {
  id: number;
  parentId: number | null;
  assigneeUnitCode: string;
  dueOn: IsoDate;
  weight: number;
  status: TaskStatus;
  /** entered progress 0–100, or null for the status's default */
  progress: number | null;
}

export interface TaskProgress {
  id: number;
  /** the task's own or its subtasks' weighted progress, 0–100 with one decimal */
  progress: number;
  overdue: boolean;
  /** overdue tasks in this task's subtree (itself included) */
  overdueCount: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** A leaf's progress: done is 100, whatever was entered; otherwise the entered value or the default. */
function leafProgress(t: TaskNode): number {
  if (t.status === "done") return 100;
  if (t.status === "cancelled") return 0;
  return Math.max(0, Math.min(100, t.progress ?? DEFAULT_PROGRESS[t.status]));
}

export function isOverdue(t: Pick<TaskNode, "dueOn" | "status">, today: IsoDate): boolean {
  return t.dueOn < today && t.status !== "done" && t.status !== "cancelled";
}

/**
 * Progress of every task and of the whole plan: a task with subtasks takes their weighted average (cancelled
 * subtasks and zero weights count for nothing); the plan is the weighted average of its top-level tasks.
 */
export function rollUp(
  tasks: readonly TaskNode[],
  today: IsoDate,
): { tasks: Map<number, TaskProgress>; plan: number } {
  const children = new Map<number | null, TaskNode[]>();
  for (const t of tasks) children.set(t.parentId, [...(children.get(t.parentId) ?? []), t]);
  const out = new Map<number, TaskProgress>();
  const visit = (t: TaskNode, seen: Set<number>): TaskProgress => {
    if (seen.has(t.id)) throw new RangeError(`task ${t.id} is its own ancestor`);
    const kids = children.get(t.id) ?? [];
    const results = kids.map((k) => ({ k, r: visit(k, new Set([...seen, t.id])) }));
    const counted = results.filter(({ k }) => k.status !== "cancelled" && k.weight > 0);
    const total = counted.reduce((s, { k }) => s + k.weight, 0);
    const progress =
      kids.length === 0 || total === 0
        ? leafProgress(t)
        : t.status === "done"
          ? 100
          : counted.reduce((s, { k, r }) => s + r.progress * k.weight, 0) / total;
    const overdue = isOverdue(t, today);
    const r = {
      id: t.id,
      progress: round1(progress),
      overdue,
      overdueCount: (overdue ? 1 : 0) + results.reduce((s, { r: x }) => s + x.overdueCount, 0),
    };
    out.set(t.id, r);
    return r;
  };
  const top = (children.get(null) ?? []).map((t) => ({ t, r: visit(t, new Set()) }));
  const counted = top.filter(({ t }) => t.status !== "cancelled" && t.weight > 0);
  const total = counted.reduce((s, { t }) => s + t.weight, 0);
  return {
    tasks: out,
    plan: total === 0 ? 0 : round1(counted.reduce((s, { t, r }) => s + r.progress * t.weight, 0) / total),
  };
}

export interface UnitProgress {
  unitCode: string;
  tasks: number;
  progress: number;
  overdue: number;
}

/**
 * Across units: each assignee's weighted progress over its leaf tasks and its overdue count, those behind
 * first (most overdue, then least progress) — "who is behind".
 */
export function byUnit(tasks: readonly TaskNode[], today: IsoDate): UnitProgress[] {
  const parents = new Set(tasks.map((t) => t.parentId).filter((p) => p !== null));
  const leaves = tasks.filter((t) => !parents.has(t.id) && t.status !== "cancelled");
  const units = new Map<string, TaskNode[]>();
  for (const t of leaves) units.set(t.assigneeUnitCode, [...(units.get(t.assigneeUnitCode) ?? []), t]);
  return [...units]
    .map(([unitCode, ts]) => {
      const total = ts.reduce((s, t) => s + t.weight, 0);
      return {
        unitCode,
        tasks: ts.length,
        progress: total === 0 ? 0 : round1(ts.reduce((s, t) => s + leafProgress(t) * t.weight, 0) / total),
        overdue: ts.filter((t) => isOverdue(t, today)).length,
      };
    })
    .sort((a, b) => b.overdue - a.overdue || a.progress - b.progress || a.unitCode.localeCompare(b.unitCode));
}
