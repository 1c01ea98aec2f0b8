/** zod schemas of /api/requests, /api/inbox and /api/submissions (request and response bodies). @module */
import { z } from "@hono/zod-openapi";
import { INT4_MAX, IsoDateSchema, RowIdSchema, VersionSchema } from "../../http/schemas.ts";
import { FormSchema } from "../forms/forms.routes.ts";

export const Level = z.enum(["province", "district", "commune", "hamlet"]);
export const Status = z.enum(["not_started", "draft", "submitted", "returned", "accepted"]);
const TimelinessValue = z.enum(["on_time", "late", "missing", "pending"]);
const LevelDeadline = z.object({ level: z.string(), deadline: z.string() });

export const IdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2_147_483_647)
    .openapi({ param: { name: "id", in: "path" } }),
});

export const DeadlineQuery = z.object({
  period: z.string().min(1).max(30).openapi({ example: "2026S1" }),
  level: Level,
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

const PeriodInput = z.union([
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
  title: z.string().trim().min(1).max(300).optional(),
  targetLevel: Level,
  targetBodyKind: z.string().min(1).max(60).optional(),
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

const RequestFields = {
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
  version: z.number(),
};
export const RequestSchema = z.object(RequestFields).openapi("ReportRequest");
export const CreatedRequestSchema = z.object({ ...RequestFields, expected: z.number() });

const CountsSchema = z.object({
  expected: z.number(),
  submitted: z.number(),
  accepted: z.number(),
  returned: z.number(),
  onTime: z.number(),
  late: z.number(),
  missing: z.number(),
  completeness: z.string().openapi({ description: "Percent submitted, exact decimal" }),
});

const TargetFields = {
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
const TargetSchema = z.object(TargetFields).openapi("RequestTarget");

export const RequestListSchema = z.object({
  items: z.array(z.object({ ...RequestFields, counts: CountsSchema })),
});
const RequestTargetSchema = TargetSchema.extend({
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
    counts: CountsSchema,
    targets: z.array(RequestTargetSchema),
  })
  .openapi("ReportRequestDetail");

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
    }),
  ),
});

/** indicator code → breakdown ("" for the total) → value as typed */
type ValuesInput = Record<string, Record<string, string>>;
const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The values of a report: checked by one loop rather than a record of records (which costs a deadline burst
 * tens of kilobytes of garbage per report), with the same limits and the same issues at the same paths; the
 * OpenAPI document shows the record of records.
 */
const Values = z
  .custom<ValuesInput>()
  .superRefine((v, ctx) => {
    if (!isPlain(v)) {
      ctx.addIssue({ code: "custom", message: "Expected an object of indicator codes" });
      return;
    }
    for (const code in v) {
      if (code.length > 64) ctx.addIssue({ code: "custom", path: [code], message: "Code too long (max 64)" });
      const combos = v[code];
      if (!isPlain(combos)) {
        ctx.addIssue({ code: "custom", path: [code], message: "Expected an object of breakdowns" });
        continue;
      }
      for (const combo in combos) {
        const value = combos[combo];
        if (combo.length > 200)
          ctx.addIssue({ code: "custom", path: [code, combo], message: "Breakdown too long (max 200)" });
        if (typeof value !== "string")
          ctx.addIssue({ code: "custom", path: [code, combo], message: "Expected a string" });
        else if (value.length > 2000)
          ctx.addIssue({ code: "custom", path: [code, combo], message: "Too long (max 2000)" });
      }
    }
  })
  .openapi({
    type: "object",
    additionalProperties: { type: "object", additionalProperties: { type: "string", maxLength: 2000 } },
    description: 'indicator code (at most 64 characters) → breakdown ("" for the total; at most 200) → value',
    example: { DVK_MODELS_TOTAL: { "": "12", "field=kinh tế": "5" } },
  });
const Narrative = z.record(z.string().max(20), z.string().max(100_000));

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
      status: Status,
      partial: z.boolean(),
      values: Values,
      narrative: Narrative,
      lateReason: z.string().nullable(),
      comment: z.string().nullable(),
      timeliness: TimelinessValue,
      firstSubmittedAt: z.string().nullable(),
      submittedAt: z.string().nullable(),
      acceptedAt: z.string().nullable(),
      updatedAt: z.string(),
      version: z.number(),
    }),
    unitName: z.string(),
    request: RequestSchema,
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
     * What the registries hold for indicators of the form (the "Dân vận khéo" models, the published evaluation),
     * shown beside the report's own values with the difference; null when none applies.
     */
    fed: z
      .object({
        codes: z.array(z.string()),
        year: z.number(),
        values: z.record(z.string(), z.record(z.string(), z.string())),
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
  request: true,
  previous: true,
}).openapi("SubmissionWritten");

const RevisionFields = {
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
    .max(1_000_000)
    .openapi({ param: { name: "version", in: "path" } }),
});

export const ConsolidationQuery = z.object({ unit: z.string().min(1).max(40).optional() });
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

export const TimelinessQuery = z.object({
  unit: z.string().min(1).max(40),
  form: z.string().min(1).max(64).optional(),
});
const Counts = { expected: z.number(), onTime: z.number(), late: z.number(), missing: z.number() };
export const TimelinessSchema = z
  .object({
    unitCode: z.string(),
    unitName: z.string(),
    columns: z.array(
      z.object({ requestId: z.number(), periodCode: z.string(), deadline: z.string(), title: z.string() }),
    ),
    rows: z.array(z.object({ code: z.string(), name: z.string() })),
    cells: z.array(
      z.object({ requestId: z.number(), unitCode: z.string(), ...Counts, accepted: z.number() }),
    ),
    totals: z.array(z.object({ requestId: z.number(), ...Counts })),
  })
  .openapi("TimelinessMap");

export const RemindersSchema = z.object({
  items: z.array(
    z
      .object({
        submissionId: z.number(),
        requestId: z.number(),
        title: z.string(),
        unitCode: z.string(),
        unitName: z.string(),
        deadline: z.string(),
        kind: z.enum(["due_soon", "overdue"]),
        workingDaysLeft: z.number(),
      })
      .openapi("Reminder"),
  ),
});

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
  dataValues: z.array(DataValueSchema).max(200_000),
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

export const TotalsQuery = z.object({
  form: z.string().min(1).max(64).openapi({ example: "dvcq-thap-muoi" }),
  periods: z
    .string()
    .min(1)
    .max(400)
    .transform((v) => [
      ...new Set(
        v
          .split(",")
          .map((p) => p.trim())
          .filter(Boolean),
      ),
    ])
    .openapi({ example: "2024,2025,2026" }),
  unit: z
    .string()
    .min(1)
    .max(40)
    .optional()
    .openapi({ description: "Default: the whole country (its provinces)" }),
});
export const TotalsSchema = z
  .object({
    form: z.string(),
    periods: z.array(z.string()),
    unit: z.object({ code: z.string(), name: z.string() }).nullable(),
    children: z.array(z.object({ code: z.string(), name: z.string() })),
    indicators: z.array(
      z.object({
        code: z.string(),
        nameVi: z.string(),
        nameEn: z.string(),
        unitOfMeasure: z.string(),
        aggregation: z.string(),
      }),
    ),
    values: z.record(z.string(), z.record(z.string(), z.record(z.string(), z.string().nullable()))).openapi({
      description:
        "unit code → period → indicator → value (exact decimal): the unit's own latest accepted report if it has one, else the latest accepted reports of the units below it",
    }),
    ownReport: z
      .record(z.string(), z.array(z.string()))
      .openapi({ description: "unit code → the periods whose figure is the unit's own report" }),
    registry: z.record(z.string(), z.record(z.string(), z.string())).openapi({
      description:
        "period → model indicator → the “Dân vận khéo” registry's count under the unit, where the registry is kept that year",
    }),
  })
  .openapi("Totals");

const FigureSources = z
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
  narrative: z.record(z.string().max(20), z.string().max(100_000)).optional(),
  figureSources: FigureSources.optional(),
});
