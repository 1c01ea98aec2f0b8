/** zod schemas of the DHIS2 and Excel exchange of values (request and response bodies). @module */
import { z } from "@hono/zod-openapi";

export const DataValueSchema = z
  .object({
    dataElement: z.string().min(1).max(64),
    period: z.string().min(1).max(30),
    orgUnit: z.string().min(1).max(40),
    categoryOptionCombo: z.string().max(200).optional(),
    attributeOptionCombo: z.string().max(200).optional(),
    value: z.union([z.string().max(2000), z.number()]).transform(String),
    comment: z.string().max(2000).optional(),
  })
  .openapi("DataValue");
export const DataValueSetBody = z.object({
  dataSet: z.string().optional(),
  period: z.string().optional(),
  orgUnit: z.string().optional(),
  dataValues: z.array(DataValueSchema).max(200000),
});

export const ImportQuery = z.object({
  dryRun: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
});

export const ExportQuery = z.object({
  includeDrafts: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
});

export const ImportSummarySchema = z
  .object({
    status: z.enum(["SUCCESS", "WARNING", "ERROR"]),
    dryRun: z.boolean(),
    importCount: z.object({
      imported: z.number(),
      updated: z.number(),
      ignored: z.number(),
      deleted: z.number(),
    }),
    conflicts: z.array(
      z.object({ object: z.string(), value: z.string(), valueVi: z.string(), at: z.string().optional() }),
    ),
    rules: z.array(
      z.object({
        orgUnit: z.string(),
        severity: z.enum(["error", "warning"]),
        messageVi: z.string(),
        messageEn: z.string(),
      }),
    ),
  })
  .openapi("ImportSummary");
export const DataValueSetSchema = z
  .object({
    dataSet: z.string(),
    period: z.string(),
    dataValues: z.array(
      z.object({
        dataElement: z.string(),
        period: z.string(),
        orgUnit: z.string(),
        categoryOptionCombo: z.string(),
        value: z.string(),
        storedBy: z.string(),
        lastUpdated: z.string(),
      }),
    ),
  })
  .openapi("DataValueSet");
