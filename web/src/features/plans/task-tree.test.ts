import { describe, expect, it } from "vitest";
import type { Task } from "./api/plans.ts";
import { depthOf, treeOrder } from "./task-tree.ts";

const task = (id: number, parentId: number | null) => ({ id, parentId }) as Task;

describe("a plan's task tree", () => {
  const tasks = [task(3, 1), task(1, null), task(4, 3), task(2, null)];
  it("lists each task followed by its subtasks", () => {
    expect(treeOrder(tasks).map((t) => t.id)).toEqual([1, 3, 4, 2]);
  });
  it.each([
    [1, 0],
    [3, 1],
    [4, 2],
  ])("task %i sits at depth %i", (id, depth) => {
    expect(depthOf(tasks.find((t) => t.id === id) as Task, tasks)).toBe(depth);
  });
  it("stops on a chain that loops", () => {
    const loop = [task(1, 2), task(2, 1)];
    expect(depthOf(loop[0] as Task, loop)).toBe(10);
  });
});
