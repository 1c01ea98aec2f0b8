/**
 * /api/letters: intake, lists, counts, hot spots, the time limits, a letter, its classification and steps,
 * its documents and its protected identity (the citizens' routes are in letters-public.routes.ts).
 * @module
 */

import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { CLOCK_KEYS } from "../../domain/letter-clock.ts";
import type { AppDeps, AppEnv } from "../../http/context.ts";
import {
  errorResponses,
  IdParam,
  IsoDateSchema,
  json,
  jsonBody,
  UnitCodeSchema,
  writeErrorResponses,
} from "../../http/schemas.ts";
import { fileResponse, Recipients, Signature, sendFile } from "../documents/document-http.ts";
import { letterDetail } from "./letter-detail.service.ts";
import * as documents from "./letter-documents.service.ts";
import { listedDto } from "./letter-dto.ts";
import * as hotspotsService from "./letter-hotspots.service.ts";
import * as identity from "./letter-identity.service.ts";
import * as reminders from "./letter-reminders.service.ts";
import * as letterRules from "./letter-rules.service.ts";
import * as steps from "./letter-steps.service.ts";
import {
  ClassifyBody,
  Counts,
  Hotspots,
  Identity,
  IntakeBody,
  LetterDetail,
  LetterReminders,
  ListedLetter,
  ListQuery,
  StepBody,
} from "./letters.schemas.ts";
import * as service from "./letters.service.ts";

const tags = ["letters"];

export function lettersRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db, kept, sealer } = deps;
  app.openapi(
    createRoute({
      method: "post",
      path: "/letters",
      tags,
      summary:
        "Register a letter received by a body (at a reception session, by post, hotline, online, in person): its registration code and the citizen's tracking secret, shown once; the writer's identity sealed",
      request: jsonBody(IntakeBody),
      responses: {
        201: json(z.object({ letter: ListedLetter, secret: z.string() }), "Created"),
        ...writeErrorResponses,
      },
    }),
    async (c) => {
      const { letter, secret } = await service.intake(db, kept, sealer, c.var.auth, c.req.valid("json"));
      return c.json({ letter: listedDto(letter), secret }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/letters",
      tags,
      summary:
        "Letters under a unit (its own and the units' below), soonest due first, by kind, state and due day; never a writer's identity",
      request: { query: ListQuery },
      responses: { 200: json(z.object({ items: z.array(ListedLetter) })), ...errorResponses },
    }),
    async (c) => c.json(await service.listLetters(db, c.var.auth, c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/letters/counts",
      tags,
      summary:
        "How many letters a unit and the units below hold (without a unit: the whole country, for a nationwide reader), by kind and state, and how many are overdue",
      request: { query: z.object({ unit: UnitCodeSchema.optional() }) },
      responses: { 200: json(Counts), ...errorResponses },
    }),
    async (c) => c.json(await service.countLetters(db, c.var.auth, c.req.valid("query").unit), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/letters/reminders",
      tags,
      summary:
        "The signed-in user's letters to act on: those of the bodies they handle whose step is due soon or late, and, as a body's head, those escalated (late by several working days or past their legal day); no writer named",
      responses: { 200: json(LetterReminders), ...errorResponses },
    }),
    async (c) => c.json(await reminders.myLetterReminders(db, kept, c.var.auth), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/letters/hotspots",
      tags,
      summary:
        "A province's hot spots: each unit's open crowded and heated cases, crowded cases over the last year, overdue letters, and its level (hot, watch, calm), in the early-warning order",
      request: { query: z.object({ unit: UnitCodeSchema }) },
      responses: { 200: json(Hotspots), ...errorResponses },
    }),
    async (c) => c.json(await hotspotsService.hotspots(db, kept, c.var.auth, c.req.valid("query").unit), 200),
  );

  const ClockRuleSchema = z.object({
    key: z.enum(CLOCK_KEYS),
    days: z.number(),
    count: z.enum(["calendar", "working"]),
    validFrom: z.string(),
    source: z.string(),
    confidence: z.enum(["confirmed", "partly", "unconfirmed"]),
    stored: z.boolean(),
  });

  app.openapi(
    createRoute({
      method: "get",
      path: "/letters/clock-rules",
      tags,
      summary:
        "The time limits of letters: the law's (each with its article and how sure it is) and those stored as the law changes, each from its date",
      responses: { 200: json(z.object({ items: z.array(ClockRuleSchema) })), ...errorResponses },
    }),
    async (c) => c.json(await letterRules.listClockRules(db, c.var.auth), 200),
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/letters/clock-rules",
      tags,
      summary:
        "Store a time limit from a date (system administrators, as the law changes): days, calendar or working days, source, confidence",
      request: jsonBody(
        z.object({
          key: z.enum(CLOCK_KEYS),
          days: z.number().int().min(1).max(365),
          count: z.enum(["calendar", "working"]),
          validFrom: IsoDateSchema,
          source: z.string().trim().min(3).max(300),
          confidence: z.enum(["confirmed", "partly", "unconfirmed"]),
        }),
      ),
      responses: { 200: json(ClockRuleSchema), ...writeErrorResponses },
    }),
    async (c) => {
      const saved = await letterRules.setClockRule(db, c.var.auth, c.req.valid("json"));
      // the kept time limits learn of the change before the answer (legal_revision)
      await kept.clockRules.refresh();
      return c.json(saved, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/letters/{id}",
      tags,
      summary: "A letter: its classification, its two clocks, its steps, the letters linked to it",
      request: { params: IdParam },
      responses: { 200: json(LetterDetail), ...errorResponses },
    }),
    async (c) => c.json(await letterDetail(db, c.var.auth, c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/letters/{id}",
      tags,
      summary:
        "Classify a letter still being handled (kind, eligibility, competence, field, flags, complexity), with its version",
      request: { params: IdParam, ...jsonBody(ClassifyBody) },
      responses: { 200: json(LetterDetail), ...writeErrorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await service.classify(db, c.var.auth, id, c.req.valid("json"));
      return c.json(await letterDetail(db, c.var.auth, id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/letters/{id}/steps",
      tags,
      summary:
        "Take a step: accept, transfer (the competent body receives it), guide, return, file, extend, suspend, resume, withdraw, resolve (with its numbered decision)",
      request: { params: IdParam, ...jsonBody(StepBody) },
      responses: { 200: json(LetterDetail), ...writeErrorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await steps.takeStep(db, sealer, c.var.auth, id, c.req.valid("json"));
      return c.json(await letterDetail(db, c.var.auth, id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/letters/{id}/events/{eventId}/document",
      tags,
      summary:
        "A step's document in the national layout (notice of acceptance, transfer slip, guidance, return, decisions, resolution), numbered from the body's registry on the step's day, once",
      request: {
        params: z.object({
          id: IdParam.shape.id,
          eventId: z.coerce
            .number()
            .int()
            .min(1)
            .max(Number.MAX_SAFE_INTEGER)
            .openapi({ param: { name: "eventId", in: "path" } }),
        }),
        ...jsonBody(
          z.object({
            format: z.enum(["docx", "pdf"]),
            takeNumber: z.boolean().optional(),
            signature: Signature.optional(),
            recipients: Recipients.optional(),
            draftingUnit: z.string().trim().min(1).max(20).optional(),
          }),
        ),
      },
      responses: fileResponse,
    }),
    async (c) => {
      const { id, eventId } = c.req.valid("param");
      return sendFile(
        c,
        await documents.eventDocument(
          db,
          c.var.auth,
          id,
          eventId,
          c.req.valid("json"),
          deps.stateNumbering ?? "shared",
          deps.offload,
        ),
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/letters/{id}/identity",
      tags,
      summary:
        "Who wrote the letter: a denouncer's identity to users granted its reading on the letter's body only, each read in the audit log",
      request: { params: IdParam },
      responses: { 200: json(Identity), ...errorResponses },
    }),
    async (c) => c.json(await identity.readIdentity(db, sealer, c.var.auth, c.req.valid("param").id), 200),
  );

  return app;
}
