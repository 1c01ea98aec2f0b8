/** zod schemas of the consolidated report and the requester's summary (request and response bodies). @module */
import { z } from "@hono/zod-openapi";
import { INT4_MAX } from "../../../http/schemas.ts";
import { Level, Status } from "../reporting.schemas.ts";
import { CountsSchema, RequestSchema } from "../requests/requests.schemas.ts";

export const ConsolidationSchema = z
  .object({
    request: RequestSchema,
    unitCode: z.string(),
    unitName: z.string(),
    children: z.array(z.object({ code: z.string(), name: z.string(), level: Level })),
    indicators: z.array(
      z.object({
        code: z.string(),
        nameVi: z.string(),
        nameEn: z.string(),
        unitOfMeasure: z.string(),
        aggregation: z.string(),
        accepted: z.object({
          value: z.string().nullable(),
          combos: z.record(z.string(), z.string().nullable()),
          reporting: z.number(),
          partial: z.number(),
        }),
        pending: z.object({ value: z.string().nullable(), reporting: z.number() }),
        children: z.record(z.string(), z.string().nullable()),
        registry: z
          .object({
            year: z.number(),
            value: z.string().nullable(),
            combos: z.record(z.string(), z.string()),
            difference: z
              .string()
              .nullable()
              .openapi({ description: "The registry's figure less the reports'" }),
          })
          .nullable()
          .openapi({
            description: "What the “Dân vận khéo” registry holds under the unit that year, if it is kept",
          }),
        used: z
          .enum(["reports", "registry"])
          .openapi({ description: "The figure the consolidated report uses" }),
      }),
    ),
    sections: z.array(
      z.object({
        key: z.string(),
        titleVi: z.string(),
        titleEn: z.string(),
        excerpts: z.array(
          z.object({
            submissionId: z.number(),
            unitCode: z.string(),
            unitName: z.string(),
            bodyName: z
              .string()
              .nullable()
              .openapi({ description: "The body that wrote it, if asked by body" }),
            status: Status,
            text: z.string(),
          }),
        ),
      }),
    ),
    pendingCount: z.number(),
    sources: z
      .array(
        z.object({
          requestId: z.number(),
          referenceNo: z.string().nullable(),
          reports: z.number(),
          thisRequest: z.boolean(),
        }),
      )
      .openapi({
        description:
          "The requests whose reports the totals count (each unit's latest accepted report in the series of form, period and targets, whichever request carried it)",
      }),
  })
  .openapi("Consolidation");
export const FigureSources = z
  .record(z.string().max(64), z.enum(["reports", "registry"]))
  .openapi({ description: "Per indicator a registry also holds: the figure the consolidated report uses" });
export const SummarySchema = z
  .object({
    unitCode: z.string(),
    narrative: z.record(z.string(), z.string()),
    figureSources: FigureSources,
    version: z.number(),
  })
  .openapi("ConsolidationSummary");
export const SummaryBody = z.object({
  unit: z.string().min(1).max(40).optional(),
  version: z
    .number()
    .int()
    .min(0)
    .max(INT4_MAX)
    .openapi({ description: "The version read (0: none written yet)" }),
  narrative: z.record(z.string().max(20), z.string().max(100000)).optional(),
  figureSources: FigureSources.optional(),
});

export const GatheredSchema = z
  .object({
    sources: z.array(
      z.object({
        requestId: z.number(),
        referenceNo: z.string().nullable(),
        title: z.string(),
        deadline: z.string(),
        counts: CountsSchema,
        pending: z
          .number()
          .openapi({ description: "Reports submitted, not yet accepted: not in the figures" }),
      }),
    ),
    values: z.record(z.string(), z.record(z.string(), z.string())),
    narrative: z.record(z.string(), z.string()),
    left: z.array(z.string()).openapi({
      description:
        "Indicators whose gathered figure the report's indicator cannot hold as it is (left to type)",
    }),
  })
  .openapi("Gathered");
