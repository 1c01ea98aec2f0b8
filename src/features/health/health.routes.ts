/** GET /api/health: liveness, which database is in use, version. @module */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { sql } from "kysely";
import { APP_VERSION } from "../../config.ts";
import type { AppDeps, AppEnv } from "../../http/context.ts";
import { json } from "../../http/schemas.ts";

const HealthSchema = z
  .object({ status: z.literal("ok"), database: z.enum(["embedded", "external"]), version: z.string() })
  .openapi("Health");

export function healthRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(
    createRoute({
      method: "get",
      path: "/health",
      tags: ["health"],
      summary: "Health check",
      responses: { 200: json(HealthSchema) },
    }),
    async (c) => {
      await sql`select 1`.execute(deps.db);
      return c.json({ status: "ok" as const, database: deps.dbKind, version: APP_VERSION }, 200);
    },
  );
  return app;
}
