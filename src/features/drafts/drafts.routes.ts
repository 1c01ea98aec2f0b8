/**
 * /api/drafts: documents a body drafts from the template of its layout, corrected with their version,
 * previewed and issued as DOCX or PDF, an issued plan tracked; /api/bodies/{id}/document-templates.
 * @module
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../http/context.ts";
import { errorResponses, IdParam, json, jsonBody, writeErrorResponses } from "../../http/schemas.ts";
import { fileResponse, sendFile } from "../documents/document-http.ts";
import * as s from "./drafts.schemas.ts";
import * as service from "./drafts.service.ts";

const tags = ["documents"];

export function draftsRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db } = deps;
  const stateSequence = deps.stateNumbering ?? "shared";
  app.openapi(
    createRoute({
      method: "get",
      path: "/bodies/{id}/document-templates",
      tags,
      summary: "The kinds of document a body drafts, each with its parts and the skeleton of its sections",
      request: { params: IdParam },
      responses: { 200: json(z.object({ items: z.array(s.TemplateSchema) })), ...errorResponses },
    }),
    async (c) => c.json(await service.templatesFor(db, c.var.auth, c.req.valid("param").id), 200),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/drafts",
      tags,
      summary: "A unit's drafted documents, newest first (cancelled ones too, marked)",
      request: { query: s.ListQuery },
      responses: { 200: json(z.object({ items: z.array(s.DraftSchema) })), ...errorResponses },
    }),
    async (c) => c.json(await service.listDrafts(db, c.var.auth, c.req.valid("query").unit), 200),
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/drafts",
      tags,
      summary:
        "Start a document from the template of its kind, with the body's usual recipients and signature",
      request: jsonBody(s.CreateDraftBody),
      responses: { 201: json(s.DraftSchema, "Created"), ...writeErrorResponses },
    }),
    async (c) => c.json(await service.createDraft(db, c.var.auth, c.req.valid("json")), 201),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/drafts/{id}",
      tags,
      summary: "A drafted document",
      request: { params: IdParam },
      responses: { 200: json(s.DraftSchema), ...errorResponses },
    }),
    async (c) => c.json(await service.getDraft(db, c.var.auth, c.req.valid("param").id), 200),
  );
  app.openapi(
    createRoute({
      method: "put",
      path: "/drafts/{id}",
      tags,
      summary: "Correct a draft not yet issued; carries the version read (409 when stale)",
      request: { params: IdParam, ...jsonBody(s.UpdateDraftBody) },
      responses: { 200: json(s.DraftSchema), ...writeErrorResponses },
    }),
    async (c) =>
      c.json(await service.updateDraft(db, c.var.auth, c.req.valid("param").id, c.req.valid("json")), 200),
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/drafts/{id}/document",
      tags,
      summary:
        "The draft as DOCX or PDF: without a number before it is issued; with `issue`, numbered from the body's registry and entered in the unit's outgoing registry",
      request: { params: IdParam, ...jsonBody(s.DraftDocumentBody) },
      responses: fileResponse,
    }),
    async (c) =>
      sendFile(
        c,
        await service.draftDocument(
          db,
          c.var.auth,
          c.req.valid("param").id,
          c.req.valid("json"),
          stateSequence,
          deps.offload,
        ),
      ),
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/drafts/{id}/cancel",
      tags,
      summary: "Cancel a draft, with the reason; it stays listed, marked cancelled",
      request: { params: IdParam, ...jsonBody(s.CancelBody) },
      responses: { 200: json(s.DraftSchema), ...writeErrorResponses },
    }),
    async (c) =>
      c.json(await service.cancelDraft(db, c.var.auth, c.req.valid("param").id, c.req.valid("json")), 200),
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/drafts/{id}/plan",
      tags,
      summary: "An issued Kế hoạch or Chương trình becomes the tracked plan with its tasks, in one step",
      request: { params: IdParam, ...jsonBody(s.VersionBody) },
      responses: { 200: json(s.DraftSchema), ...writeErrorResponses },
    }),
    async (c) =>
      c.json(await service.planFromDraft(db, c.var.auth, c.req.valid("param").id, c.req.valid("json")), 200),
  );
  return app;
}
