/** /api/evaluations/{id}/attachments and /api/evaluations/attachments/{id}: a unit's evidence files. @module */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { attachmentRoutes } from "../../http/attachment-routes.ts";
import type { AppDeps, AppEnv } from "../../http/context.ts";
import { IdParam, json, writeErrorResponses } from "../../http/schemas.ts";
import * as files from "./evaluation-files.service.ts";

const tags = ["evaluations"];

export function evaluationFilesRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  attachmentRoutes(app, deps, {
    base: "/evaluations",
    tags,
    withItem: true,
    summaries: {
      attach:
        "Attach an evidence file to a criterion the unit scores itself on (PDF, Word, Excel, PNG, JPEG, checked by content), while its self-assessment is open",
      read: "Download an evidence file of an evaluation the user may read",
    },
    attach: files.attach,
    read: files.readAttachment,
  });
  app.openapi(
    createRoute({
      method: "delete",
      path: "/evaluations/attachments/{id}",
      tags,
      summary: "Take an evidence file away while the self-assessment is open",
      request: { params: IdParam },
      responses: { 200: json(z.object({ deleted: z.number() })), ...writeErrorResponses },
    }),
    async (c) => c.json(await files.removeAttachment(deps.db, c.var.auth, c.req.valid("param").id), 200),
  );
  return app;
}
