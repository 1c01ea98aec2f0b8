/** zod schemas of report requests and the inbox (request and response bodies). @module */
import { z } from "@hono/zod-openapi";
import { BigRowIdSchema, IsoDateSchema, RowIdSchema } from "../../../http/schemas.ts";
import { FormSchema } from "../../forms/forms.routes.ts";
import { Level, LevelDeadline, Status, TimelinessValue } from "../reporting.schemas.ts";

export const DeadlineQuery = z.object({
  period: z.string().min(1).max(30).openapi({ example: "2026S1" }),
  level: Level,
  answers: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional().openapi({
    description: "The report owed upward the request gathers for: its levels count back from that deadline",
  }),
});

export const DeadlineSchema = z.object({
  period: z.object({
    type: z.string(),
    code: z.string(),
    start: z.string(),
    end: z.string(),
    cutoffFrom: z.string(),
    cutoffTo: z.string(),
    labelVi: z.string(),
  }),
  deadline: z.string(),
  levels: z.array(LevelDeadline),
});

export const PeriodInput = z.union([
  z.object({ code: z.string().min(1).max(30) }),
  z.object({
    start: IsoDateSchema,
    end: IsoDateSchema,
    cutoff: z.object({ from: IsoDateSchema, to: IsoDateSchema }).optional(),
  }),
]);

export const CreateRequestBody = z.object({
  issuerUnitCode: z.string().min(1).max(40),
  issuerBodyId: RowIdSchema.optional(),
  formId: RowIdSchema,
  period: PeriodInput,
  referenceNo: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .optional()
    .openapi({ description: "The công văn that asks for it", example: "113-CV/BDVHU" }),
  citedDocumentId: RowIdSchema.optional().openapi({
    description:
      "That công văn in the registry (its number becomes referenceNo when none is given); every answer's first line cites it",
  }),
  planId: RowIdSchema.optional().openapi({
    description: "The plan the report is on (Kế hoạch số 53-KH/HU), one the user may read",
  }),
  answersSubmissionId: BigRowIdSchema.optional().openapi({
    description:
      "The issuer's own report owed upward that this request gathers for (the province asks its communes to answer the centre); the deadline must come before that report's",
  }),
  issuedOn: IsoDateSchema.optional().openapi({
    description:
      "The day the request went out, when it is entered after the fact (default today; never in the future). The issuing unit and body are checked as they were that day",
  }),
  title: z.string().trim().min(1).max(300).optional(),
  targetLevel: Level.optional().openapi({
    description:
      "Every unit (or every body of targetBodyKind) of this level below the issuer; or give targetBodyIds",
  }),
  targetBodyKind: z.string().min(1).max(60).optional(),
  targetBodyIds: z.array(RowIdSchema).min(1).max(500).optional().openapi({
    description:
      "The bodies asked, by name: of the issuer's own unit or below it, each one the issuing body (issuerBodyId) may ask (GET /api/ask-rules)",
  }),
  deadline: IsoDateSchema.optional().openapi({ description: "Default: proposed from the reporting regime" }),
  reminderDays: z.number().int().min(0).max(30).optional(),
  allowOverlap: z.boolean().optional().openapi({
    description:
      "Issue it even though a request of the same form and period already asks some of the same units (409 request_overlaps otherwise)",
  }),
});

export const RequestPreviewSchema = z
  .object({
    targets: z.number().openapi({ description: "How many units (or bodies) the request would ask" }),
    items: z.array(
      z
        .object({
          id: z.number().nullable().openapi({ description: "Null when you may not read that request" }),
          referenceNo: z.string().nullable(),
          title: z.string().nullable(),
          issuerUnitCode: z.string(),
          issuerName: z.string(),
          deadline: z.string(),
          shared: z.number().openapi({ description: "Units asked by both" }),
          expected: z.number(),
          submitted: z.number(),
          accepted: z.number(),
          open: z.boolean(),
        })
        .openapi("RequestOverlap"),
    ),
  })
  .openapi("RequestPreview");
export const RequestFields = {
  id: z.number(),
  issuerUnitCode: z.string(),
  issuerBodyId: z.number().nullable(),
  formId: z.number(),
  periodCode: z.string(),
  periodType: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  cutoffFrom: z.string(),
  cutoffTo: z.string(),
  referenceNo: z.string().nullable(),
  title: z.string(),
  targetLevel: Level,
  targetBodyKind: z.string().nullable(),
  deadline: z.string(),
  levelDeadlines: z.array(LevelDeadline),
  reminderDays: z.number(),
  issuedAt: z.string(),
  issuedOn: z.string(),
  planId: z.number().nullable(),
  version: z.number(),
};

export const RequestSchema = z.object(RequestFields).openapi("ReportRequest");
export const CreatedRequestSchema = z.object({ ...RequestFields, expected: z.number() });
export const CountsSchema = z.object({
  expected: z.number(),
  submitted: z.number(),
  accepted: z.number(),
  returned: z.number(),
  onTime: z.number(),
  late: z.number(),
  missing: z.number(),
  completeness: z.string().openapi({ description: "Percent submitted, exact decimal" }),
});

export const TargetFields = {
  id: z.number(),
  unitCode: z.string(),
  unitName: z.string(),
  unitLevel: Level,
  bodyId: z.number().nullable(),
  bodyName: z.string().nullable(),
  status: Status,
  partial: z.boolean(),
  timeliness: TimelinessValue,
  lateReason: z.string().nullable(),
  comment: z.string().nullable(),
  firstSubmittedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  version: z.number(),
};

export const TargetSchema = z.object(TargetFields).openapi("RequestTarget");
export const RequestListSchema = z.object({
  items: z.array(z.object({ ...RequestFields, counts: CountsSchema })),
});

export const RequestTargetSchema = TargetSchema.extend({
  counted: z.boolean().openapi({ description: "This report is the one the totals count for its unit" }),
  countedIn: z
    .object({ requestId: z.number(), referenceNo: z.string().nullable(), submissionId: z.number() })
    .nullable()
    .openapi({ description: "The unit's counted report came with another request of the same series" }),
}).openapi("RequestTargetCounted");
export const RequestDetailSchema = z
  .object({
    ...RequestFields,
    form: FormSchema,
    answers: z
      .object({
        submissionId: z.number(),
        requestId: z.number(),
        referenceNo: z.string().nullable(),
        title: z.string(),
        deadline: z.string(),
      })
      .nullable()
      .openapi({ description: "The issuer's own report owed upward that this request gathers for" }),
    counts: CountsSchema,
    targets: z.array(RequestTargetSchema),
  })
  .openapi("ReportRequestDetail");

export const GatheringSchema = z.object({
  id: z.number(),
  referenceNo: z.string().nullable(),
  title: z.string(),
  targetLevel: Level,
  deadline: z.string(),
  overdue: z.boolean(),
  counts: CountsSchema,
});
/** On a report's page: besides the counts, who has not sent yet (late once the deadline has passed). */
export const GatheringDetailSchema = GatheringSchema.extend({
  waitingFor: z.array(z.object({ submissionId: z.number(), name: z.string(), status: Status })),
  waitingMore: z.number().openapi({ description: "How many more have not sent, past those named" }),
});
export const InboxQuery = z.object({
  status: z
    .union([Status, z.array(Status)])
    .optional()
    .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v])),
});

export const InboxSchema = z.object({
  items: z.array(
    z.object({
      ...TargetFields,
      requestId: z.number(),
      title: z.string(),
      periodCode: z.string(),
      deadline: z.string(),
      referenceNo: z.string().nullable(),
      issuerUnitCode: z.string(),
      issuerName: z.string(),
      gathering: z.array(GatheringSchema).openapi({
        description:
          "What this report's unit asked of the units below to gather it, and how far they answered",
      }),
    }),
  ),
});
