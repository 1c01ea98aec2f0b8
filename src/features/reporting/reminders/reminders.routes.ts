/** /api/reminders: the reports the user's units still owe near or past their deadline. @module */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../../http/context.ts";
import { errorResponses, json } from "../../../http/schemas.ts";
import * as reminders from "../reminders/reminders.service.ts";
import * as remindersSchemas from "./reminders.schemas.ts";

const tags = ["reporting"];

export function remindersRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db } = deps;
  app.openapi(
    createRoute({
      method: "get",
      path: "/reminders",
      tags,
      summary: "Reports your units still owe that are due soon (in working days) or overdue",
      responses: { 200: json(remindersSchemas.RemindersSchema), ...errorResponses },
    }),
    async (c) => c.json(await reminders.myReminders(db, c.var.auth), 200),
  );
  return app;
}
