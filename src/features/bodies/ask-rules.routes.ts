/** /api/ask-rules: who may ask whom for a report. @module */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { BODY_KIND_CODES } from "../../domain/body-kinds.ts";
import type { AppDeps, AppEnv } from "../../http/context.ts";
import {
  errorResponses,
  IdParam,
  IsoDateSchema,
  json,
  jsonBody,
  VersionSchema,
  writeErrorResponses,
} from "../../http/schemas.ts";
import * as service from "./ask-rules.service.ts";

const tags = ["bodies"];
const Relation = z.enum(["same", "below"]).openapi({
  description: "same: a body of the asking body's own unit; below: a body of a unit under it",
});
const AskRuleSchema = z
  .object({
    id: z.number(),
    issuerKind: z.string(),
    targetKind: z.string(),
    relation: Relation,
    validFrom: z.string(),
    validTo: z.string().nullable(),
    source: z.string(),
    version: z.number(),
  })
  .openapi("AskRule");

export function askRulesRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db } = deps;

  app.openapi(
    createRoute({
      method: "get",
      path: "/ask-rules",
      tags,
      summary: "Which kind of body may ask which for a report, of its own unit or below, with their dates",
      responses: { 200: json(z.object({ items: z.array(AskRuleSchema) })), ...errorResponses },
    }),
    async (c) => c.json(await service.listAskRules(db, c.var.auth), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/ask-rules",
      tags,
      summary: "Add a rule from a date on (system administrators)",
      request: jsonBody(
        z.object({
          issuerKind: z.enum(BODY_KIND_CODES),
          targetKind: z.enum(BODY_KIND_CODES),
          relation: Relation,
          validFrom: IsoDateSchema,
          validTo: IsoDateSchema.nullable().optional(),
          source: z.string().trim().max(300).optional(),
        }),
      ),
      responses: { 201: json(AskRuleSchema, "Created"), ...writeErrorResponses },
    }),
    async (c) => c.json(await service.addAskRule(db, c.var.auth, c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/ask-rules/{id}",
      tags,
      summary: "End a rule: validTo is the last day it applies (system administrators)",
      request: {
        params: IdParam,
        ...jsonBody(z.object({ version: VersionSchema, validTo: IsoDateSchema })),
      },
      responses: { 200: json(AskRuleSchema), ...writeErrorResponses },
    }),
    async (c) =>
      c.json(await service.endAskRule(db, c.var.auth, c.req.valid("param").id, c.req.valid("json")), 200),
  );

  return app;
}
