/** /api/models/excel and /api/models/{id}/attachments: the registry in and out of Excel, and each model's files. @module */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { attachmentRoutes } from "../../http/attachment-routes.ts";
import type { AppDeps, AppEnv } from "../../http/context.ts";
import { errorResponses, json, writeErrorResponses, XLSX_TYPE } from "../../http/schemas.ts";
import { sentFile } from "../../http/sent-file.ts";
import * as excel from "./models.excel.ts";
import { UnitCode, Year } from "./models.schemas.ts";
import * as showcase from "./models.showcase.ts";

const tags = ["models"];
export function modelFilesRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db, kept } = deps;
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
      const body = await sentFile(c, "excel");
      return c.json(
        await excel.importModels(db, kept, c.var.auth, c.req.valid("query"), body, deps.offload),
        200,
      );
    },
  );

  attachmentRoutes(app, deps, {
    base: "/models",
    tags,
    summaries: {
      attach:
        "Attach a photo or file to a model (PDF, Word, Excel, PNG, JPEG; at most 20 MB; checked by content)",
      read: "Download a model's photo or file",
    },
    attach: showcase.attach,
    read: showcase.readAttachment,
  });

  return app;
}
