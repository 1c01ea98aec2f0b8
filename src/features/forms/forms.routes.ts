/** /api/forms: report forms (đề cương, biểu mẫu), versioned. @module */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../http/context.ts";
import { errorResponses, INT4_MAX, json, jsonBody, writeErrorResponses } from "../../http/schemas.ts";
import * as service from "./forms.service.ts";

const tags = ["forms"];
const Level = z.enum(["province", "district", "commune", "hamlet"]);
const Section = z.object({
  key: z.string().trim().min(1).max(20),
  depth: z.union([z.literal(1), z.literal(2)]),
  titleVi: z.string().trim().min(1).max(300),
  titleEn: z.string().trim().min(1).max(300),
  kind: z.enum(["narrative", "table", "heading"]),
  guidanceVi: z.string().trim().max(2000).optional(),
  rows: z
    .array(z.object({ indicator: z.string().min(1).max(64), by: z.string().min(1).max(40).optional() }))
    .max(200)
    .optional(),
});
const Rule = z.object({
  left: z.string().trim().min(1).max(500),
  operator: z.enum(["==", "!=", "<", "<=", ">", ">="]),
  right: z.string().trim().min(1).max(500),
  severity: z.enum(["error", "warning"]),
  missing: z.enum(["skip_if_any", "skip_if_all", "never"]).optional(),
  messageVi: z.string().trim().min(1).max(300),
  messageEn: z.string().trim().min(1).max(300),
});
const FormInput = z.object({
  code: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, "lower-case letters, digits and dashes"),
  nameVi: z.string().trim().min(1).max(300),
  nameEn: z.string().trim().min(1).max(300),
  description: z.string().trim().max(2000).default(""),
  levels: z.array(Level).min(1),
  sections: z.array(Section).min(1).max(200),
  rules: z.array(Rule).max(100).default([]),
  outlierPercent: z
    .string()
    .regex(/^\d{1,4}(\.\d{1,2})?$/)
    .default("50"),
});
export const FormSchema = FormInput.extend({
  id: z.number(),
  version: z.number(),
  builtIn: z.boolean(),
}).openapi("ReportForm");
const IdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(INT4_MAX)
    .openapi({ param: { name: "id", in: "path" } }),
});

export function formsRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db, kept } = deps;
  app.openapi(
    createRoute({
      method: "get",
      path: "/forms",
      tags,
      summary: "Report forms (latest version of each) and every stored version",
      responses: {
        200: json(
          z.object({
            items: z.array(FormSchema),
            versions: z.array(z.object({ id: z.number(), code: z.string(), version: z.number() })),
          }),
        ),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await service.listForms(db, c.var.auth), 200),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/forms/{id}",
      tags,
      summary: "One version of a form",
      request: { params: IdParam },
      responses: { 200: json(FormSchema), ...errorResponses },
    }),
    async (c) => c.json(await service.getForm(db, kept, c.var.auth, c.req.valid("param").id), 200),
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/forms",
      tags,
      summary: "Add a form, or the next version of a form's code (system admins); earlier versions stay",
      request: jsonBody(FormInput),
      responses: { 201: json(FormSchema, "Created"), ...writeErrorResponses },
    }),
    async (c) => c.json(await service.saveFormVersion(db, kept, c.var.auth, c.req.valid("json")), 201),
  );
  return app;
}
