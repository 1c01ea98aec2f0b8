/** Shared zod pieces for request and response schemas. @module */
import { z } from "@hono/zod-openapi";
import { isIsoDate } from "../domain/dates.ts";

export const IsoDateSchema = z
  .string()
  .refine(isIsoDate, { message: "must be a real date YYYY-MM-DD / phải là ngày hợp lệ dạng YYYY-MM-DD" })
  .openapi({ example: "2025-07-01", format: "date" });

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message_vi: z.string(),
      message_en: z.string(),
      details: z.unknown(),
    }),
  })
  .openapi("Error");

/** The largest value of a PostgreSQL `integer` column (ids, versions). */
export const INT4_MAX = 2_147_483_647;

/** A reference to a row of an `integer`-keyed table (bodies, forms, users, plans). */
export const RowIdSchema = z.number().int().min(1).max(INT4_MAX);
/** A unit's code: a province (2), district (3) or commune (5 digits), a hamlet after its commune (30037-001). */
export const UnitCodeSchema = z.string().regex(/^\d{2,5}(-\d{3})?$/);

/** A reference to a row of a `bigint`-keyed table (registry documents, document numbers): any safe integer. */
export const BigRowIdSchema = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

/** A row id in the path (`/{id}`): a positive 32-bit integer. */
export const IdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .min(1)
    .max(INT4_MAX)
    .openapi({ param: { name: "id", in: "path" } }),
});

export const VersionSchema = z
  .number()
  .int()
  .min(1)
  .max(INT4_MAX)
  .openapi({ description: "The version you read; a stale one gets 409" });

export const errorResponses = {
  400: { description: "Bad input", content: { "application/json": { schema: ErrorSchema } } },
  401: { description: "Not logged in", content: { "application/json": { schema: ErrorSchema } } },
  403: { description: "Not permitted", content: { "application/json": { schema: ErrorSchema } } },
  404: {
    description: "Not found or not permitted",
    content: { "application/json": { schema: ErrorSchema } },
  },
} as const;

export const writeErrorResponses = {
  ...errorResponses,
  409: {
    description: "Stale version or duplicate",
    content: { "application/json": { schema: ErrorSchema } },
  },
} as const;

export function json<T extends z.ZodType>(schema: T, description = "OK") {
  return { description, content: { "application/json": { schema } } };
}

export const PagingQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

/** A required JSON request body for createRoute. */
export function jsonBody<T>(schema: T) {
  return { body: { content: { "application/json": { schema } }, required: true } };
}

/** The media type of an Excel workbook (.xlsx), for downloads and uploads. */
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A file sent as the raw request body (attachments: the name goes in the query). */
export const fileBody = () => ({
  content: { "application/octet-stream": { schema: { type: "string" as const, format: "binary" } } },
  required: true,
});

/** A file answered as the raw body. */
export const fileResponse = (description: string) => ({
  description,
  content: { "application/octet-stream": { schema: { type: "string" as const, format: "binary" } } },
});

/** The headers of a stored file the browser saves under its own name. */
export const downloadHeaders = (contentType: string, filename: string) => ({
  "content-type": contentType,
  "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`,
});
