/**
 * /api/requests/{id}/document (the requester's consolidated report) and /api/submissions/{id}/document (one
 * body's answer): each an official document of its issuing body, DOCX or PDF, numbered or a draft.
 * @module
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { SECRECY_MARKS, URGENCY_MARKS } from "../../domain/official-document.ts";
import type { AppDeps, AppEnv } from "../../http/context.ts";
import { BigRowIdSchema, IdParam, jsonBody, RowIdSchema } from "../../http/schemas.ts";
import { fileResponse, Recipients, Signature, sendFile } from "./document-http.ts";
import { reportDocument } from "./report-document.service.ts";
import { submissionDocument } from "./submission-document.service.ts";

const tags = ["documents"];

/** What both documents take. */
const Common = {
  format: z.enum(["docx", "pdf"]),
  parentBody: z.string().trim().max(200).nullable().optional(),
  place: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .openapi({ example: "Tháp Mười", description: "Default: the name of the issuing body's unit" }),
  allowEmptySections: z.boolean().optional().openapi({
    description: "Take a number although some sections have no text (refused otherwise: empty_sections)",
  }),
  excerpt: z.string().trim().max(1000).optional(),
  numberId: BigRowIdSchema.nullable().optional(),
  takeNumber: z.boolean().optional(),
  secrecy: z
    .enum(SECRECY_MARKS)
    .nullable()
    .optional()
    .openapi({ description: "Độ mật, printed under the number" }),
  urgency: z
    .enum(URGENCY_MARKS)
    .nullable()
    .optional()
    .openapi({ description: "Độ khẩn, printed under the number" }),
};

export function reportDocumentsRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db, kept } = deps;
  const stateSequence = deps.stateNumbering ?? "shared";

  app.openapi(
    createRoute({
      method: "post",
      path: "/requests/{id}/document",
      tags,
      summary:
        "The requester's consolidated report as an official document (DOCX or PDF, national layout), numbered from the registry or left as a draft",
      request: {
        params: IdParam,
        ...jsonBody(
          z.object({
            ...Common,
            bodyId: RowIdSchema,
            recipients: Recipients,
            signature: Signature,
          }),
        ),
      },
      responses: fileResponse,
    }),
    async (c) =>
      sendFile(
        c,
        await reportDocument(
          db,
          kept,
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
      path: "/submissions/{id}/document",
      tags,
      summary:
        "One body's answer to a request as its own official document (its family's layout, its own number), opening with the line that cites the request's công văn",
      description:
        "Defaults: the title is the request's subject; 'Nơi nhận' is the body that asked, then the body's usual recipients and its archive line; the signature block is the body's (PATCH /api/bodies/{id}).",
      request: {
        params: IdParam,
        ...jsonBody(
          z.object({
            ...Common,
            bodyId: RowIdSchema.optional().openapi({
              description: "When a unit (not one body) was asked: which of its bodies issues the answer",
            }),
            recipients: Recipients.optional(),
            signature: Signature.optional(),
          }),
        ),
      },
      responses: fileResponse,
    }),
    async (c) =>
      sendFile(
        c,
        await submissionDocument(
          db,
          kept,
          c.var.auth,
          c.req.valid("param").id,
          c.req.valid("json"),
          stateSequence,
          deps.offload,
        ),
      ),
  );
  return app;
}
