/** /api/export/xlsx: any table as an Excel file. @module */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { TableSchema } from "../../files/table-xlsx.ts";
import type { AppDeps, AppEnv } from "../../http/context.ts";
import { errorResponses, XLSX_TYPE } from "../../http/schemas.ts";
import { tableToXlsx } from "./export.service.ts";

/** The body's schema for the API document; the worker thread checks it (offload/build-worker.ts). */
const TableBody = z.toJSONSchema(TableSchema) as Record<string, unknown>;

export function exportRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(
    createRoute({
      method: "post",
      path: "/export/xlsx",
      tags: ["export"],
      summary: "Turn a table (title, column names, rows) into an Excel file",
      request: { body: { content: { "application/json": { schema: TableBody } }, required: true } },
      responses: {
        200: {
          description: "xlsx",
          content: { [XLSX_TYPE]: { schema: { type: "string", format: "binary" } } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { title, file } = await tableToXlsx(c.var.auth, await c.req.text(), deps.offload);
      return c.body(new Uint8Array(file), 200, {
        "content-type": XLSX_TYPE,
        "content-disposition": `attachment; filename="danvan.xlsx"; filename*=UTF-8''${encodeURIComponent(title)}.xlsx`,
      });
    },
  );
  return app;
}
