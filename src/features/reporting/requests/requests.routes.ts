/** /api/reporting/deadline, /api/requests, /api/inbox: issuing report requests and the reports a unit owes. @module */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../../http/context.ts";
import { errorResponses, json, jsonBody, writeErrorResponses } from "../../../http/schemas.ts";
import * as s from "../reporting.schemas.ts";
import * as requestsService from "../requests/requests.service.ts";
import * as requestsSchemas from "./requests.schemas.ts";

const tags = ["reporting"];

export function requestsRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db, kept } = deps;
  app.openapi(
    createRoute({
      method: "get",
      path: "/reporting/deadline",
      tags,
      summary: "The cut-off window and the per-level deadlines the reporting regime proposes for a period",
      request: { query: requestsSchemas.DeadlineQuery },
      responses: { 200: json(requestsSchemas.DeadlineSchema), ...errorResponses },
    }),
    async (c) => c.json(await requestsService.proposeDeadline(db, c.var.auth, c.req.valid("query")), 200),
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/requests",
      tags,
      summary: "Issue a report request to the units (or bodies of a kind) below a unit",
      request: jsonBody(requestsSchemas.CreateRequestBody),
      responses: { 201: json(requestsSchemas.CreatedRequestSchema, "Created"), ...writeErrorResponses },
    }),
    async (c) => c.json(await requestsService.createRequest(db, kept, c.var.auth, c.req.valid("json")), 201),
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/requests/preview",
      tags,
      summary:
        "Before issuing: how many units a request would ask, and the requests of the same form and period that already ask some of them",
      request: jsonBody(requestsSchemas.CreateRequestBody),
      responses: { 200: json(requestsSchemas.RequestPreviewSchema), ...errorResponses },
    }),
    async (c) =>
      c.json(await requestsService.requestOverlaps(db, kept, c.var.auth, c.req.valid("json")), 200),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/requests",
      tags,
      summary: "Requests issued by the units you can see, with completeness and timeliness",
      responses: { 200: json(requestsSchemas.RequestListSchema), ...errorResponses },
    }),
    async (c) => c.json(await requestsService.listIssuedRequests(db, c.var.auth), 200),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/requests/{id}",
      tags,
      summary: "A request, its form and every target's status",
      request: { params: s.IdParam },
      responses: { 200: json(requestsSchemas.RequestDetailSchema), ...errorResponses },
    }),
    async (c) => c.json(await requestsService.getRequest(db, kept, c.var.auth, c.req.valid("param").id), 200),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/inbox",
      tags,
      summary: "Reports you are asked to fill (default: everything not yet accepted)",
      request: { query: requestsSchemas.InboxQuery },
      responses: { 200: json(requestsSchemas.InboxSchema), ...errorResponses },
    }),
    async (c) => c.json(await requestsService.inbox(db, c.var.auth, c.req.valid("query")), 200),
  );
  return app;
}
