/** The plans API as the pages use it: the types of a plan and its tasks, and the overdue tasks. @module */
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
    queryKey: ["overdue-tasks"],
    queryFn: () => call(client.GET("/api/tasks/overdue")),
    refetchInterval: 5 * 60000,
    enabled,
  });
}
