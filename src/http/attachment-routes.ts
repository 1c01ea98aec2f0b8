/**
 * The two routes of files kept beside a record (a registry document, a model, an evaluation): attach one, sent
 * as the raw body with its name in the query (and, for an evaluation, the criterion it proves), and download one
 * by its own id. Who may do either, and how the file is checked, is the feature's `attach` and `read`.
 * @module
 */
import { createRoute, z } from "@hono/zod-openapi";
import type { Auth } from "../access/access.ts";
import type { Db } from "../db/database.ts";
import type { Offload } from "../offload/pool.ts";
import type { AppDeps, Router } from "./context.ts";
import {
  downloadHeaders,
  errorResponses,
  fileBody,
  fileResponse,
  IdParam,
  json,
  writeErrorResponses,
} from "./schemas.ts";
import { sentFile } from "./sent-file.ts";

const Attached = z.object({
  id: z.number(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number(),
  sha256: z.string(),
});

/** A kept file as the attach route answers it. */
export function attached(row: {
  id: number;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
}): z.infer<typeof Attached> {
  return {
    id: row.id,
    filename: row.filename,
    contentType: row.content_type,
    size: row.size,
    sha256: row.sha256,
  };
}

export function attachmentRoutes(
  app: Router,
  deps: AppDeps,
  o: {
    /** "/registry" gives POST /registry/{id}/attachments and GET /registry/attachments/{id}. */
    base: string;
    tags: string[];
    summaries: { attach: string; read: string };
    /** the file belongs to one item of the record, named in the query (`item`, e.g. a criterion's code) */
    withItem?: boolean;
    attach: (
      db: Db,
      auth: Auth | null,
      ownerId: number,
      filename: string,
      content: Buffer,
      offload: Offload,
      item?: string,
    ) => Promise<z.infer<typeof Attached>>;
    read: (
      db: Db,
      auth: Auth | null,
      attachmentId: number,
    ) => Promise<{ content: Buffer; content_type: string; filename: string }>;
  },
) {
  app.openapi(
    createRoute({
      method: "post",
      path: `${o.base}/{id}/attachments`,
      tags: o.tags,
      summary: o.summaries.attach,
      request: {
        params: IdParam,
        query: z.object({
          filename: z.string().trim().min(1).max(200),
          ...(o.withItem ? { item: z.string().trim().min(1).max(20) } : {}),
        }),
        body: fileBody(),
      },
      responses: { 201: json(Attached, "Created"), ...writeErrorResponses },
    }),
    async (c) => {
      const body = await sentFile(c);
      const { id } = c.req.valid("param");
      const query = c.req.valid("query") as { filename: string; item?: string };
      return c.json(
        await o.attach(deps.db, c.var.auth, id, query.filename, body, deps.offload, query.item),
        201,
      );
    },
  );
  app.openapi(
    createRoute({
      method: "get",
      path: `${o.base}/attachments/{id}`,
      tags: o.tags,
      summary: o.summaries.read,
      request: { params: IdParam },
      responses: { 200: fileResponse("The file"), ...errorResponses },
    }),
    async (c) => {
      const x = await o.read(deps.db, c.var.auth, c.req.valid("param").id);
      return c.body(new Uint8Array(x.content), 200, downloadHeaders(x.content_type, x.filename));
    },
  );
}
