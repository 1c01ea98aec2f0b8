/** Periodic reporting's routes, one file per part: requests, reports, consolidation, dashboards, exchange, reminders. @module */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../http/context.ts";
import { consolidationRoutes } from "./consolidation/consolidation.routes.ts";
import { dashboardsRoutes } from "./dashboards/dashboards.routes.ts";
import { exchangeRoutes } from "./exchange/exchange.routes.ts";
import { remindersRoutes } from "./reminders/reminders.routes.ts";
import { requestsRoutes } from "./requests/requests.routes.ts";
import { submissionsRoutes } from "./submissions/submissions.routes.ts";

export function reportingRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  for (const part of [
    requestsRoutes,
    submissionsRoutes,
    consolidationRoutes,
    dashboardsRoutes,
    exchangeRoutes,
    remindersRoutes,
  ])
    app.route("/", part(deps));
  return app;
}
