/** /api/requests, /api/inbox, /api/submissions: periodic reporting. @module */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { errors } from "../../errors.ts";
import type { AppDeps, AppEnv } from "../../http/context.ts";
import { errorResponses, json, jsonBody, writeErrorResponses, XLSX_TYPE } from "../../http/schemas.ts";
import { serializeOnce } from "../../http/serialize-once.ts";
import * as consolidation from "./consolidation.service.ts";
import * as dashboards from "./dashboards.service.ts";
import * as excel from "./excel.service.ts";
import * as exchange from "./exchange.service.ts";
import * as reminders from "./reminders.service.ts";
import * as s from "./reporting.schemas.ts";
import * as service from "./reporting.service.ts";

const tags = ["reporting"];

export function reportingRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db } = deps;
  app.openapi(
    createRoute({
      method: "get",
      path: "/reporting/deadline",
      tags,
      summary: "The cut-off window and the per-level deadlines the reporting regime proposes for a period",
      request: { query: s.DeadlineQuery },
      responses: { 200: json(s.DeadlineSchema), ...errorResponses },
    }),
    async (c) => c.json(await service.proposeDeadline(db, c.var.auth, c.req.valid("query")), 200),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/reporting/timeliness",
      tags,
      summary: "Completeness and timeliness per unit (one level down) over the latest requests: the heat-map",
      request: { query: s.TimelinessQuery },
      responses: { 200: json(s.TimelinessSchema), ...errorResponses },
    }),
    async (c) => c.json(await dashboards.timelinessMap(db, c.var.auth, c.req.valid("query")), 200),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/reporting/totals",
      tags,
      summary:
        "Rolled-up totals of a form for a unit and the units below it (default: the country's provinces)",
      request: { query: s.TotalsQuery },
      responses: { 200: json(s.TotalsSchema), ...errorResponses },
    }),
    async (c) => {
      const result = await dashboards.totals(db, c.var.auth, c.req.valid("query"));
      // the values (most of the answer) are the same object while the totals did not change: their JSON is
      // made once; the same JSON as c.json(result), typed as such for the OpenAPI route
      const { values, ...head } = result;
      const text = `${JSON.stringify(head).slice(0, -1)},"values":${serializeOnce(values)}}`;
      return c.body(text, 200, { "content-type": "application/json" }) as unknown as ReturnType<
        typeof c.json<typeof result, 200>
      >;
    },
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/requests",
      tags,
      summary: "Issue a report request to the units (or bodies of a kind) below a unit",
      request: jsonBody(s.CreateRequestBody),
      responses: { 201: json(s.CreatedRequestSchema, "Created"), ...writeErrorResponses },
    }),
    async (c) => c.json(await service.createRequest(db, c.var.auth, c.req.valid("json")), 201),
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/requests/preview",
      tags,
      summary:
        "Before issuing: how many units a request would ask, and the requests of the same form and period that already ask some of them",
      request: jsonBody(s.CreateRequestBody),
      responses: { 200: json(s.RequestPreviewSchema), ...errorResponses },
    }),
    async (c) => c.json(await service.requestOverlaps(db, c.var.auth, c.req.valid("json")), 200),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/requests",
      tags,
      summary: "Requests issued by the units you can see, with completeness and timeliness",
      responses: { 200: json(s.RequestListSchema), ...errorResponses },
    }),
    async (c) => c.json(await service.listIssuedRequests(db, c.var.auth), 200),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/requests/{id}",
      tags,
      summary: "A request, its form and every target's status",
      request: { params: s.IdParam },
      responses: { 200: json(s.RequestDetailSchema), ...errorResponses },
    }),
    async (c) => c.json(await service.getRequest(db, c.var.auth, c.req.valid("param").id), 200),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/requests/{id}/consolidation",
      tags,
      summary:
        "The consolidated draft: rolled-up numbers (accepted; pending shown apart) and compiled narrative",
      request: { params: s.IdParam, query: s.ConsolidationQuery },
      responses: { 200: json(s.ConsolidationSchema), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await consolidation.consolidation(db, c.var.auth, c.req.valid("param").id, c.req.valid("query").unit),
        200,
      ),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/requests/{id}/summary",
      tags,
      summary: "The requester's own narrative for the consolidated report (default unit: the issuer)",
      request: { params: s.IdParam, query: s.ConsolidationQuery },
      responses: { 200: json(s.SummarySchema), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await consolidation.getSummary(db, c.var.auth, c.req.valid("param").id, c.req.valid("query").unit),
        200,
      ),
  );
  app.openapi(
    createRoute({
      method: "put",
      path: "/requests/{id}/summary",
      tags,
      summary: "Save the requester's narrative; carries the version read",
      request: { params: s.IdParam, ...jsonBody(s.SummaryBody) },
      responses: { 200: json(s.SummarySchema), ...writeErrorResponses },
    }),
    async (c) =>
      c.json(
        await consolidation.saveSummary(db, c.var.auth, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/inbox",
      tags,
      summary: "Reports you are asked to fill (default: everything not yet accepted)",
      request: { query: s.InboxQuery },
      responses: { 200: json(s.InboxSchema), ...errorResponses },
    }),
    async (c) => c.json(await service.inbox(db, c.var.auth, c.req.valid("query")), 200),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/reminders",
      tags,
      summary: "Reports your units still owe that are due soon (in working days) or overdue",
      responses: { 200: json(s.RemindersSchema), ...errorResponses },
    }),
    async (c) => c.json(await reminders.myReminders(db, c.var.auth), 200),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/submissions/{id}",
      tags,
      summary: "A submission with its form, indicators, previous period and checks",
      request: { params: s.IdParam },
      responses: { 200: json(s.SubmissionDetailSchema), ...errorResponses },
    }),
    async (c) => c.json(await service.getSubmission(db, c.var.auth, c.req.valid("param").id), 200),
  );
  app.openapi(
    createRoute({
      method: "put",
      path: "/submissions/{id}",
      tags,
      summary: "Save a draft (autosave); carries the version read; answers the submission's state after it",
      request: { params: s.IdParam, ...jsonBody(s.SaveBody) },
      responses: { 200: json(s.SubmissionWrittenSchema), ...writeErrorResponses },
    }),
    async (c) =>
      c.json(await service.saveSubmission(db, c.var.auth, c.req.valid("param").id, c.req.valid("json")), 200),
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/submissions/{id}/submit",
      tags,
      summary: "Submit (a late one needs lateReason); error rules must pass",
      request: { params: s.IdParam, ...jsonBody(s.SubmitBody) },
      responses: { 200: json(s.SubmissionWrittenSchema), ...writeErrorResponses },
    }),
    async (c) =>
      c.json(
        await service.submitSubmission(db, c.var.auth, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
  );
  for (const action of ["return", "accept", "unlock"] as const) {
    app.openapi(
      createRoute({
        method: "post",
        path: `/submissions/{id}/${action}`,
        tags,
        summary: {
          return: "Return to the unit with a comment",
          accept: "Accept: locks it and adds its numbers to every level above at once",
          unlock: "Reopen an accepted report (approvers), with a reason; its numbers leave the totals",
        }[action],
        request: { params: s.IdParam, ...jsonBody(s.ReviewBody) },
        responses: { 200: json(s.SubmissionWrittenSchema), ...writeErrorResponses },
      }),
      async (c) =>
        c.json(
          await service.reviewSubmission(
            db,
            c.var.auth,
            c.req.valid("param").id,
            action,
            c.req.valid("json"),
          ),
          200,
        ),
    );
  }
  app.openapi(
    createRoute({
      method: "get",
      path: "/submissions/{id}/revisions",
      tags,
      summary: "Every stored version of a submission, newest first",
      request: { params: s.IdParam },
      responses: { 200: json(s.RevisionListSchema), ...errorResponses },
    }),
    async (c) => c.json(await service.listRevisions(db, c.var.auth, c.req.valid("param").id), 200),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/submissions/{id}/revisions/{version}",
      tags,
      summary: "One stored version (to compare with another)",
      request: { params: s.RevisionParams },
      responses: { 200: json(s.RevisionSchema), ...errorResponses },
    }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(await service.getRevision(db, c.var.auth, p.id, p.version), 200);
    },
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/requests/{id}/dataValueSets",
      tags,
      summary:
        "The request's values as a DHIS2 dataValueSet (JSON); reports sent and accepted, or drafts too",
      request: { params: s.IdParam, query: s.ExportQuery },
      responses: { 200: json(s.DataValueSetSchema), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await exchange.exportValues(db, c.var.auth, c.req.valid("param").id, {
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
      request: { params: s.IdParam, query: s.ExportQuery },
      responses: {
        200: { description: "CSV", content: { "text/csv": { schema: { type: "string" } } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const set = await exchange.exportValues(db, c.var.auth, c.req.valid("param").id, {
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
      request: { params: s.IdParam, query: s.ImportQuery, ...jsonBody(s.DataValueSetBody) },
      responses: { 200: json(s.ImportSummarySchema), ...writeErrorResponses },
    }),
    async (c) =>
      c.json(
        await exchange.importValues(db, c.var.auth, c.req.valid("param").id, c.req.valid("json").dataValues, {
          dryRun: c.req.valid("query").dryRun,
          allOrNothing: false,
          source: "dataValueSets (JSON)",
        }),
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
        query: s.ImportQuery,
        body: { content: { "text/csv": { schema: { type: "string" } } }, required: true },
      },
      responses: { 200: json(s.ImportSummarySchema), ...writeErrorResponses },
    }),
    async (c) => {
      const file = new Uint8Array(await c.req.arrayBuffer());
      const rows = exchange.parseDataValueCsv(await deps.offload.readCsv(file));
      return c.json(
        await exchange.importValues(db, c.var.auth, c.req.valid("param").id, rows, {
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
      const file = await excel.template(db, c.var.auth, id, c.req.valid("query").unit);
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
        query: s.ImportQuery,
        body: { content: { [XLSX_TYPE]: { schema: { type: "string", format: "binary" } } }, required: true },
      },
      responses: { 200: json(s.ImportSummarySchema), ...writeErrorResponses },
    }),
    async (c) => {
      const body = Buffer.from(await c.req.arrayBuffer());
      if (body.length === 0) throw errors.badRequest("Chưa chọn tệp Excel", "No Excel file was sent");
      return c.json(
        await excel.importTemplate(
          db,
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
