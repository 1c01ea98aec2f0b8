/** /api/requests/{id}/dataValueSets and /excel: values in and out (DHIS2, Excel). @module */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../../http/context.ts";
import { errorResponses, json, jsonBody, writeErrorResponses, XLSX_TYPE } from "../../../http/schemas.ts";
import { sentFile } from "../../../http/sent-file.ts";
import * as excel from "../exchange/excel.service.ts";
import * as exchange from "../exchange/exchange.service.ts";
import * as s from "../reporting.schemas.ts";
import * as exchangeSchemas from "./exchange.schemas.ts";

const tags = ["reporting"];

export function exchangeRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db, kept } = deps;
  app.openapi(
    createRoute({
      method: "get",
      path: "/requests/{id}/dataValueSets",
      tags,
      summary:
        "The request's values as a DHIS2 dataValueSet (JSON); reports sent and accepted, or drafts too",
      request: { params: s.IdParam, query: exchangeSchemas.ExportQuery },
      responses: { 200: json(exchangeSchemas.DataValueSetSchema), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await exchange.exportValues(db, kept, c.var.auth, c.req.valid("param").id, {
          includeDrafts: c.req.valid("query").includeDrafts,
        }),
        200,
      ),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/requests/{id}/dataValueSets.csv",
      tags,
      summary: "The same values as DHIS2 CSV",
      request: { params: s.IdParam, query: exchangeSchemas.ExportQuery },
      responses: {
        200: { description: "CSV", content: { "text/csv": { schema: { type: "string" } } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const set = await exchange.exportValues(db, kept, c.var.auth, c.req.valid("param").id, {
        includeDrafts: c.req.valid("query").includeDrafts,
      });
      return c.body(exchange.toCsv(set.dataValues), 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="dataValueSets-${set.dataSet}-${set.period}.csv"`,
      });
    },
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/requests/{id}/dataValueSets",
      tags,
      summary: "Import DHIS2 dataValues (JSON) into the targets' drafts; ?dryRun=true checks without storing",
      request: {
        params: s.IdParam,
        query: exchangeSchemas.ImportQuery,
        ...jsonBody(exchangeSchemas.DataValueSetBody),
      },
      responses: { 200: json(exchangeSchemas.ImportSummarySchema), ...writeErrorResponses },
    }),
    async (c) =>
      c.json(
        await exchange.importValues(
          db,
          kept,
          c.var.auth,
          c.req.valid("param").id,
          c.req.valid("json").dataValues,
          {
            dryRun: c.req.valid("query").dryRun,
            allOrNothing: false,
            source: "dataValueSets (JSON)",
          },
        ),
        200,
      ),
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/requests/{id}/dataValueSets.csv",
      tags,
      summary: "Import DHIS2 CSV (header: dataelement, period, orgunit, categoryoptioncombo, value…)",
      request: {
        params: s.IdParam,
        query: exchangeSchemas.ImportQuery,
        body: { content: { "text/csv": { schema: { type: "string" } } }, required: true },
      },
      responses: { 200: json(exchangeSchemas.ImportSummarySchema), ...writeErrorResponses },
    }),
    async (c) => {
      const file = new Uint8Array(await c.req.arrayBuffer());
      const rows = exchange.parseDataValueCsv(await deps.offload.readCsv(file));
      return c.json(
        await exchange.importValues(db, kept, c.var.auth, c.req.valid("param").id, rows, {
          dryRun: c.req.valid("query").dryRun,
          allOrNothing: false,
          source: "dataValueSets (CSV)",
          locate: exchange.csvLine,
        }),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/requests/{id}/excel",
      tags,
      summary:
        "Excel template: a row per unit × indicator for the units you fill (or ?unit=CODE), values so far",
      request: { params: s.IdParam, query: s.ConsolidationQuery },
      responses: {
        200: {
          description: "xlsx",
          content: { [XLSX_TYPE]: { schema: { type: "string", format: "binary" } } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const id = c.req.valid("param").id;
      const file = await excel.template(db, kept, c.var.auth, id, c.req.valid("query").unit);
      return c.body(new Uint8Array(file), 200, {
        "content-type": XLSX_TYPE,
        "content-disposition": `attachment; filename="bieu-nhap-so-lieu-${id}.xlsx"`,
      });
    },
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/requests/{id}/excel",
      tags,
      summary:
        "Upload a filled template: every row valid or nothing stored (errors name sheet, row and cell)",
      request: {
        params: s.IdParam,
        query: exchangeSchemas.ImportQuery,
        body: { content: { [XLSX_TYPE]: { schema: { type: "string", format: "binary" } } }, required: true },
      },
      responses: { 200: json(exchangeSchemas.ImportSummarySchema), ...writeErrorResponses },
    }),
    async (c) => {
      const body = await sentFile(c, "excel");
      return c.json(
        await excel.importTemplate(
          db,
          kept,
          c.var.auth,
          c.req.valid("param").id,
          body,
          c.req.valid("query").dryRun,
          deps.offload,
        ),
        200,
      );
    },
  );
  return app;
}
