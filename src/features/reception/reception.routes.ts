/** /api/reception/schedules and /api/reception/sessions: citizen reception on its legal schedule. @module */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { RECEIVER_ROLES } from "../../domain/reception-schedule.ts";
import type { AppDeps, AppEnv } from "../../http/context.ts";
import {
  errorResponses,
  IsoDateSchema,
  json,
  jsonBody,
  RowIdSchema,
  UnitCodeSchema,
  writeErrorResponses,
} from "../../http/schemas.ts";
import * as service from "./reception.service.ts";
import { receptionCompliance } from "./reception-compliance.service.ts";
import { draftScheduleNotice } from "./reception-notice.service.ts";
import { setPublication } from "./reception-public.service.ts";
import * as rules from "./reception-rules.service.ts";

const tags = ["reception"];
const Role = z.enum(RECEIVER_ROLES);
const Weekday = z.number().int().min(1).max(7);
const Recurrence = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("weekly"), weekday: Weekday }),
  z.object({ kind: z.literal("monthly_day"), day: z.number().int().min(1).max(31) }),
  z.object({
    kind: z.literal("monthly_nth"),
    nth: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)]),
    weekday: Weekday,
  }),
  z.object({ kind: z.literal("working_days") }),
]);
const Month = z
  .string()
  .regex(/^(19|20|21)\d{2}-(0[1-9]|1[0-2])$/)
  .openapi({ example: "2026-03" });
const Check = z
  .object({ required: z.number(), counted: z.number(), shortWeeks: z.array(z.string()), ok: z.boolean() })
  .nullable();
const Schedule = z.object({
  id: z.number(),
  unitCode: z.string(),
  bodyId: z.number(),
  receiverName: z.string(),
  receiverRole: Role,
  recurrences: z.array(Recurrence),
  place: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  version: z.number(),
});
const Session = z
  .object({
    id: z.number(),
    unitCode: z.string(),
    bodyId: z.number(),
    scheduleId: z.number().nullable(),
    heldOn: z.string(),
    receiverName: z.string(),
    receiverRole: Role,
    inPerson: z.boolean(),
    deputyName: z.string().nullable(),
    delegationNotAllowed: z.boolean().openapi({
      description: "A deputy received in the leader's place on or after 01/7/2026 (Luật 136/2025/QH15)",
    }),
    citizens: z.number(),
    groups: z.number(),
    largestGroup: z.number().nullable(),
    content: z.string(),
    decided: z.string(),
  })
  .openapi("ReceptionSession");

const Compliance = z
  .object({
    month: z.string(),
    unit: z.object({ code: z.string(), name: z.string() }),
    summary: z.object({
      units: z.number(),
      kept: z.number(),
      shortHeld: z.number(),
      shortScheduled: z.number(),
      noSchedule: z.number(),
    }),
    items: z.array(
      z.object({
        unitCode: z.string(),
        unitName: z.string(),
        own: z.boolean().openapi({ description: "The unit asked about itself, not a unit under it" }),
        leaders: z.number().openapi({ description: "Schedules in force in the month" }),
        scheduledOk: z.number().openapi({ description: "Schedules giving the legal minimum of days" }),
        heldOk: z.number().openapi({ description: "Schedules held in person up to the minimum, so far" }),
        byDeputy: z.number(),
        deputyNotAllowed: z.number().openapi({ description: "Sessions a deputy held from 01/7/2026" }),
        status: z.enum(["no_schedule", "short_scheduled", "short_held", "kept"]),
      }),
    ),
  })
  .openapi("ReceptionCompliance");

export function receptionRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db } = deps;

  app.openapi(
    createRoute({
      method: "get",
      path: "/reception/schedules",
      tags,
      summary:
        "A unit's reception schedules for a month: the days each gives (a day off moved to the next working day), the legal minimum, and whether it is scheduled and held",
      request: { query: z.object({ unit: UnitCodeSchema, month: Month }) },
      responses: {
        200: json(
          z.object({
            month: z.string(),
            published: z
              .boolean()
              .openapi({ description: "The unit publishes its schedule on the public page" }),
            items: z.array(
              Schedule.extend({
                days: z.array(z.object({ on: z.string(), movedFrom: z.string().nullable() })),
                rule: z
                  .object({ days: z.number(), per: z.string(), source: z.string(), confidence: z.string() })
                  .nullable(),
                scheduled: Check,
                held: Check,
              }),
            ),
          }),
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const q = c.req.valid("query");
      return c.json(await service.schedulesOfMonth(db, c.var.auth, q.unit, q.month), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/reception/compliance",
      tags,
      summary:
        "Whether a unit and each unit directly under it kept their reception schedules in a month: leaders' schedules meeting the legal minimum, held in person, received by a deputy",
      request: { query: z.object({ unit: UnitCodeSchema, month: Month }) },
      responses: { 200: json(Compliance), ...errorResponses },
    }),
    async (c) => {
      const q = c.req.valid("query");
      return c.json(await receptionCompliance(db, c.var.auth, q.unit, q.month), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/reception/schedules",
      tags,
      summary:
        "Set a reception schedule: who receives for the body, on which recurring days, where, from when",
      request: jsonBody(
        z.object({
          bodyId: RowIdSchema,
          receiverName: z.string().trim().min(3).max(200),
          receiverRole: Role,
          recurrences: z.array(Recurrence).min(1).max(10),
          place: z.string().trim().max(300).optional(),
          validFrom: IsoDateSchema,
          validTo: IsoDateSchema.nullable().optional(),
        }),
      ),
      responses: { 201: json(Schedule, "Created"), ...writeErrorResponses },
    }),
    async (c) => c.json(await service.createSchedule(db, c.var.auth, c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/reception/schedules/notice",
      tags,
      summary:
        "Draft the body's notice of its reception schedule for a month (a Thông báo with each receiver's days, a day off moved and said so), to sign, number and export like any draft",
      request: jsonBody(z.object({ bodyId: RowIdSchema, month: Month })),
      responses: { 201: json(z.object({ draftId: z.number() }), "Created"), ...writeErrorResponses },
    }),
    async (c) => c.json(await draftScheduleNotice(db, c.var.auth, c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/reception/publication",
      tags,
      summary:
        "Publish the unit's reception schedule on the public page (/public/reception/{unit}), or stop: off until turned on",
      request: jsonBody(z.object({ unitCode: UnitCodeSchema, published: z.boolean() })),
      responses: {
        200: json(z.object({ unitCode: z.string(), published: z.boolean() })),
        ...writeErrorResponses,
      },
    }),
    async (c) => {
      const b = c.req.valid("json");
      return c.json(await setPublication(db, c.var.auth, b.unitCode, b.published), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/reception/sessions",
      tags,
      summary: "The reception sessions held under a unit in a month, newest first",
      request: { query: z.object({ unit: UnitCodeSchema, month: Month }) },
      responses: { 200: json(z.object({ items: z.array(Session) })), ...errorResponses },
    }),
    async (c) => {
      const q = c.req.valid("query");
      return c.json(await service.sessionsOfMonth(db, c.var.auth, q.unit, q.month), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/reception/sessions",
      tags,
      summary:
        "Record a reception session: its day, the leader in person or a deputy in their place, citizens and groups received, what was raised and decided",
      request: jsonBody(
        z.object({
          bodyId: RowIdSchema,
          scheduleId: RowIdSchema.nullable().optional(),
          heldOn: IsoDateSchema,
          receiverName: z.string().trim().min(3).max(200),
          receiverRole: Role,
          inPerson: z.boolean(),
          deputyName: z.string().trim().max(200).nullable().optional(),
          citizens: z.number().int().min(0).max(100_000),
          groups: z.number().int().min(0).max(10_000),
          largestGroup: z.number().int().min(1).max(100_000).nullable().optional(),
          content: z.string().trim().max(20_000).optional(),
          decided: z.string().trim().max(20_000).optional(),
        }),
      ),
      responses: { 201: json(Session, "Created"), ...writeErrorResponses },
    }),
    async (c) => c.json(await service.recordSession(db, c.var.auth, c.req.valid("json")), 201),
  );

  const RuleSchema = z.object({
    role: Role,
    days: z.number(),
    per: z.enum(["week", "month", "working_day"]),
    validFrom: z.string(),
    unitCode: z.string().nullable(),
    source: z.string(),
    confidence: z.enum(["confirmed", "partly", "unconfirmed"]),
  });

  app.openapi(
    createRoute({
      method: "get",
      path: "/reception/rules",
      tags,
      summary:
        "The reception minimums that apply to a unit: the law's, a newer law-wide one, the unit's (or an ancestor's) stricter one, and those in force today",
      request: { query: z.object({ unit: UnitCodeSchema }) },
      responses: {
        200: json(z.object({ items: z.array(RuleSchema), inForce: z.array(RuleSchema) })),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await rules.rulesFor(db, c.var.auth, c.req.valid("query").unit), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/reception/rules",
      tags,
      summary:
        "Add a reception minimum from a date: law-wide (system administrators, as the law changes) or a unit's own, never below the law's",
      request: jsonBody(
        z.object({
          unitCode: UnitCodeSchema.nullable(),
          role: Role,
          days: z.number().int().min(1).max(31),
          per: z.enum(["week", "month", "working_day"]),
          validFrom: IsoDateSchema,
          source: z.string().trim().min(3).max(300),
          confidence: z.enum(["confirmed", "partly", "unconfirmed"]),
        }),
      ),
      responses: {
        201: json(RuleSchema.omit({ unitCode: true }).extend({ unitCode: z.string().nullable() }), "Created"),
        ...writeErrorResponses,
      },
    }),
    async (c) => c.json(await rules.addReceptionRule(db, c.var.auth, c.req.valid("json")), 201),
  );

  return app;
}
