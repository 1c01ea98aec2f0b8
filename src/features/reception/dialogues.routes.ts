/** /api/reception/dialogues and /api/reception/commitments: dialogues with the people and what was committed. @module */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../http/context.ts";
import {
  errorResponses,
  IdParam,
  IsoDateSchema,
  json,
  jsonBody,
  RowIdSchema,
  UnitCodeSchema,
  VersionSchema,
  writeErrorResponses,
} from "../../http/schemas.ts";
import * as service from "./dialogues.service.ts";

const tags = ["reception"];
const Status = z.enum(["open", "in_progress", "done", "dropped"]);
const Commitment = z
  .object({
    id: z.number(),
    content: z.string(),
    owner: z.string(),
    dueOn: z.string().nullable(),
    status: Status.openapi({ description: "A commitment made a plan's task follows the task" }),
    result: z.string(),
    task: z
      .object({
        taskId: z.number(),
        planId: z.number(),
        planTitle: z.string(),
        status: z.enum(["not_started", "in_progress", "done", "cancelled"]),
        progress: z.number().nullable(),
        dueOn: z.string(),
      })
      .nullable(),
    overdue: z.boolean(),
    version: z.number(),
  })
  .openapi("DialogueCommitment");
const Dialogue = z
  .object({
    id: z.number(),
    unitCode: z.string(),
    bodyId: z.number(),
    heldOn: z.string(),
    kind: z.enum(["dialogue", "meeting"]),
    chairedBy: z.string(),
    place: z.string(),
    participants: z.number(),
    topics: z.string(),
    commitments: z.array(Commitment),
  })
  .openapi("Dialogue");

export function dialoguesRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db } = deps;

  app.openapi(
    createRoute({
      method: "get",
      path: "/reception/dialogues",
      tags,
      summary:
        "The dialogues with the people held under a unit in a year, newest first, with the commitments made and their follow-up",
      request: {
        query: z.object({ unit: UnitCodeSchema, year: z.coerce.number().int().min(1990).max(2100) }),
      },
      responses: {
        200: json(
          z.object({
            year: z.number(),
            items: z.array(Dialogue),
            summary: z.object({
              dialogues: z.number(),
              participants: z.number(),
              commitments: z.number(),
              done: z.number(),
              overdue: z.number(),
            }),
          }),
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const q = c.req.valid("query");
      return c.json(await service.dialoguesOfYear(db, c.var.auth, q.unit, q.year), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/reception/dialogues",
      tags,
      summary:
        "Record a dialogue with the people (or a leader's meeting with them): its day, who chaired it, how many took part, the topics raised and the commitments made",
      request: jsonBody(
        z.object({
          bodyId: RowIdSchema,
          heldOn: IsoDateSchema,
          kind: z.enum(["dialogue", "meeting"]),
          chairedBy: z.string().trim().min(3).max(200),
          place: z.string().trim().max(300).optional(),
          participants: z.number().int().min(0).max(100_000),
          topics: z.string().trim().max(20_000).optional(),
          commitments: z
            .array(
              z.object({
                content: z.string().trim().min(3).max(2000),
                owner: z.string().trim().max(300).optional(),
                dueOn: IsoDateSchema.nullable().optional(),
              }),
            )
            .max(50),
        }),
      ),
      responses: { 201: json(Dialogue, "Created"), ...writeErrorResponses },
    }),
    async (c) => c.json(await service.recordDialogue(db, c.var.auth, c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/reception/commitments/{id}",
      tags,
      summary:
        "Follow a commitment up: its state (open, in progress, done, dropped) and what came of it; a done one says what was done",
      request: {
        params: IdParam,
        ...jsonBody(
          z.object({
            version: VersionSchema,
            status: Status.optional(),
            result: z.string().trim().max(5000).optional(),
          }),
        ),
      },
      responses: { 200: json(Commitment), ...writeErrorResponses },
    }),
    async (c) =>
      c.json(
        await service.followUpCommitment(db, c.var.auth, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/reception/commitments/{id}/task",
      tags,
      summary:
        "Make a commitment a task of a plan the user manages: to the dialogue's unit (or a unit below the plan's) by the commitment's day (or the one given); its follow-up is then the task's",
      request: {
        params: IdParam,
        ...jsonBody(
          z.object({
            version: VersionSchema,
            planId: RowIdSchema,
            assigneeUnitCode: UnitCodeSchema.optional(),
            dueOn: IsoDateSchema.optional(),
          }),
        ),
      },
      responses: { 201: json(Commitment, "Created"), ...writeErrorResponses },
    }),
    async (c) =>
      c.json(
        await service.commitmentToTask(db, c.var.auth, c.req.valid("param").id, c.req.valid("json")),
        201,
      ),
  );

  return app;
}
