/**
 * /api/requests/{id}/consolidation and /summary: the requester's consolidated report; /api/submissions/{id}/gathered:
 * what a report owed upward gathered from the units below.
 * @module
 */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../../http/context.ts";
import { errorResponses, json, jsonBody, writeErrorResponses } from "../../../http/schemas.ts";
import * as consolidation from "../consolidation/consolidation.service.ts";
import * as gathered from "../consolidation/gathered.service.ts";
import * as s from "../reporting.schemas.ts";
import * as consolidationSchemas from "./consolidation.schemas.ts";

const tags = ["reporting"];

export function consolidationRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db, kept } = deps;
  app.openapi(
    createRoute({
      method: "get",
      path: "/requests/{id}/consolidation",
      tags,
      summary:
        "The consolidated draft: rolled-up numbers (accepted; pending shown apart) and compiled narrative",
      request: { params: s.IdParam, query: s.ConsolidationQuery },
      responses: { 200: json(consolidationSchemas.ConsolidationSchema), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await consolidation.consolidation(
          db,
          kept,
          c.var.auth,
          c.req.valid("param").id,
          c.req.valid("query").unit,
        ),
        200,
      ),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/requests/{id}/summary",
      tags,
      summary: "The requester's own narrative for the consolidated report (default unit: the issuer)",
      request: { params: s.IdParam, query: s.ConsolidationQuery },
      responses: { 200: json(consolidationSchemas.SummarySchema), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await consolidation.getSummary(db, c.var.auth, c.req.valid("param").id, c.req.valid("query").unit),
        200,
      ),
  );
  app.openapi(
    createRoute({
      method: "put",
      path: "/requests/{id}/summary",
      tags,
      summary: "Save the requester's narrative; carries the version read",
      request: { params: s.IdParam, ...jsonBody(consolidationSchemas.SummaryBody) },
      responses: { 200: json(consolidationSchemas.SummarySchema), ...writeErrorResponses },
    }),
    async (c) =>
      c.json(
        await consolidation.saveSummary(db, kept, c.var.auth, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/submissions/{id}/gathered",
      tags,
      summary:
        "For whoever fills a report owed upward: the figures and texts its unit's requests gathered from the units below, to start its draft from",
      request: { params: s.IdParam },
      responses: { 200: json(consolidationSchemas.GatheredSchema), ...errorResponses },
    }),
    async (c) => c.json(await gathered.gathered(db, kept, c.var.auth, c.req.valid("param").id), 200),
  );
  return app;
}
