/** /api/evaluation-schemes, /api/evaluations: the yearly "dân vận chính quyền" evaluation. @module */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../http/context.ts";
import {
  errorResponses,
  IdParam,
  IsoDateSchema,
  json,
  jsonBody,
  UnitCodeSchema,
  VersionSchema,
  writeErrorResponses,
} from "../../http/schemas.ts";
import * as evaluationResultsService from "./evaluation-results.service.ts";
import * as evaluationSchemesService from "./evaluation-schemes.service.ts";
import * as service from "./evaluations.service.ts";

const tags = ["evaluations"];
const ENROLS = ["commune", "district", "department"] as const;
const UnitCode = UnitCodeSchema;
const Points = z.string().trim().max(10).openapi({ example: "12,5" });

const ItemFields = {
  code: z.string().trim().min(1).max(20),
  titleVi: z.string().trim().min(1).max(500),
  kind: z.enum(["criterion", "bonus", "penalty"]),
  maxPoints: Points,
  scoredBy: z.enum(["unit", "superior"]),
  evidenceRequired: z.boolean(),
  parIndexOnly: z.boolean().optional(),
};

/** A scheme item; a criterion may have one level of sub-criteria (the sources use no deeper tree). */
const ItemSchema = z.object({ ...ItemFields, children: z.array(z.object(ItemFields)).max(50).optional() });
const SchemeBody = z
  .object({
    items: z.array(ItemSchema).min(1).max(100),
    bands: z
      .array(z.object({ code: z.string().min(1).max(20), nameVi: z.string().min(1).max(200), min: Points }))
      .min(1)
      .max(10),
    caps: z
      .array(
        z.object({
          code: z.string().min(1).max(40),
          labelVi: z.string().min(1).max(300),
          maxBand: z.string(),
        }),
      )
      .max(20)
      .default([]),
    scaleTo100: z.boolean().default(false),
  })
  .openapi("EvaluationSchemeBody");

const SchemeSchema = z.object({
  id: z.number(),
  provinceCode: z.string(),
  year: z.number(),
  name: z.string(),
  source: z.string(),
  exampleKey: z.string().nullable(),
  scheme: z.unknown(),
  selfFrom: z.string(),
  selfUntil: z.string(),
  enrols: z.enum(ENROLS),
  publishedAt: z.string().nullable(),
  withdrawn: z
    .object({ on: z.string(), reason: z.string() })
    .nullable()
    .openapi({ description: "Withdrawn before any unit scored itself: stays listed, takes no scores" }),
  version: z.number(),
});

const Scores = z.record(
  z.string().max(20),
  z.object({
    points: Points,
    evidence: z.string().trim().max(2000).optional(),
    /** The appraiser's reason for the points given (appraisal only). */
    comment: z.string().trim().max(2000).optional(),
  }),
);

const EvaluationSchema = z
  .object({
    id: z.number(),
    schemeId: z.number(),
    unitCode: z.string(),
    /** the department scored (a body of the province), or null for a commune or a district */
    bodyId: z.number().nullable(),
    unitName: z.string(),
    inParIndex: z.boolean(),
    ranked: z.boolean(),
    notRankedReason: z.string(),
    ownScores: Scores,
    appraisedScores: Scores,
    appraisalComment: z.string(),
    flags: z.array(z.string()),
    status: z.enum(["draft", "self_submitted", "appraised"]),
    selfSubmittedAt: z.string().nullable(),
    appraisedAt: z.string().nullable(),
    score: z.string().nullable(),
    raw: z.string().nullable(),
    bandCode: z.string().nullable(),
    cappedBy: z.string().nullable(),
    rank: z.number().nullable(),
    parRank: z.number().nullable(),
    sipasRank: z.number().nullable(),
    version: z.number(),
  })
  .openapi("Evaluation");
const EvaluationDetail = EvaluationSchema.extend({
  scheme: SchemeSchema,
  /** the unit's evidence files, each for one criterion */
  attachments: z.array(
    z.object({
      id: z.number(),
      itemCode: z.string(),
      filename: z.string(),
      contentType: z.string(),
      size: z.number(),
    }),
  ),
  can: z.object({ self: z.boolean(), appraise: z.boolean() }),
}).openapi("EvaluationDetail");
const SchemeDetail = SchemeSchema.extend({
  can: z.object({ manage: z.boolean(), appraise: z.boolean(), editItems: z.boolean() }),
  evaluations: z.array(EvaluationSchema),
}).openapi("EvaluationSchemeDetail");

export function evaluationsRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db, kept } = deps;

  app.openapi(
    createRoute({
      method: "get",
      path: "/evaluation-schemes/examples",
      tags,
      summary: "Example schemes from the sources (Bắc Kạn 2017, Quảng Bình 2022), marked as examples",
      responses: {
        200: json(
          z.object({
            items: z.array(
              z.object({ key: z.string(), nameVi: z.string(), source: z.string(), scheme: z.unknown() }),
            ),
          }),
        ),
        ...errorResponses,
      },
    }),
    async (c) => c.json(evaluationSchemesService.listExamples(c.var.auth), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/evaluation-schemes",
      tags,
      summary: "The schemes of a unit's province, newest year first",
      request: { query: z.object({ unit: UnitCode }) },
      responses: {
        200: json(z.object({ province: z.string(), items: z.array(SchemeSchema) })),
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(await evaluationSchemesService.listSchemes(db, c.var.auth, c.req.valid("query").unit), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/evaluation-schemes",
      tags,
      summary:
        "Set a province's scheme for a year (an example or its own); its communes (or, before 2025, districts) are enrolled",
      request: jsonBody(
        z.object({
          provinceCode: UnitCode,
          year: z.number().int().min(2000).max(2100),
          name: z.string().trim().max(300).optional(),
          exampleKey: z.string().max(40).optional(),
          scheme: SchemeBody.optional(),
          selfFrom: IsoDateSchema,
          selfUntil: IsoDateSchema,
          /** Who is scored: the communes (since the 2025 reform), the districts (before it), or the departments. */
          enrols: z.enum(ENROLS).default("commune"),
        }),
      ),
      responses: {
        201: json(SchemeSchema.extend({ enrolled: z.number() }), "Created"),
        ...writeErrorResponses,
      },
    }),
    async (c) =>
      c.json(
        await evaluationSchemesService.createScheme(
          db,
          c.var.auth,
          c.req.valid("json") as evaluationSchemesService.SchemeInput,
        ),
        201,
      ),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/evaluation-schemes/{id}",
      tags,
      summary: "A scheme and the evaluations under it the user may read (ranks once published)",
      request: { params: IdParam },
      responses: { 200: json(SchemeDetail), ...errorResponses },
    }),
    async (c) =>
      c.json(await evaluationSchemesService.getScheme(db, c.var.auth, c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/evaluation-schemes/{id}",
      tags,
      summary:
        "Correct a scheme before publishing: name and self-scoring window; items, bands and caps until the first self-score; or withdraw it with a reason until then (it stays listed, marked, and another may take its place)",
      request: {
        params: IdParam,
        ...jsonBody(
          z.object({
            version: VersionSchema,
            name: z.string().trim().min(1).max(300).optional(),
            scheme: SchemeBody.optional(),
            selfFrom: IsoDateSchema.optional(),
            selfUntil: IsoDateSchema.optional(),
            withdrawn: z.literal(true).optional(),
            withdrawnReason: z.string().trim().max(1000).optional(),
          }),
        ),
      },
      responses: { 200: json(SchemeSchema), ...writeErrorResponses },
    }),
    async (c) =>
      c.json(
        await evaluationSchemesService.updateScheme(
          db,
          c.var.auth,
          c.req.valid("param").id,
          c.req.valid("json") as evaluationSchemesService.SchemeEdit,
        ),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/evaluation-schemes/{id}/publish",
      tags,
      summary: "Publish the year's results: rank the ranked units (ties share a rank); all must be appraised",
      request: {
        params: IdParam,
        ...jsonBody(
          z.object({
            version: VersionSchema,
            /** Publish the units not appraised as "not ranked" instead of refusing. */
            notRankUnappraised: z.boolean().default(false),
          }),
        ),
      },
      responses: { 200: json(SchemeDetail), ...writeErrorResponses },
    }),
    async (c) =>
      c.json(
        await evaluationSchemesService.publishScheme(
          db,
          kept,
          c.var.auth,
          c.req.valid("param").id,
          c.req.valid("json"),
        ),
        200,
      ),
  );

  // before /evaluations/{id}, which would take "history" for an id
  app.openapi(
    createRoute({
      method: "get",
      path: "/evaluations/history",
      tags,
      summary: "A unit's published results per year: score, band, rank, PAR Index and SIPAS ranks",
      request: { query: z.object({ unit: UnitCode }) },
      responses: {
        200: json(
          z.object({
            items: z.array(
              z.object({
                year: z.number(),
                score: z.string().nullable(),
                bandCode: z.string().nullable(),
                bandName: z.string().nullable(),
                rank: z.number().nullable(),
                parRank: z.number().nullable(),
                sipasRank: z.number().nullable(),
              }),
            ),
          }),
        ),
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(await evaluationResultsService.history(db, c.var.auth, c.req.valid("query").unit), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/evaluations/{id}",
      tags,
      summary: "A unit's evaluation: its scores, the appraisal, the result and what the user may do",
      request: { params: IdParam },
      responses: { 200: json(EvaluationDetail), ...errorResponses },
    }),
    async (c) => c.json(await service.getEvaluation(db, c.var.auth, c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/evaluations/{id}/self",
      tags,
      summary: "The unit's own scores with evidence, saved or submitted, inside the self-scoring window",
      request: {
        params: IdParam,
        ...jsonBody(
          z.object({
            version: VersionSchema,
            scores: Scores,
            submit: z.boolean().default(false),
            inParIndex: z.boolean().optional(),
            parRank: z.number().int().min(1).max(100).nullable().optional(),
            sipasRank: z.number().int().min(1).max(100).nullable().optional(),
          }),
        ),
      },
      responses: { 200: json(EvaluationDetail), ...writeErrorResponses },
    }),
    async (c) =>
      c.json(await service.saveSelf(db, c.var.auth, c.req.valid("param").id, c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/evaluations/{id}/appraisal",
      tags,
      summary: "The superior's appraisal: adjusted scores, a comment, capping facts, ranked or not",
      request: {
        params: IdParam,
        ...jsonBody(
          z.object({
            version: VersionSchema,
            scores: Scores,
            comment: z.string().trim().max(4000).default(""),
            flags: z.array(z.string().max(40)).max(20).default([]),
            ranked: z.boolean().default(true),
            notRankedReason: z.string().trim().max(1000).default(""),
          }),
        ),
      },
      responses: { 200: json(EvaluationDetail), ...writeErrorResponses },
    }),
    async (c) =>
      c.json(await service.appraise(db, c.var.auth, c.req.valid("param").id, c.req.valid("json")), 200),
  );

  return app;
}
