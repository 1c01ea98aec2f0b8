import { describe, expect, it } from "vitest";
import { byUnit, isOverdue, rollUp, type TaskNode } from "./plan-progress.ts";

const task = (t: Partial<TaskNode> & { id: number }): TaskNode => ({
  parentId: null,
  assigneeUnitCode: "30037",
  dueOn: "2026-12-31",
  weight: 1,
  status: "not_started",
  progress: null,
  ...t,
});

describe("rollUp", () => {
  it.each<[string, TaskNode[], number]>([
    ["no tasks", [], 0],
    ["one done", [task({ id: 1, status: "done" })], 100],
    ["in progress by default is halfway", [task({ id: 1, status: "in_progress" })], 50],
    ["entered progress wins", [task({ id: 1, status: "in_progress", progress: 80 })], 80],
    ["done is 100 whatever was entered", [task({ id: 1, status: "done", progress: 10 })], 100],
    [
      "weighted: 3 × 100 and 1 × 0",
      [task({ id: 1, status: "done", weight: 3 }), task({ id: 2, weight: 1 })],
      75,
    ],
    [
      "cancelled counts for nothing",
      [task({ id: 1, status: "done" }), task({ id: 2, status: "cancelled" })],
      100,
    ],
    [
      "subtasks roll up into their parent",
      [
        task({ id: 1 }),
        task({ id: 2, parentId: 1, status: "done", weight: 1 }),
        task({ id: 3, parentId: 1, status: "in_progress", progress: 20, weight: 4 }),
        task({ id: 4, status: "done" }),
      ],
      // parent (100 + 80) / 5 = 36; plan (36 + 100) / 2 = 68
      68,
    ],
  ])("%s → %s", (_name, tasks, plan) => {
    expect(rollUp(tasks, "2026-06-01").plan).toBe(plan);
  });

  it("flags overdue tasks and counts them up the tree", () => {
    const r = rollUp(
      [
        task({ id: 1, dueOn: "2026-12-31" }),
        task({ id: 2, parentId: 1, dueOn: "2026-03-31", status: "in_progress" }),
        task({ id: 3, parentId: 1, dueOn: "2026-03-31", status: "done" }),
      ],
      "2026-06-01",
    );
    expect(r.tasks.get(2)).toMatchObject({ overdue: true, overdueCount: 1 });
    expect(r.tasks.get(3)?.overdue).toBe(false);
    expect(r.tasks.get(1)).toMatchObject({ overdue: false, overdueCount: 1, progress: 75 });
  });

  it("leaves out tasks not reachable from the plan (a parent missing or a loop)", () => {
    const r = rollUp(
      [task({ id: 1, parentId: 2 }), task({ id: 2, parentId: 1 }), task({ id: 3, status: "done" })],
      "2026-01-01",
    );
    expect(r.plan).toBe(100);
    expect([...r.tasks.keys()]).toEqual([3]);
  });

  it("is due on the day itself, overdue the day after", () => {
    expect(isOverdue({ dueOn: "2026-06-01", status: "in_progress" }, "2026-06-01")).toBe(false);
    expect(isOverdue({ dueOn: "2026-06-01", status: "in_progress" }, "2026-06-02")).toBe(true);
  });
});

describe("byUnit: who is behind", () => {
  it("orders units by overdue tasks, then by least progress", () => {
    const rows = byUnit(
      [
        task({ id: 1, assigneeUnitCode: "A", status: "done" }),
        task({ id: 2, assigneeUnitCode: "B", status: "in_progress", progress: 30 }),
        task({ id: 3, assigneeUnitCode: "C", status: "in_progress", dueOn: "2026-01-31" }),
        task({ id: 4, assigneeUnitCode: "B", status: "done", weight: 3 }),
      ],
      "2026-06-01",
    );
    expect(rows).toEqual([
      { unitCode: "C", tasks: 1, progress: 50, overdue: 1 },
      { unitCode: "B", tasks: 2, progress: 82.5, overdue: 0 },
      { unitCode: "A", tasks: 1, progress: 100, overdue: 0 },
    ]);
  });
});
