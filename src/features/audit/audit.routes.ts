/** GET /api/audit: the append-only change log. @module */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../http/context.ts";
import { errorResponses, json, PagingQuery } from "../../http/schemas.ts";
import * as service from "./audit.service.ts";

const EntrySchema = z
  .object({
    id: z.number(),
    at: z.string(),
    actorName: z.string().nullable(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string(),
    unitCode: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .openapi("AuditEntry");

export function auditRoutes(_deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(
    createRoute({
      method: "get",
      path: "/audit",
      tags: ["audit"],
      summary: "Audit log entries within my scope, newest first",
      request: {
        query: z.object({
          entity: z.string().max(40).optional(),
          unitCode: z.string().max(20).optional(),
          ...PagingQuery,
        }),
      },
      responses: {
        200: json(z.object({ total: z.number(), items: z.array(EntrySchema) })),
        ...errorResponses,
      },
    }),
    // a read-heavy list: it may be answered by the read replica
    async (c) => c.json(await service.listAudit(c.var.readDb, c.var.auth, c.req.valid("query")), 200),
  );
  return app;
}
