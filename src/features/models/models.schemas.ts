/** zod schemas of the "Dân vận khéo" models (request and response bodies). @module */
import { z } from "@hono/zod-openapi";
import { MODEL_KINDS, MODEL_STATUSES } from "../../domain/dvk-models.ts";
import { IdParam, IsoDateSchema, UnitCodeSchema } from "../../http/schemas.ts";

export const UnitCode = UnitCodeSchema;
export const Year = z.coerce.number().int().min(2000).max(2100);
export const Kind = z.enum(MODEL_KINDS);
export const Status = z.enum(MODEL_STATUSES);
export const Text = (max: number) => z.string().trim().max(max).default("");
export const Counts = {
  total: z.number(),
  new: z.number(),
  kept: z.number(),
  recognised: z.number(),
  exemplary: z.number(),
};

export const Details = z.object({
  rationale: Text(4000),
  goals: Text(4000),
  contentMethod: Text(8000),
  area: Text(500),
  targetGroup: Text(500),
  forces: z
    .object({ lead: Text(500), coordinating: Text(1000), participating: Text(1000) })
    .default({ lead: "", coordinating: "", participating: "" }),
  resources: Text(2000),
  milestones: z
    .array(z.object({ date: IsoDateSchema, text: z.string().trim().min(1).max(500) }))
    .max(50)
    .default([]),
  expectedOutputs: Text(4000),
  sustainability: Text(4000),
});

export const ModelListItem = z
  .object({
    id: z.number(),
    unitCode: z.string(),
    unitName: z.string(),
    name: z.string(),
    fieldCode: z.string(),
    kind: Kind,
    year: z.number(),
    registration: z.enum(["new", "kept"]),
    status: Status,
    wasExemplary: z.boolean(),
    decisionSymbol: z.string().nullable(),
    yearVersion: z.number(),
    /** The day the model was stopped; null while it runs. */
    stoppedOn: z.string().nullable(),
  })
  .openapi("DvkModelListItem");
export const YearSchema = z.object({
  year: z.number(),
  registration: z.enum(["new", "kept"]),
  status: Status,
  wasExemplary: z.boolean(),
  assessment: z
    .object({
      answers: z.record(z.string(), z.boolean()),
      met: z.number(),
      total: z.number(),
      passes: z.boolean(),
    })
    .nullable(),
  decisionSymbol: z.string().nullable(),
  version: z.number(),
});

export const CriteriaSetSchema = z.object({
  kind: Kind,
  criteria: z.array(z.object({ code: z.string(), textVi: z.string(), required: z.boolean() })),
  minimumMet: z.number(),
  example: z.boolean(),
  source: z.string(),
});

export const ModelDetail = z
  .object({
    id: z.number(),
    unitCode: z.string(),
    unitPath: z.array(z.string()),
    bodyId: z.number().nullable(),
    name: z.string(),
    fieldCode: z.string(),
    kind: Kind,
    details: Details,
    startedOn: z.string(),
    evaluationOn: z.string().nullable(),
    isPublic: z.boolean(),
    results: z.string(),
    stoppedOn: z.string().nullable(),
    stopReason: z.string(),
    version: z.number(),
    years: z.array(YearSchema),
    steps: z.array(
      z.object({
        year: z.number(),
        from: Status.nullable(),
        to: Status,
        comment: z.string(),
        decisionSymbol: z.string().nullable(),
        actorName: z.string(),
        at: z.string(),
      }),
    ),
    criteria: CriteriaSetSchema.nullable(),
    attachments: z.array(
      z.object({ id: z.number(), filename: z.string(), contentType: z.string(), size: z.number() }),
    ),
    can: z.object({ register: z.boolean(), evaluate: z.boolean() }),
  })
  .openapi("DvkModel");
export const YearParam = IdParam.extend({
  year: Year.openapi({ param: { name: "year", in: "path" } }),
});
