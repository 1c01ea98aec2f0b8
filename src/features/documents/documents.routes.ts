/** /api/document-types, /api/bodies/{id}/terms, /api/bodies/{id}/document-numbers, /api/document-numbers. @module */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../http/context.ts";
import {
  errorResponses,
  IdParam,
  IsoDateSchema,
  json,
  jsonBody,
  writeErrorResponses,
} from "../../http/schemas.ts";
import * as service from "./documents.service.ts";

const tags = ["documents"];
const Abbreviation = z
  .string()
  .trim()
  .regex(/^[A-ZĐ][A-Za-zĐđ0-9]{0,19}$/, "an abbreviation: a capital letter first, then letters or digits");

const TermSchema = z
  .object({ id: z.number(), name: z.string(), startsOn: z.string(), endsOn: z.string().nullable() })
  .openapi("PartyTerm");
const NumberSchema = z
  .object({
    id: z.number(),
    issuerBodyId: z.number(),
    issuerName: z.string(),
    family: z.enum(["state", "party"]),
    typeCode: z.string().nullable(),
    number: z.number(),
    symbol: z.string().openapi({ example: "12/BC-UBND" }),
    line: z.string().openapi({ example: "Số: 12/BC-UBND" }),
    issuedOn: z.string(),
    title: z.string(),
    status: z.enum(["allocated", "cancelled"]),
    scope: z.string().openapi({ description: "year:2026, term:{id} or congress:{id}" }),
    cancelReason: z.string().nullable(),
    allocatedAt: z.string(),
  })
  .openapi("DocumentNumber");

export function documentsRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db } = deps;
  const stateSequence = deps.stateNumbering ?? "shared";

  app.openapi(
    createRoute({
      method: "get",
      path: "/document-types",
      tags,
      summary: "Document types and their abbreviations, per family (State: NĐ 30/2020; Party: HD 36-HD/VPTW)",
      responses: {
        200: json(
          z.object({
            items: z.array(
              z.object({
                family: z.enum(["state", "party"]),
                code: z.string(),
                nameVi: z.string(),
                nameEn: z.string(),
                normative: z.boolean(),
                builtIn: z.boolean(),
              }),
            ),
          }),
        ),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await service.listTypes(db, c.var.auth), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/bodies/{id}/terms",
      tags,
      summary: "A Party body's committee terms (nhiệm kỳ), by which its documents are numbered",
      request: { params: IdParam },
      responses: { 200: json(z.object({ items: z.array(TermSchema) })), ...errorResponses },
    }),
    async (c) => c.json(await service.listTerms(db, c.var.auth, c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/bodies/{id}/terms",
      tags,
      summary: "Add a committee term to a Party body (terms never overlap)",
      request: {
        params: IdParam,
        ...jsonBody(
          z.object({
            name: z.string().trim().min(1).max(100).openapi({ example: "khóa XI (2025–2030)" }),
            startsOn: IsoDateSchema,
            endsOn: IsoDateSchema.nullable().default(null),
          }),
        ),
      },
      responses: { 201: json(TermSchema, "Created"), ...writeErrorResponses },
    }),
    async (c) =>
      c.json(await service.addTerm(db, c.var.auth, c.req.valid("param").id, c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/bodies/{id}/document-numbers",
      tags,
      summary: "A body's registry of outgoing document numbers (sổ đăng ký văn bản đi), newest first",
      request: {
        params: IdParam,
        query: z.object({ year: z.coerce.number().int().min(1945).max(2199).optional() }),
      },
      responses: { 200: json(z.object({ items: z.array(NumberSchema) })), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await service.listNumbers(db, c.var.auth, c.req.valid("param").id, c.req.valid("query").year ?? null),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/bodies/{id}/document-numbers",
      tags,
      summary:
        "Take the next number of the body's sequence (State: per calendar year; Party: per type per term, one per congress)",
      request: {
        params: IdParam,
        ...jsonBody(
          z.object({
            typeCode: z
              .string()
              .trim()
              .min(1)
              .max(10)
              .nullable()
              .openapi({ description: "null for a State công văn (1246/UBND-BTCD)", example: "BC" }),
            draftingUnit: Abbreviation.nullable()
              .optional()
              .openapi({ description: "State công văn: the drafting unit (NV in 505/UBND-NV)" }),
            issuedOn: IsoDateSchema.optional().openapi({ description: "default: today in Vietnam" }),
            congress: z.boolean().optional().openapi({ description: "Party: a document of the congress" }),
            title: z
              .string()
              .trim()
              .min(1)
              .max(1000)
              .openapi({ example: "Báo cáo sơ kết 03 năm thực hiện Kế hoạch số 53-KH/HU" }),
          }),
        ),
      },
      responses: {
        201: json(NumberSchema.extend({ termName: z.string().nullable() }), "Created"),
        ...writeErrorResponses,
      },
    }),
    async (c) =>
      c.json(
        await service.allocateNumber(
          db,
          c.var.auth,
          { issuerBodyId: c.req.valid("param").id, ...c.req.valid("json") },
          stateSequence,
        ),
        201,
      ),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/document-numbers/{id}/cancel",
      tags,
      summary: "Cancel a number: it stays in the registry, marked cancelled, and is never reused",
      request: {
        params: IdParam,
        ...jsonBody(z.object({ reason: z.string().trim().min(3).max(1000) })),
      },
      responses: { 200: json(NumberSchema), ...writeErrorResponses },
    }),
    async (c) =>
      c.json(
        await service.cancelNumber(db, c.var.auth, c.req.valid("param").id, c.req.valid("json").reason),
        200,
      ),
  );
  return app;
}
