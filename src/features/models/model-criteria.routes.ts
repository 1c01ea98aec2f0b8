/** /api/model-fields, /api/model-criteria: the fields of models and each unit's evaluation criteria. @module */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../http/context.ts";
import { errorResponses, json, jsonBody, writeErrorResponses } from "../../http/schemas.ts";
import * as modelCriteriaService from "./model-criteria.service.ts";
import { CriteriaSetSchema, Kind, UnitCode } from "./models.schemas.ts";

const tags = ["models"];
export function modelCriteriaRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db } = deps;
  app.openapi(
    createRoute({
      method: "get",
      path: "/model-fields",
      tags,
      summary: "The fields of Dân vận khéo models (kinh tế, văn hóa – xã hội, …): data, four built in",
      responses: {
        200: json(
          z.object({
            items: z.array(z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() })),
          }),
        ),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await modelCriteriaService.listFields(db, c.var.auth), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/model-criteria",
      tags,
      summary:
        "The criteria a unit's models are assessed by: its province's own set per kind, else the example set",
      request: { query: z.object({ unit: UnitCode }) },
      responses: {
        200: json(z.object({ province: z.string(), items: z.array(CriteriaSetSchema) })),
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(await modelCriteriaService.getCriteria(db, c.var.auth, c.req.valid("query").unit), 200),
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/model-criteria",
      tags,
      summary:
        "A province issues its own criteria for collective or individual models (replacing the example's)",
      request: jsonBody(
        z.object({
          unit: UnitCode,
          kind: Kind,
          criteria: z
            .array(
              z.object({
                code: z.string().trim().min(1).max(20),
                textVi: z.string().trim().min(1).max(500),
                required: z.boolean(),
              }),
            )
            .min(1)
            .max(30),
          minimumMet: z.number().int().min(0).max(30),
          source: z.string().trim().max(300).default(""),
        }),
      ),
      responses: {
        200: json(z.object({ province: z.string(), items: z.array(CriteriaSetSchema) })),
        ...writeErrorResponses,
      },
    }),
    async (c) => c.json(await modelCriteriaService.setCriteria(db, c.var.auth, c.req.valid("json")), 200),
  );

  return app;
}
