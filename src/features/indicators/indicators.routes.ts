/** /api/indicators: the indicator catalogue. @module */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../http/context.ts";
import { errorResponses, json, jsonBody, VersionSchema, writeErrorResponses } from "../../http/schemas.ts";
import * as service from "./indicators.service.ts";

const tags = ["indicators"];
const Fields = {
  nameVi: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(200),
  type: z.enum(["integer", "decimal", "percentage", "text"]),
  unitOfMeasure: z.string().trim().max(40).default(""),
  aggregation: z.enum(["sum", "average", "weighted_average", "min", "max", "latest", "none"]),
  categories: z
    .record(z.string().min(1).max(40), z.array(z.string().trim().min(1).max(80)).min(1).max(50))
    .default({}),
  description: z.string().trim().max(2000).default(""),
  weightCode: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]{2,63}$/, "CONSTANT_CASE, 3–64 characters")
    .nullable()
    .default(null)
    .openapi({ description: "Weighted averages only: the indicator that weighs this one in each report" }),
  maxValue: z
    .string()
    .regex(/^[1-9]\d{0,17}(\.\d{1,6})?$/, "a positive number, at most 18 digits (6 after the point)")
    .nullable()
    .default(null)
    .openapi({
      description: "The largest value a report can give; above it a value is refused. Null: no bound",
    }),
};
const Code = z.string().regex(/^[A-Z][A-Z0-9_]{2,63}$/, "CONSTANT_CASE, 3–64 characters");
const IndicatorSchema = z
  .object({ code: z.string(), ...Fields, builtIn: z.boolean(), version: z.number() })
  .openapi("Indicator");

export function indicatorsRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db, kept } = deps;
  app.openapi(
    createRoute({
      method: "get",
      path: "/indicators",
      tags,
      summary: "The indicator catalogue",
      responses: { 200: json(z.object({ items: z.array(IndicatorSchema) })), ...errorResponses },
    }),
    async (c) => c.json(await service.listIndicators(db, kept, c.var.auth), 200),
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/indicators",
      tags,
      summary: "Add an indicator (system admins)",
      request: jsonBody(z.object({ code: Code, ...Fields })),
      responses: { 201: json(IndicatorSchema, "Created"), ...writeErrorResponses },
    }),
    async (c) => c.json(await service.createIndicator(db, kept, c.var.auth, c.req.valid("json")), 201),
  );
  app.openapi(
    createRoute({
      method: "put",
      path: "/indicators/{code}",
      tags,
      summary: "Edit an indicator (system admins); carries the version read",
      request: {
        params: z.object({ code: Code.openapi({ param: { name: "code", in: "path" } }) }),
        ...jsonBody(z.object({ version: VersionSchema, ...Fields })),
      },
      responses: { 200: json(IndicatorSchema), ...writeErrorResponses },
    }),
    async (c) =>
      c.json(
        await service.updateIndicator(db, kept, c.var.auth, c.req.valid("param").code, c.req.valid("json")),
        200,
      ),
  );
  return app;
}
