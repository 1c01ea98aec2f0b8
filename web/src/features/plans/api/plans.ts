/**
 * The plans API as the pages use it: the types of a plan and its tasks, the plan with its query key, the
 * writes to its tasks and milestones, and the overdue tasks.
 * @module
 */
import { useQuery } from "@tanstack/react-query";
import { type AnswerOf, type BodyOf, call, client } from "@/lib/api.ts";

export type Plan = AnswerOf<"/api/plans/{id}", "get">;
export type Task = Plan["tasks"][number];
export type TaskStatus = NonNullable<BodyOf<"/api/tasks/{id}", "patch">["status"]>;
export type Overdue = AnswerOf<"/api/tasks/overdue", "get">;
export const TASK_STATUSES = ["not_started", "in_progress", "done", "cancelled"] as const;

/** The overdue tasks of the user's units (the menu shows their count). */
export function useOverdueTasks(enabled = true) {
  return useQuery({
    queryKey: planKeys.overdue(),
    queryFn: () => call(client.GET("/api/tasks/overdue")),
    refetchInterval: 5 * 60000,
    enabled,
  });
}

export const planKeys = {
  one: (id: number) => ["plan", id] as const,
  overdue: () => ["overdue-tasks"] as const,
  /** Every unit's list of plans (the prefix of `list`). */
  all: () => ["plans"] as const,
  list: (unit: string) => ["plans", unit] as const,
  public: (token: string) => ["public-plan", token] as const,
};

/** A unit's plans (none asked for an unfinished code). */
export function usePlans(unit: string) {
  return useQuery({
    queryKey: planKeys.list(unit),
    queryFn: () => call(client.GET("/api/plans", { params: { query: { unit } } })),
    enabled: /^\d{2,5}$/.test(unit),
  });
}

export function usePlan(id: number) {
  return useQuery({
    queryKey: planKeys.one(id),
    queryFn: () => call(client.GET("/api/plans/{id}", { params: { path: { id } } })),
  });
}

/** A task's status or progress (or, by the plan's managers, its corrections), written with the version read; the whole plan comes back. */
export const updateTask = (task: Task, change: Omit<BodyOf<"/api/tasks/{id}", "patch">, "version">) =>
  call(
    client.PATCH("/api/tasks/{id}", {
      params: { path: { id: task.id } },
      body: { version: task.version, ...change },
    }),
  );

export const addTask = (planId: number, body: BodyOf<"/api/plans/{id}/tasks", "post">) =>
  call(client.POST("/api/plans/{id}/tasks", { params: { path: { id: planId } }, body }));

export const addMilestone = (taskId: number, body: BodyOf<"/api/tasks/{id}/milestones", "post">) =>
  call(client.POST("/api/tasks/{id}/milestones", { params: { path: { id: taskId } }, body }));

/** The registered document a milestone's evidence names by its number-symbol, or null when none is found. */
export async function findEvidence(unit: string, symbol: string): Promise<number | null> {
  const found = await call(client.GET("/api/registry", { params: { query: { unit, q: symbol, limit: 5 } } }));
  return found.items[0]?.id ?? null;
}

export const setPlanPublic = (id: number, on: boolean) =>
  call(client.PUT("/api/plans/{id}/public", { params: { path: { id } }, body: { public: on } }));

/** A plan's title corrected, or the plan stopped with its reason (or started again); the whole plan comes back. */
export const updatePlan = (id: number, body: BodyOf<"/api/plans/{id}", "patch">) =>
  call(client.PATCH("/api/plans/{id}", { params: { path: { id } }, body }));

/** A milestone corrected, or marked done with its evidence; the whole plan comes back. */
export const updateMilestone = (id: number, body: BodyOf<"/api/milestones/{id}", "patch">) =>
  call(client.PATCH("/api/milestones/{id}", { params: { path: { id } }, body }));
