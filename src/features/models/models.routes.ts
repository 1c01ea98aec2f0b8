/** /api/models, /api/model-fields, /api/model-criteria: "Dân vận khéo" models. @module */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { MODEL_KINDS, MODEL_STATUSES } from "../../domain/dvk-models.ts";
import { errors } from "../../errors.ts";
import type { AppDeps, AppEnv } from "../../http/context.ts";
import {
  BigRowIdSchema,
  downloadHeaders,
  errorResponses,
  fileBody,
  fileResponse,
  IdParam,
  IsoDateSchema,
  json,
  jsonBody,
  RowIdSchema,
  VersionSchema,
  writeErrorResponses,
  XLSX_TYPE,
} from "../../http/schemas.ts";
import * as excel from "./models.excel.ts";
import * as service from "./models.service.ts";
import * as showcase from "./models.showcase.ts";

const tags = ["models"];
const UnitCode = z.string().regex(/^\d{2,5}(-\d{3})?$/);
const Year = z.coerce.number().int().min(2000).max(2100);
const Kind = z.enum(MODEL_KINDS);
const Status = z.enum(MODEL_STATUSES);
const Text = (max: number) => z.string().trim().max(max).default("");
const Counts = {
  total: z.number(),
  new: z.number(),
  kept: z.number(),
  recognised: z.number(),
  exemplary: z.number(),
};

const Details = z.object({
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

const ModelListItem = z
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
  })
  .openapi("DvkModelListItem");

const YearSchema = z.object({
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

const CriteriaSetSchema = z.object({
  kind: Kind,
  criteria: z.array(z.object({ code: z.string(), textVi: z.string(), required: z.boolean() })),
  minimumMet: z.number(),
  example: z.boolean(),
  source: z.string(),
});

const ModelDetail = z
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

const YearParam = IdParam.extend({
  year: Year.openapi({ param: { name: "year", in: "path" } }),
});

export function modelsRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db } = deps;

  app.openapi(
    createRoute({
      method: "get",
      path: "/model-fields",
      tags,
      summary: "The fields of Dân vận khéo models (kinh tế, văn hóa – xã hội, …): data, four built in",
      responses: {
        200: json(
          z.object({
            items: z.array(z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() })),
          }),
        ),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await service.listFields(db, c.var.auth), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/model-criteria",
      tags,
      summary:
        "The criteria a unit's models are assessed by: its province's own set per kind, else the example set",
      request: { query: z.object({ unit: UnitCode }) },
      responses: {
        200: json(z.object({ province: z.string(), items: z.array(CriteriaSetSchema) })),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await service.getCriteria(db, c.var.auth, c.req.valid("query").unit), 200),
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/model-criteria",
      tags,
      summary:
        "A province issues its own criteria for collective or individual models (replacing the example's)",
      request: jsonBody(
        z.object({
          unit: UnitCode,
          kind: Kind,
          criteria: z
            .array(
              z.object({
                code: z.string().trim().min(1).max(20),
                textVi: z.string().trim().min(1).max(500),
                required: z.boolean(),
              }),
            )
            .min(1)
            .max(30),
          minimumMet: z.number().int().min(0).max(30),
          source: z.string().trim().max(300).default(""),
        }),
      ),
      responses: {
        200: json(z.object({ province: z.string(), items: z.array(CriteriaSetSchema) })),
        ...writeErrorResponses,
      },
    }),
    async (c) => c.json(await service.setCriteria(db, c.var.auth, c.req.valid("json")), 200),
  );

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
    async (c) => c.json(await service.similarModels(db, c.var.auth, c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/models/excel",
      tags,
      summary: "A unit's models of a year as Excel: the list, and the template for new ones",
      request: { query: z.object({ unit: UnitCode, year: Year }) },
      responses: {
        200: {
          description: "xlsx",
          content: { [XLSX_TYPE]: { schema: { type: "string", format: "binary" } } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const file = await excel.exportModels(db, c.var.auth, q.unit, q.year);
      return c.body(new Uint8Array(file), 200, {
        "content-type": XLSX_TYPE,
        "content-disposition": `attachment; filename="mo-hinh-dan-van-kheo-${q.unit}-${q.year}.xlsx"`,
      });
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/models/excel",
      tags,
      summary:
        "Upload a unit's model list: the new rows are registered all or none (errors name sheet, row and cell); dryRun checks only",
      request: {
        query: z.object({
          unit: UnitCode,
          year: Year,
          dryRun: z
            .enum(["true", "false"])
            .optional()
            .transform((v) => v === "true"),
        }),
        body: { content: { [XLSX_TYPE]: { schema: { type: "string", format: "binary" } } }, required: true },
      },
      responses: {
        200: json(
          z.object({
            dryRun: z.boolean(),
            registered: z.number(),
            unchanged: z.number(),
            warnings: z.array(z.object({ row: z.number(), messageVi: z.string() })),
          }),
        ),
        ...writeErrorResponses,
      },
    }),
    async (c) => {
      const body = Buffer.from(await c.req.arrayBuffer());
      if (body.length === 0) throw errors.badRequest("Chưa chọn tệp Excel", "No Excel file was sent");
      return c.json(await excel.importModels(db, c.var.auth, c.req.valid("query"), body, deps.offload), 200);
    },
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
    async (c) => c.json(await service.modelCounts(db, c.var.auth, c.req.valid("query")), 200),
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
    async (c) => c.json(await service.registerModel(db, c.var.auth, c.req.valid("json")), 201),
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
    async (c) => c.json(await service.carryOverCandidates(db, c.var.auth, c.req.valid("query")), 200),
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
    async (c) => c.json(await service.carryOver(db, c.var.auth, c.req.valid("json")), 200),
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
      return c.json(await service.stepModel(db, c.var.auth, id, year, c.req.valid("json")), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/models/{id}/attachments",
      tags,
      summary:
        "Attach a photo or file to a model (PDF, Word, Excel, PNG, JPEG; at most 20 MB; checked by content)",
      request: {
        params: IdParam,
        query: z.object({ filename: z.string().trim().min(1).max(200) }),
        body: fileBody(),
      },
      responses: {
        201: json(
          z.object({ id: z.number(), filename: z.string(), contentType: z.string(), size: z.number() }),
          "Created",
        ),
        ...writeErrorResponses,
      },
    }),
    async (c) => {
      const body = Buffer.from(await c.req.arrayBuffer());
      if (body.length === 0) throw errors.badRequest("Chưa chọn tệp", "No file was sent", { field: "file" });
      return c.json(
        await showcase.attach(
          db,
          c.var.auth,
          c.req.valid("param").id,
          c.req.valid("query").filename,
          body,
          deps.offload,
        ),
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/models/attachments/{id}",
      tags,
      summary: "Download a model's photo or file",
      request: { params: IdParam },
      responses: {
        200: fileResponse("The file"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const x = await showcase.readAttachment(db, c.var.auth, c.req.valid("param").id);
      return c.body(new Uint8Array(x.content), 200, downloadHeaders(x.content_type, x.filename));
    },
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/models/{id}/public",
      tags,
      summary:
        "Show a model on the province's public showcase (off by default) with its results, or take it off",
      request: {
        params: IdParam,
        ...jsonBody(
          z.object({
            version: VersionSchema,
            public: z.boolean(),
            results: z.string().trim().max(4000).default(""),
          }),
        ),
      },
      responses: { 200: json(ModelDetail), ...writeErrorResponses },
    }),
    async (c) =>
      c.json(await showcase.setPublic(db, c.var.auth, c.req.valid("param").id, c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/public/models",
      tags,
      summary: "A province's public showcase of models (no login): name, unit, field, kind, results, photos",
      request: { query: z.object({ province: z.string().regex(/^\d{2}$/) }) },
      responses: {
        200: json(
          z.object({
            province: z.string(),
            items: z.array(
              z.object({
                id: z.number(),
                name: z.string(),
                unitName: z.string(),
                field: z.string(),
                kind: Kind,
                results: z.string(),
                photos: z.array(z.number()),
              }),
            ),
          }),
        ),
        ...errorResponses,
      },
    }),
    // anonymous and read by anyone: it may be answered by the read replica
    async (c) => c.json(await showcase.publicShowcase(c.var.readDb, c.req.valid("query").province), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/public/models/photos/{id}",
      tags,
      summary: "A photo of a publicly shown model (no login)",
      request: { params: IdParam },
      responses: {
        200: {
          description: "The photo",
          content: { "image/jpeg": { schema: { type: "string", format: "binary" } } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const x = await showcase.publicPhoto(db, c.req.valid("param").id);
      return c.body(new Uint8Array(x.content), 200, { "content-type": x.content_type });
    },
  );

  return app;
}
