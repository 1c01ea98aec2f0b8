/** /api/calendar/{year}: holidays and make-up working days of a year. @module */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../http/context.ts";
import { errorResponses, INT4_MAX, IsoDateSchema, json, writeErrorResponses } from "../../http/schemas.ts";
import * as service from "./calendar.service.ts";

const tags = ["calendar"];
const DaySchema = z.object({
  date: IsoDateSchema,
  kind: z.enum(["holiday", "working"]),
  name: z.string().trim().min(1).max(120),
  status: z.enum(["official", "estimated"]),
  source: z.string().trim().min(1).max(300),
});
const YearSchema = z
  .object({
    year: z.number(),
    status: z.enum(["official", "estimated"]),
    stored: z.boolean(),
    version: z.number().nullable(),
    days: z.array(DaySchema),
  })
  .openapi("CalendarYear");
const YearParam = z.object({
  year: z.coerce
    .number()
    .int()
    .min(service.CALENDAR_YEARS.min)
    .max(service.CALENDAR_YEARS.max)
    .openapi({ param: { name: "year", in: "path" }, example: 2026 }),
});

export function calendarRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(
    createRoute({
      method: "get",
      path: "/calendar/{year}",
      tags,
      summary: "Holidays and make-up working days of a year (stored, shipped or estimated)",
      request: { params: YearParam },
      responses: { 200: json(YearSchema), ...errorResponses },
    }),
    async (c) => c.json(await service.getYear(deps.db, c.var.auth, c.req.valid("param").year), 200),
  );
  app.openapi(
    createRoute({
      method: "put",
      path: "/calendar/{year}",
      tags,
      summary: "Confirm or edit a year's calendar (system admins); version null for a year not stored yet",
      request: {
        params: YearParam,
        body: {
          required: true,
          content: {
            "application/json": {
              schema: z.object({
                version: z.number().int().min(1).max(INT4_MAX).nullable(),
                days: z.array(DaySchema).max(60),
              }),
            },
          },
        },
      },
      responses: { 200: json(YearSchema), ...writeErrorResponses },
    }),
    async (c) => {
      const saved = await service.saveYear(
        deps.db,
        c.var.auth,
        c.req.valid("param").year,
        c.req.valid("json"),
      );
      // the kept calendar learns of the change before the answer (legal_revision)
      await deps.kept.workingCalendar.refresh();
      return c.json(saved, 200);
    },
  );
  return app;
}
