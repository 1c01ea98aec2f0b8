/** /api/export/xlsx: any table as an Excel file. @module */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../http/context.ts";
import { errorResponses, jsonBody, XLSX_TYPE } from "../../http/schemas.ts";
import { tableToXlsx } from "./export.service.ts";

const Cell = z.union([z.string().max(10_000), z.number(), z.null()]);

export function exportRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(
    createRoute({
      method: "post",
      path: "/export/xlsx",
      tags: ["export"],
      summary: "Turn a table (title, column names, rows) into an Excel file",
      request: jsonBody(
        z.object({
          title: z.string().trim().min(1).max(200),
          columns: z.array(z.string().max(200)).min(1).max(100),
          rows: z.array(z.array(Cell).max(100)).max(100_000),
        }),
      ),
      responses: {
        200: {
          description: "xlsx",
          content: { [XLSX_TYPE]: { schema: { type: "string", format: "binary" } } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const t = c.req.valid("json");
      const file = await tableToXlsx(c.var.auth, t, deps.offload);
      return c.body(new Uint8Array(file), 200, {
        "content-type": XLSX_TYPE,
        "content-disposition": `attachment; filename="danvan.xlsx"; filename*=UTF-8''${encodeURIComponent(t.title)}.xlsx`,
      });
    },
  );
  return app;
}
