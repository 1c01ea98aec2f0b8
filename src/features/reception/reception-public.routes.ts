/** /api/public/reception/{unit}: a unit's citizen-reception schedule for citizens, where the unit publishes it. @module */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../http/context.ts";
import { addressLimiter } from "../../http/rate-limit.ts";
import { errorResponses, json, UnitCodeSchema } from "../../http/schemas.ts";
import { publicSchedule } from "./reception-public.service.ts";

/** Reads of public schedules per address and minute: a citizen browsing months, not a crawler. */
export const SCHEDULE_READS_PER_MINUTE = 60;

export function publicReceptionRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const reads = addressLimiter(SCHEDULE_READS_PER_MINUTE, 60);
  app.openapi(
    createRoute({
      method: "get",
      path: "/public/reception/{unit}",
      tags: ["reception"],
      summary:
        "A unit's citizen-reception schedule for a month, for citizens (no sign-in), where the unit publishes it: who receives, on which days, where",
      request: {
        params: z.object({
          unit: UnitCodeSchema.openapi({ param: { name: "unit", in: "path" }, example: "30037" }),
        }),
        query: z.object({
          month: z
            .string()
            .regex(/^(19|20|21)\d{2}-(0[1-9]|1[0-2])$/)
            .openapi({ example: "2026-12" }),
        }),
      },
      responses: {
        200: json(
          z.object({
            unitCode: z.string(),
            unitName: z.string(),
            month: z.string(),
            items: z.array(
              z.object({
                bodyName: z.string(),
                receiverName: z.string(),
                office: z.boolean(),
                place: z.string(),
                days: z.array(z.object({ on: z.string(), movedFrom: z.string().nullable() })),
              }),
            ),
          }),
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      await reads(c);
      return c.json(
        await publicSchedule(deps.db, c.req.valid("param").unit, c.req.valid("query").month),
        200,
      );
    },
  );
  return app;
}
