/** zod schemas of the reminders (request and response bodies). @module */
import { z } from "@hono/zod-openapi";

export const RemindersSchema = z.object({
  items: z.array(
    z
      .object({
        submissionId: z.number(),
        requestId: z.number(),
        title: z.string(),
        unitCode: z.string(),
        unitName: z.string(),
        deadline: z.string(),
        kind: z.enum(["due_soon", "overdue"]),
        workingDaysLeft: z.number(),
      })
      .openapi("Reminder"),
  ),
});
