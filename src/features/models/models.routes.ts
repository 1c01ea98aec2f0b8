/** /api/models: registering "Dân vận khéo" models, the registry list and counts, carrying models over to a new year, and their lifecycle steps. @module */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../http/context.ts";
import {
  BigRowIdSchema,
  errorResponses,
  IdParam,
  IsoDateSchema,
  json,
  jsonBody,
  RowIdSchema,
  VersionSchema,
  writeErrorResponses,
} from "../../http/schemas.ts";
import * as modelCountsService from "./model-counts.service.ts";
import * as modelEditsService from "./model-edits.service.ts";
import * as modelRegistrationService from "./model-registration.service.ts";
import {
  Counts,
  Details,
  Kind,
  ModelDetail,
  ModelListItem,
  Status,
  UnitCode,
  Year,
  YearParam,
  YearSchema,
} from "./models.schemas.ts";
import * as service from "./models.service.ts";

const tags = ["models"];
export function modelsRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db, kept } = deps;
  app.openapi(
    createRoute({
      method: "get",
      path: "/models",
      tags,
      summary: "The models under a unit (its own and every unit's below it) in a year",
      request: {
        query: z.object({
          unit: UnitCode,
          year: Year,
          field: z.string().max(40).optional(),
          status: Status.optional(),
        }),
      },
      responses: { 200: json(z.object({ items: z.array(ModelListItem) })), ...errorResponses },
    }),
    async (c) => c.json(await service.listModels(db, c.var.auth, c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/models/similar",
      tags,
      summary: "Likely duplicates of a name among the unit's models of a year (accents and case ignored)",
      request: { query: z.object({ unit: UnitCode, year: Year, name: z.string().trim().min(1).max(300) }) },
      responses: {
        200: json(
          z.object({
            items: z.array(
              z.object({
                id: z.number(),
                name: z.string(),
                registration: z.enum(["new", "kept"]),
                similarity: z.number(),
              }),
            ),
          }),
        ),
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(await modelRegistrationService.similarModels(db, c.var.auth, c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/models/counts",
      tags,
      summary:
        "Totals of the models under a unit in a year: total, new, kept up, recognised, exemplary; by field, kind and unit",
      request: { query: z.object({ unit: UnitCode, year: Year.optional() }) },
      responses: {
        200: json(
          z.object({
            unit: z.string(),
            year: z.number(),
            ...Counts,
            byField: z.array(z.object({ code: z.string(), ...Counts })),
            byKind: z.array(z.object({ code: z.string(), ...Counts })),
            byUnit: z.array(z.object({ code: z.string(), ...Counts })),
          }),
        ),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await modelCountsService.modelCounts(db, c.var.auth, c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/models",
      tags,
      summary: "Register a new model for a year; a likely duplicate answers 409 unless confirmDuplicate",
      request: jsonBody(
        z.object({
          unitCode: UnitCode,
          bodyId: RowIdSchema.nullable().default(null),
          year: Year,
          name: z.string().trim().min(3).max(300),
          fieldCode: z.string().min(1).max(40),
          kind: Kind,
          details: Details,
          startedOn: IsoDateSchema,
          evaluationOn: IsoDateSchema.nullable().default(null),
          confirmDuplicate: z.boolean().default(false),
        }),
      ),
      responses: { 201: json(z.object({ id: z.number() }), "Created"), ...writeErrorResponses },
    }),
    async (c) =>
      c.json(await modelRegistrationService.registerModel(db, kept, c.var.auth, c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/models/carry-over",
      tags,
      summary: "The unit's models of earlier years not yet kept up in this year",
      request: { query: z.object({ unit: UnitCode, year: Year }) },
      responses: {
        200: json(
          z.object({
            items: z.array(
              z.object({ id: z.number(), name: z.string(), lastYear: z.number(), status: Status }),
            ),
          }),
        ),
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(await modelRegistrationService.carryOverCandidates(db, c.var.auth, c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/models/carry-over",
      tags,
      summary: "Keep up the chosen models of a unit in a year, in one action",
      request: jsonBody(
        z.object({
          unitCode: UnitCode,
          year: Year,
          modelIds: z.array(z.number().int().min(1)).min(1).max(2000),
        }),
      ),
      responses: { 200: json(z.object({ kept: z.number() })), ...writeErrorResponses },
    }),
    async (c) =>
      c.json(await modelRegistrationService.carryOver(db, kept, c.var.auth, c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/models/{id}",
      tags,
      summary: "A model: its registration sheet, its years and every step with who, when and why",
      request: { params: IdParam },
      responses: { 200: json(ModelDetail), ...errorResponses },
    }),
    async (c) => c.json(await service.getModel(db, c.var.auth, c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/models/{id}",
      tags,
      summary:
        "Correct a model's registration (name, field, kind, body, dates, sheet) or stop it with a reason (it stays listed, marked), with its version",
      request: {
        params: IdParam,
        ...jsonBody(
          z.object({
            version: VersionSchema,
            name: z.string().trim().min(3).max(300).optional(),
            fieldCode: z.string().min(1).max(40).optional(),
            kind: Kind.optional(),
            bodyId: RowIdSchema.nullable().optional(),
            details: Details.optional(),
            startedOn: IsoDateSchema.optional(),
            evaluationOn: IsoDateSchema.nullable().optional(),
            status: z.enum(["active", "stopped"]).optional(),
            stopReason: z.string().trim().max(1000).optional(),
          }),
        ),
      },
      responses: { 200: json(ModelDetail), ...writeErrorResponses },
    }),
    async (c) =>
      c.json(
        await modelEditsService.updateModel(
          db,
          kept,
          c.var.auth,
          c.req.valid("param").id,
          c.req.valid("json"),
        ),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/models/{id}/years/{year}/steps",
      tags,
      summary:
        "Move a model on in a year: implementing (its unit); assessed against the criteria, recognised, exemplary, commended with a numbered decision (a unit above)",
      request: {
        params: YearParam,
        ...jsonBody(
          z.object({
            to: Status.exclude(["registered"]),
            version: VersionSchema,
            comment: z.string().trim().max(2000).default(""),
            answers: z.record(z.string().max(20), z.boolean()).optional(),
            decisionNumberId: BigRowIdSchema.optional(),
          }),
        ),
      },
      responses: { 200: json(YearSchema), ...writeErrorResponses },
    }),
    async (c) => {
      const { id, year } = c.req.valid("param");
      return c.json(await service.stepModel(db, kept, c.var.auth, id, year, c.req.valid("json")), 200);
    },
  );

  return app;
}
