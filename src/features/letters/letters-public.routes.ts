/**
 * What citizens reach without signing in, rate-limited per address: the tracking of a letter
 * (/api/public/letters/{code}), the online form for petitions (POST /api/public/letters) and its list of
 * People's Committees (/api/public/letter-receivers).
 * @module
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../http/context.ts";
import { addressLimiter } from "../../http/rate-limit.ts";
import { errorResponses, json, jsonBody, writeErrorResponses } from "../../http/schemas.ts";
import { OnlineBody, OnlineReceipt, PublicLetter, Receivers } from "./letters.schemas.ts";
import * as publicLetters from "./letters-public.service.ts";

const tags = ["letters"];

/** Lookups of a letter by code per address and minute: enough for a citizen, too few to guess a secret. */
export const TRACKING_PER_MINUTE = 10;
/** Petitions sent online per address and hour: a family's, not a flood's. */
export const ONLINE_PER_HOUR = 5;
/** Searches of the form's list of People's Committees per address and minute (one per word typed). */
export const RECEIVERS_PER_MINUTE = 60;

export function publicLettersRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db, kept, sealer } = deps;
  const tracking = addressLimiter(TRACKING_PER_MINUTE, 60);
  const online = addressLimiter(deps.onlinePerHour ?? ONLINE_PER_HOUR, 3600);
  const receivers = addressLimiter(RECEIVERS_PER_MINUTE, 60);

  app.openapi(
    createRoute({
      method: "get",
      path: "/public/letters/{code}",
      tags,
      summary:
        "A citizen's tracking of their letter (no sign-in): its state, steps and legal day, with the secret given at intake (X-Tracking-Secret); no personal data",
      request: {
        params: z.object({
          code: z
            .string()
            .regex(/^[2-9A-Za-z]{4}-[2-9A-Za-z]{4}$/)
            .openapi({ param: { name: "code", in: "path" }, example: "K7M2-Q9TX" }),
        }),
        headers: z.object({ "x-tracking-secret": z.string().trim().min(4).max(20) }),
      },
      responses: { 200: json(PublicLetter), ...errorResponses },
    }),
    async (c) => {
      await tracking(c);
      const { code } = c.req.valid("param");
      return c.json(
        await publicLetters.trackLetter(db, sealer, code, c.req.valid("header")["x-tracking-secret"]),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/public/letter-receivers",
      tags,
      summary:
        "The People's Committees in office a citizen may send a petition to online, found by their unit's name (accents aside), at most 20 (no sign-in)",
      request: { query: z.object({ q: z.string().trim().max(100) }) },
      responses: { 200: json(Receivers), ...errorResponses },
    }),
    async (c) => {
      await receivers(c);
      return c.json(await publicLetters.publicReceivers(db, c.req.valid("query").q), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/public/letters",
      tags,
      summary:
        "A citizen's petition (kiến nghị, phản ánh) sent online without signing in, to a People's Committee: its registration code and tracking secret, shown once; the writer sealed. Complaints and denunciations need a signed letter or the citizen in person",
      request: jsonBody(OnlineBody),
      responses: { 201: json(OnlineReceipt, "Created"), ...writeErrorResponses },
    }),
    async (c) => {
      await online(c);
      return c.json(await publicLetters.onlineIntake(db, kept, sealer, c.var.auth, c.req.valid("json")), 201);
    },
  );

  return app;
}
