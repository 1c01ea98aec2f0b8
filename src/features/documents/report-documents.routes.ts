/**
 * /api/requests/{id}/document (the requester's consolidated report) and /api/submissions/{id}/document (one
 * body's answer): each an official document of its issuing body, DOCX or PDF, numbered or a draft.
 * @module
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { SECRECY_MARKS, URGENCY_MARKS } from "../../domain/official-document.ts";
import type { AppDeps, AppEnv } from "../../http/context.ts";
import { BigRowIdSchema, IdParam, jsonBody, RowIdSchema, writeErrorResponses } from "../../http/schemas.ts";
import type { IssuedReport } from "./issue-report.ts";
import { reportDocument } from "./report-document.service.ts";
import { submissionDocument } from "./submission-document.service.ts";

const tags = ["documents"];

const Signature = z.object({
  authority: z
    .array(z.string().trim().min(1).max(200))
    .min(1)
    .max(5)
    .openapi({
      description: "TM./KT./Q./TL./TUQ. lines (T/M, K/T… for Party bodies), then the signer's title",
      example: ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
    }),
  signer: z.string().trim().min(1).max(200),
});

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
const Recipients = z.array(z.string().trim().min(1).max(300)).max(50);

const fileResponse = {
  200: {
    description: "The document",
    headers: z.object({
      "x-document-number-id": z.string().optional().openapi({ description: "the number taken or reused" }),
      "x-document-number": z
        .string()
        .optional()
        .openapi({ description: "its number-symbol, URI-encoded", example: "12%2FBC-UBND" }),
      "x-registry-document-id": z
        .string()
        .optional()
        .openapi({ description: "the numbered report's entry in the unit's registry (outgoing)" }),
    }),
    content: {
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {
        schema: { type: "string" as const, format: "binary" },
      },
      "application/pdf": { schema: { type: "string" as const, format: "binary" } },
    },
  },
  ...writeErrorResponses,
};

function sendFile(c: Context<AppEnv>, file: IssuedReport) {
  return c.body(new Uint8Array(file.bytes), 200, {
    "content-type": file.contentType,
    "content-disposition": `attachment; filename="${file.filename}"`,
    ...(file.numberId ? { "x-document-number-id": String(file.numberId) } : {}),
    ...(file.symbol ? { "x-document-number": encodeURIComponent(file.symbol) } : {}),
    ...(file.registryDocumentId ? { "x-registry-document-id": String(file.registryDocumentId) } : {}),
  });
}

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
