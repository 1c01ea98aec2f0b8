/** What the routes that send an official document share: the signature and recipients they take, the file sent. @module */
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../http/context.ts";
import { writeErrorResponses } from "../../http/schemas.ts";
import type { IssuedReport } from "./issue-report.ts";

export const Signature = z.object({
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

export const Recipients = z.array(z.string().trim().min(1).max(300)).max(50);

export const fileResponse = {
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

export function sendFile(c: Context<AppEnv>, file: IssuedReport) {
  return c.body(new Uint8Array(file.bytes), 200, {
    "content-type": file.contentType,
    "content-disposition": `attachment; filename="${file.filename}"`,
    ...(file.numberId ? { "x-document-number-id": String(file.numberId) } : {}),
    ...(file.symbol ? { "x-document-number": encodeURIComponent(file.symbol) } : {}),
    ...(file.registryDocumentId ? { "x-registry-document-id": String(file.registryDocumentId) } : {}),
  });
}
