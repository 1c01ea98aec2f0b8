/** /api/plans, /api/tasks, /api/public/plans: implementation tracking. @module */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../http/context.ts";
import {
  BigRowIdSchema,
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
import * as edits from "./plan-edits.service.ts";
import { addTask } from "./plan-tasks.service.ts";
import * as service from "./plans.service.ts";

const tags = ["plans"];
const UnitCode = UnitCodeSchema;
const Status = z.enum(["not_started", "in_progress", "done", "cancelled"]);
/** A plan's, task's or milestone's title. */
const Title = z.string().trim().min(1).max(500);
const PlanSchema = z
  .object({
    id: z.number(),
    unitCode: z.string(),
    title: z.string(),
    registryDocumentId: z.number().nullable(),
    isPublic: z.boolean(),
    publicToken: z.string().nullable(),
    status: z.enum(["active", "cancelled"]),
    cancelReason: z.string().nullable(),
    version: z.number(),
  })
  .openapi("Plan");
const Milestone = z.object({
  id: z.number(),
  title: z.string(),
  dueOn: z.string(),
  doneOn: z.string().nullable(),
  evidenceDocumentId: z.number().nullable(),
  evidenceNote: z.string(),
  version: z.number(),
});
const PlanDetailSchema = PlanSchema.extend({
  unitName: z.string(),
  document: z
    .object({ id: z.number(), numberSymbol: z.string(), excerpt: z.string(), issuedOn: z.string() })
    .nullable(),
  progress: z.number(),
  tasks: z.array(
    z.object({
      id: z.number(),
      parentId: z.number().nullable(),
      title: z.string(),
      assigneeUnitCode: z.string(),
      assigneeName: z.string(),
      assigneePath: z.array(z.string()),
      dueOn: z.string(),
      weight: z.number(),
      status: Status,
      progress: z.number(),
      enteredProgress: z.number().nullable(),
      overdue: z.boolean(),
      note: z.string(),
      version: z.number(),
      milestones: z.array(Milestone),
    }),
  ),
  byUnit: z.array(
    z.object({
      unitCode: z.string(),
      unitName: z.string(),
      tasks: z.number(),
      progress: z.number(),
      overdue: z.number(),
    }),
  ),
  can: z.object({ manage: z.boolean(), update: z.array(z.number()) }),
}).openapi("PlanDetail");

export function plansRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db } = deps;

  app.openapi(
    createRoute({
      method: "get",
      path: "/plans",
      tags,
      summary: "Plans of a unit and the plans with tasks for it or the units below it, with their progress",
      request: { query: z.object({ unit: UnitCode }) },
      responses: {
        200: json(
          z.object({
            items: z.array(
              PlanSchema.extend({ progress: z.number(), tasks: z.number(), overdue: z.number() }),
            ),
          }),
        ),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await service.listPlans(db, c.var.auth, c.req.valid("query").unit), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/plans",
      tags,
      summary: "Start tracking a plan (optionally the registered document it carries out)",
      request: jsonBody(
        z.object({
          unitCode: UnitCode,
          title: Title,
          registryDocumentId: BigRowIdSchema.nullable().optional(),
        }),
      ),
      responses: { 201: json(PlanSchema, "Created"), ...writeErrorResponses },
    }),
    async (c) => c.json(await service.createPlan(db, c.var.auth, c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/plans/{id}",
      tags,
      summary: "A plan's page: task tree with rolled-up progress, overdue tasks, milestones, who is behind",
      request: { params: IdParam },
      responses: { 200: json(PlanDetailSchema), ...errorResponses },
    }),
    async (c) => c.json(await service.getPlan(db, c.var.auth, c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/plans/{id}/tasks",
      tags,
      summary: "Add a task (or a subtask) assigned to the plan's unit or a unit below it",
      request: {
        params: IdParam,
        ...jsonBody(
          z.object({
            parentId: RowIdSchema.nullable().optional(),
            title: Title,
            assigneeUnitCode: UnitCode,
            dueOn: IsoDateSchema,
            weight: z.number().min(0).max(1000).optional(),
          }),
        ),
      },
      responses: { 201: json(PlanDetailSchema, "Created"), ...writeErrorResponses },
    }),
    async (c) => c.json(await addTask(db, c.var.auth, c.req.valid("param").id, c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/tasks/overdue",
      tags,
      summary: "Overdue tasks of the units the user updates tasks for (oldest deadline first)",
      responses: {
        200: json(
          z.object({
            items: z.array(
              z.object({
                id: z.number(),
                title: z.string(),
                dueOn: z.string(),
                status: Status,
                assigneeUnitCode: z.string(),
                assigneeName: z.string(),
                planId: z.number(),
                planTitle: z.string(),
              }),
            ),
          }),
        ),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await service.myOverdueTasks(db, c.var.auth), 200),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/tasks/{id}",
      tags,
      summary:
        "Update a task's status, progress or internal note (its assignee or the plan's managers); correct its title, unit, due date or weight (the plan's managers)",
      request: {
        params: IdParam,
        ...jsonBody(
          z.object({
            version: VersionSchema,
            status: Status.optional(),
            progress: z.number().int().min(0).max(100).nullable().optional(),
            note: z.string().max(2000).optional(),
            title: Title.optional().openapi({ description: "The plan's managers only" }),
            assigneeUnitCode: UnitCode.optional().openapi({ description: "The plan's managers only" }),
            dueOn: IsoDateSchema.optional().openapi({ description: "The plan's managers only" }),
            weight: z
              .number()
              .min(0)
              .max(1000)
              .optional()
              .openapi({ description: "The plan's managers only" }),
          }),
        ),
      },
      responses: { 200: json(PlanDetailSchema), ...writeErrorResponses },
    }),
    async (c) =>
      c.json(await service.updateTask(db, c.var.auth, c.req.valid("param").id, c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/plans/{id}",
      tags,
      summary: "Correct a plan's title, or stop it (cancelled, with the reason; it stays listed as such)",
      request: {
        params: IdParam,
        ...jsonBody(
          z.object({
            version: VersionSchema,
            title: Title.optional(),
            status: z.enum(["active", "cancelled"]).optional(),
            cancelReason: z.string().trim().max(2000).optional(),
          }),
        ),
      },
      responses: { 200: json(PlanDetailSchema), ...writeErrorResponses },
    }),
    async (c) =>
      c.json(await edits.updatePlan(db, c.var.auth, c.req.valid("param").id, c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/milestones/{id}",
      tags,
      summary: "Correct a milestone, or mark it done with its evidence (a registered document, or a note)",
      request: {
        params: IdParam,
        ...jsonBody(
          z.object({
            version: VersionSchema,
            title: Title.optional(),
            dueOn: IsoDateSchema.optional(),
            doneOn: IsoDateSchema.nullable().optional(),
            evidenceDocumentId: BigRowIdSchema.nullable().optional(),
            evidenceNote: z.string().max(2000).optional(),
          }),
        ),
      },
      responses: { 200: json(PlanDetailSchema), ...writeErrorResponses },
    }),
    async (c) =>
      c.json(await edits.updateMilestone(db, c.var.auth, c.req.valid("param").id, c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/tasks/{id}/milestones",
      tags,
      summary: "Add a dated milestone to a task, with a registered document as evidence",
      request: {
        params: IdParam,
        ...jsonBody(
          z.object({
            title: Title,
            dueOn: IsoDateSchema,
            doneOn: IsoDateSchema.nullable().optional(),
            evidenceDocumentId: BigRowIdSchema.nullable().optional(),
          }),
        ),
      },
      responses: { 201: json(PlanDetailSchema, "Created"), ...writeErrorResponses },
    }),
    async (c) =>
      c.json(await service.addMilestone(db, c.var.auth, c.req.valid("param").id, c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/plans/{id}/public",
      tags,
      summary: "Turn the plan's public page on (a new unguessable address) or off",
      request: { params: IdParam, ...jsonBody(z.object({ public: z.boolean() })) },
      responses: { 200: json(PlanSchema), ...writeErrorResponses },
    }),
    async (c) =>
      c.json(
        await service.setPublic(db, c.var.auth, c.req.valid("param").id, c.req.valid("json").public),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/public/plans/{token}",
      tags,
      summary: "A plan's public page (no sign-in): status, progress and milestones, no internal notes",
      request: {
        params: z.object({
          token: z
            .string()
            .regex(/^[A-Za-z0-9_-]{10,64}$/)
            .openapi({ param: { name: "token", in: "path" } }),
        }),
      },
      responses: {
        200: json(
          z.object({
            title: z.string(),
            unitName: z.string(),
            document: z.object({ numberSymbol: z.string(), issuedOn: z.string() }).nullable(),
            progress: z.number(),
            tasks: z.array(
              z.object({
                id: z.number(),
                parentId: z.number().nullable(),
                title: z.string(),
                assigneeName: z.string(),
                dueOn: z.string(),
                status: Status,
                progress: z.number(),
                overdue: z.boolean(),
                milestones: z.array(
                  z.object({ title: z.string(), dueOn: z.string(), doneOn: z.string().nullable() }),
                ),
              }),
            ),
          }),
        ),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await service.publicPlan(db, c.req.valid("param").token), 200),
  );
  return app;
}
