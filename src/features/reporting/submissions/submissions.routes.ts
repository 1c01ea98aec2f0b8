/** /api/submissions: a report, its workflow steps and its revisions. @module */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../../http/context.ts";
import { errorResponses, json, jsonBody, writeErrorResponses } from "../../../http/schemas.ts";
import * as s from "../reporting.schemas.ts";
import * as submissionWorkflowService from "../submissions/submission-workflow.service.ts";
import * as submissionsService from "../submissions/submissions.service.ts";
import * as submissionsSchemas from "./submissions.schemas.ts";

const tags = ["reporting"];

export function submissionsRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db, kept } = deps;
  app.openapi(
    createRoute({
      method: "get",
      path: "/submissions/{id}",
      tags,
      summary: "A submission with its form, indicators, previous period and checks",
      request: { params: s.IdParam },
      responses: { 200: json(submissionsSchemas.SubmissionDetailSchema), ...errorResponses },
    }),
    async (c) =>
      c.json(await submissionsService.getSubmission(db, kept, c.var.auth, c.req.valid("param").id), 200),
  );
  app.openapi(
    createRoute({
      method: "put",
      path: "/submissions/{id}",
      tags,
      summary: "Save a draft (autosave); carries the version read; answers the submission's state after it",
      request: { params: s.IdParam, ...jsonBody(submissionsSchemas.SaveBody) },
      responses: { 200: json(submissionsSchemas.SubmissionWrittenSchema), ...writeErrorResponses },
    }),
    async (c) =>
      c.json(
        await submissionWorkflowService.saveSubmission(
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
      path: "/submissions/{id}/submit",
      tags,
      summary: "Submit (a late one needs lateReason); error rules must pass",
      request: { params: s.IdParam, ...jsonBody(submissionsSchemas.SubmitBody) },
      responses: { 200: json(submissionsSchemas.SubmissionWrittenSchema), ...writeErrorResponses },
    }),
    async (c) =>
      c.json(
        await submissionWorkflowService.submitSubmission(
          db,
          kept,
          c.var.auth,
          c.req.valid("param").id,
          c.req.valid("json"),
        ),
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
        request: { params: s.IdParam, ...jsonBody(submissionsSchemas.ReviewBody) },
        responses: { 200: json(submissionsSchemas.SubmissionWrittenSchema), ...writeErrorResponses },
      }),
      async (c) =>
        c.json(
          await submissionWorkflowService.reviewSubmission(
            db,
            kept,
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
      responses: { 200: json(submissionsSchemas.RevisionListSchema), ...errorResponses },
    }),
    async (c) =>
      c.json(await submissionsService.listRevisions(db, kept, c.var.auth, c.req.valid("param").id), 200),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/submissions/{id}/revisions/{version}",
      tags,
      summary: "One stored version (to compare with another)",
      request: { params: submissionsSchemas.RevisionParams },
      responses: { 200: json(submissionsSchemas.RevisionSchema), ...errorResponses },
    }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(await submissionsService.getRevision(db, kept, c.var.auth, p.id, p.version), 200);
    },
  );
  return app;
}
