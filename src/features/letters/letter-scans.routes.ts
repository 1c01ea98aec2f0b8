/** /api/letters/{id}/scans and /api/letters/scans/{id}: a letter's sealed scans. @module */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../http/context.ts";
import {
  downloadHeaders,
  errorResponses,
  fileBody,
  fileResponse,
  IdParam,
  json,
  writeErrorResponses,
} from "../../http/schemas.ts";
import { sentFile } from "../../http/sent-file.ts";
import { addScan, readScan } from "./letter-scans.service.ts";

const tags = ["letters"];
const Scan = z
  .object({ id: z.number(), contentType: z.string(), size: z.number(), createdAt: z.string() })
  .openapi("LetterScan");

export function letterScansRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db, sealer } = deps;
  app.openapi(
    createRoute({
      method: "post",
      path: "/letters/{id}/scans",
      tags,
      summary:
        "Add a scan of the letter as handed in (PDF, PNG or JPEG; at most 20 MB; checked by content), sealed like the writer's identity; no file name is kept",
      request: { params: IdParam, body: fileBody() },
      responses: { 201: json(Scan, "Created"), ...writeErrorResponses },
    }),
    async (c) =>
      c.json(
        await addScan(db, sealer, c.var.auth, c.req.valid("param").id, await sentFile(c), deps.offload),
        201,
      ),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/letters/scans/{id}",
      tags,
      summary:
        "Open a scan of a letter: a denunciation's only with letter.identity on its body, another's for those who handle it; every read audited",
      request: { params: IdParam },
      responses: { 200: fileResponse("The scan"), ...errorResponses },
    }),
    async (c) => {
      const x = await readScan(db, sealer, c.var.auth, c.req.valid("param").id);
      return c.body(new Uint8Array(x.content), 200, {
        ...downloadHeaders(x.content_type, x.filename),
        "cache-control": "no-store",
      });
    },
  );
  return app;
}
