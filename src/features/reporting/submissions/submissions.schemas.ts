/** zod schemas of a report, its workflow steps and revisions (request and response bodies). @module */
import { z } from "@hono/zod-openapi";
import { VersionSchema } from "../../../http/schemas.ts";
import { FormSchema } from "../../forms/forms.routes.ts";
import { IdParam, Narrative, Status, TimelinessValue, Values } from "../reporting.schemas.ts";
import { GatheringDetailSchema, RequestSchema } from "../requests/requests.schemas.ts";

export const SaveBody = z.object({
  version: VersionSchema,
  values: Values.optional(),
  narrative: Narrative.optional(),
});

export const SubmitBody = SaveBody.extend({ lateReason: z.string().trim().max(2000).optional() });

export const ReviewBody = z.object({
  version: VersionSchema,
  comment: z.string().trim().max(4000).optional(),
});

export const SubmissionDetailSchema = z
  .object({
    submission: z.object({
      id: z.number(),
      requestId: z.number(),
      unitCode: z.string(),
      bodyId: z.number().nullable(),
      document: z
        .object({ symbol: z.string(), registryDocumentId: z.number().nullable() })
        .nullable()
        .openapi({ description: "The body's answer as its numbered document, once it took its number" }),
      status: Status,
      partial: z.boolean(),
      values: Values,
      narrative: Narrative,
      lateReason: z.string().nullable(),
      comment: z.string().nullable(),
      timeliness: TimelinessValue,
      answerOn: z.string().openapi({
        description: "The day the body's answer is dated as its document: the day it was sent, else today",
      }),
      firstSubmittedAt: z.string().nullable(),
      submittedAt: z.string().nullable(),
      acceptedAt: z.string().nullable(),
      updatedAt: z.string(),
      version: z.number(),
    }),
    unitName: z.string(),
    bodyName: z.string().nullable().openapi({ description: "The reporting body, when a body was asked" }),
    openingLine: z.string().nullable().openapi({
      description: "The answer's first line, citing the request's công văn (null when it cites none)",
      example:
        "Thực hiện Công văn số 113-CV/BDVHU ngày 09 tháng 01 năm 2024 của Ban Dân vận Huyện ủy về việc …, Ủy ban nhân dân huyện báo cáo như sau:",
    }),
    request: RequestSchema,
    gathering: z.array(GatheringDetailSchema).openapi({
      description: "The requests this unit sent to the units below to gather this report",
    }),
    carried: z
      .object({
        takenOn: z.string(),
        sources: z.array(
          z.object({
            requestId: z.number(),
            referenceNo: z.string().nullable(),
            title: z.string(),
            expected: z.number(),
            submitted: z.number(),
            accepted: z.number(),
            late: z.number(),
            missing: z.number(),
          }),
        ),
        differences: z.array(
          z.object({ code: z.string(), reported: z.string().nullable(), gathered: z.string() }),
        ),
      })
      .nullable()
      .openapi({
        description:
          "What the report carried, when sent, of what it gathered from the units below: how far they answered, and the totals it reports that differ from theirs",
      }),
    form: FormSchema,
    indicators: z.array(
      z.object({
        code: z.string(),
        nameVi: z.string(),
        nameEn: z.string(),
        type: z.enum(["integer", "decimal", "percentage", "text"]),
        unitOfMeasure: z.string(),
        aggregation: z.string(),
        categories: z.record(z.string(), z.array(z.string())),
        maxValue: z.string().nullable(),
      }),
    ),
    previous: z.object({ periodCode: z.string(), values: Values }).nullable(),
    checks: z.object({
      violations: z.array(
        z.object({
          index: z.number(),
          severity: z.enum(["error", "warning"]),
          messageVi: z.string(),
          messageEn: z.string(),
          left: z.string(),
          right: z.string(),
        }),
      ),
      outliers: z.array(z.object({ indicator: z.string(), previous: z.string(), current: z.string() })),
      breakdowns: z.array(
        z.object({
          indicator: z.string(),
          category: z.string(),
          options: z.array(z.string()),
          total: z.string(),
          sum: z.string(),
          complete: z.boolean(),
          messageVi: z.string(),
          messageEn: z.string(),
        }),
      ),
    }),
    can: z.object({ fill: z.boolean(), review: z.boolean(), unlock: z.boolean() }),
    lateReasonNeeded: z.boolean(),
    /**
     * What the registries hold for indicators of the form (the "Dân vận khéo" models, the published evaluation, the letters),
     * shown beside the report's own values with the difference; null when none applies.
     */
    fed: z
      .object({
        codes: z.array(z.string()),
        year: z.number(),
        values: z.record(z.string(), z.record(z.string(), z.string())),
        kept: z.array(z.string()).openapi({
          description:
            "Indicators whose figures are the registers' (reception and letters kept in danvan for the whole period): read-only, written at every save and at sending",
        }),
      })
      .nullable(),
  })
  .openapi("SubmissionDetail");
/**
 * What a save, submit or review answers: the submission's state after it, without what the page has already
 * and a write does not change (the form and its indicators, the unit's name, the request, the previous period).
 */
export const SubmissionWrittenSchema = SubmissionDetailSchema.omit({
  form: true,
  indicators: true,
  unitName: true,
  bodyName: true,
  openingLine: true,
  request: true,
  gathering: true,
  carried: true,
  previous: true,
}).openapi("SubmissionWritten");
export const RevisionFields = {
  version: z.number(),
  event: z.enum(["save", "submit", "return", "accept", "unlock"]),
  status: Status,
  comment: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
};

export const RevisionListSchema = z.object({ items: z.array(z.object(RevisionFields)) });
export const RevisionSchema = z.object({ ...RevisionFields, values: Values, narrative: Narrative });

export const RevisionParams = IdParam.extend({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000000)
    .openapi({ param: { name: "version", in: "path" } }),
});
