/** /api/registry: documents received and issued, searched, related and with attachments. @module */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { RELATION_KIND_CODES } from "../../domain/document-registry.ts";
import { attachmentRoutes } from "../../http/attachment-routes.ts";
import type { AppDeps, AppEnv } from "../../http/context.ts";
import {
  BigRowIdSchema,
  errorResponses,
  IsoDateSchema,
  json,
  jsonBody,
  VersionSchema,
  writeErrorResponses,
} from "../../http/schemas.ts";
import * as service from "./registry.service.ts";
import * as edits from "./registry-edits.service.ts";

const tags = ["registry"];
const IdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .min(1)
    .max(Number.MAX_SAFE_INTEGER)
    .openapi({ param: { name: "id", in: "path" } }),
});
const Direction = z.enum(["incoming", "outgoing"]);
const DocumentSchema = z
  .object({
    id: z.number(),
    unitCode: z.string(),
    direction: Direction,
    typeCode: z.string().nullable(),
    numberSymbol: z.string(),
    issuerName: z.string(),
    issuedOn: z.string(),
    excerpt: z.string(),
    documentNumberId: z.number().nullable(),
    withdrawn: z.object({ on: z.string(), reason: z.string() }).nullable().openapi({
      description: "Withdrawn (recalled, registered by mistake, or its number cancelled): stays listed",
    }),
    version: z.number(),
  })
  .openapi("RegistryDocument");
const Related = z.object({
  kind: z.enum(RELATION_KIND_CODES),
  id: z.number(),
  unitCode: z.string(),
  numberSymbol: z.string(),
  issuerName: z.string(),
  issuedOn: z.string(),
  excerpt: z.string(),
});
const DetailSchema = DocumentSchema.extend({
  bodyText: z.string(),
  relations: z.array(Related),
  relatedBy: z.array(Related),
  attachments: z.array(
    z.object({
      id: z.number(),
      filename: z.string(),
      contentType: z.string(),
      size: z.number(),
      sha256: z.string(),
    }),
  ),
}).openapi("RegistryDocumentDetail");

export function registryRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db } = deps;

  app.openapi(
    createRoute({
      method: "get",
      path: "/registry",
      tags,
      summary:
        "Search a registry of documents (a unit's, a province's, or — system admins — all), accent-insensitive, newest first",
      request: {
        query: z.object({
          unit: z
            .string()
            .regex(/^\d{2}(\d{1,3})?$/)
            .optional(),
          q: z.string().trim().max(200).optional(),
          direction: Direction.optional(),
          type: z.string().trim().max(10).optional(),
          limit: z.coerce.number().int().min(1).max(200).optional(),
        }),
      },
      responses: { 200: json(z.object({ items: z.array(DocumentSchema) })), ...errorResponses },
    }),
    // a read-heavy search: it may be answered by the read replica
    async (c) => c.json(await service.searchRegistry(c.var.readDb, c.var.auth, c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/registry",
      tags,
      summary: "Register a document received or issued (its number-symbol is checked)",
      request: jsonBody(
        z.object({
          unitCode: z.string().regex(/^\d{2}(\d{1,3})?$/),
          direction: Direction,
          numberSymbol: z.string().trim().max(60).openapi({ example: "53-KH/HU" }),
          issuerName: z.string().trim().min(1).max(300),
          issuedOn: IsoDateSchema,
          excerpt: z.string().trim().min(1).max(2000),
          bodyText: z.string().max(200_000).optional(),
        }),
      ),
      responses: { 201: json(DocumentSchema, "Created"), ...writeErrorResponses },
    }),
    async (c) => c.json(await service.registerDocument(db, c.var.auth, c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/registry/{id}",
      tags,
      summary: "A registered document with its relations both ways and its attachments",
      request: { params: IdParam },
      responses: { 200: json(DetailSchema), ...errorResponses },
    }),
    async (c) => c.json(await service.getDocument(db, c.var.auth, c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/registry/{id}",
      tags,
      summary:
        "Correct a registered document (number-symbol, issuer, date, excerpt, text), or withdraw it with a reason (it stays listed, marked) or restore it; carries the version read (409 when stale)",
      request: {
        params: IdParam,
        ...jsonBody(
          z.object({
            version: VersionSchema,
            numberSymbol: z.string().trim().max(60).optional(),
            issuerName: z.string().trim().min(1).max(300).optional(),
            issuedOn: IsoDateSchema.optional(),
            excerpt: z.string().trim().min(1).max(2000).optional(),
            bodyText: z.string().max(200_000).optional(),
            withdrawn: z.boolean().optional(),
            withdrawnReason: z.string().trim().max(1000).optional(),
          }),
        ),
      },
      responses: { 200: json(DocumentSchema), ...writeErrorResponses },
    }),
    async (c) =>
      c.json(await edits.correctDocument(db, c.var.auth, c.req.valid("param").id, c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/registry/{id}/relations",
      tags,
      summary:
        "Relate the document to another (implements, replaces, amends, guides, reports_on, requested_by)",
      request: {
        params: IdParam,
        ...jsonBody(z.object({ toId: BigRowIdSchema, kind: z.enum(RELATION_KIND_CODES) })),
      },
      responses: { 201: json(DetailSchema, "Created"), ...writeErrorResponses },
    }),
    async (c) =>
      c.json(await service.relate(db, c.var.auth, c.req.valid("param").id, c.req.valid("json")), 201),
  );

  attachmentRoutes(app, deps, {
    base: "/registry",
    tags,
    summaries: {
      attach: "Attach a file (PDF, Word, Excel, PNG, JPEG; at most 20 MB; its content must match its kind)",
      read: "Download an attachment",
    },
    attach: service.attach,
    read: service.readAttachment,
  });
  return app;
}
