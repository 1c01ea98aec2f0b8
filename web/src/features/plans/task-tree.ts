/**
 * A plan's tasks as a tree: each task under the task it is part of.
 * @module
 */
import type { Task } from "./api/plans.ts";

/** How deep a task sits (0 for a task of the plan itself); a broken or looping chain stops at 10. */
export function depthOf(t: Task, all: Task[]): number {
  let d = 0;
  let cur = t;
  while (cur.parentId !== null && d < 10) {
    const p = all.find((x) => x.id === cur.parentId);
    if (!p) break;
    cur = p;
    d++;
  }
  return d;
}

/** Tasks in tree order: each task followed by its subtasks. */
export function treeOrder(tasks: Task[]): Task[] {
  const out: Task[] = [];
  const add = (parent: number | null) => {
    for (const t of tasks.filter((x) => x.parentId === parent)) {
      out.push(t);
      add(t.id);
    }
  };
  add(null);
  return out;
}
