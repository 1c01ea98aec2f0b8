/** /api/reporting/timeliness and /totals: the dashboards. @module */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../../http/context.ts";
import { errorResponses, json } from "../../../http/schemas.ts";
import { keptJson } from "../../../http/serialize-once.ts";
import * as dashboards from "../dashboards/dashboards.service.ts";
import * as dashboardsSchemas from "./dashboards.schemas.ts";

const tags = ["reporting"];

export function dashboardsRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db, kept } = deps;
  app.openapi(
    createRoute({
      method: "get",
      path: "/reporting/timeliness",
      tags,
      summary: "Completeness and timeliness per unit (one level down) over the latest requests: the heat-map",
      request: { query: dashboardsSchemas.TimelinessQuery },
      responses: { 200: json(dashboardsSchemas.TimelinessSchema), ...errorResponses },
    }),
    async (c) => c.json(await dashboards.timelinessMap(db, c.var.auth, c.req.valid("query")), 200),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/reporting/totals",
      tags,
      summary:
        "Rolled-up totals of a form for a unit and the units below it (default: the country's provinces)",
      request: { query: dashboardsSchemas.TotalsQuery },
      responses: { 200: json(dashboardsSchemas.TotalsSchema), ...errorResponses },
    }),
    async (c) => {
      const result = await dashboards.totals(db, kept, c.var.auth, c.req.valid("query"));
      // the values (most of the answer) are the same object while the totals did not change: their JSON is
      // made once
      return keptJson(c, result, "values");
    },
  );
  return app;
}
