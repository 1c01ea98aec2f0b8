/** /api/users: users and their grants. @module */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { ROLES } from "../../access/permissions.ts";
import type { Role } from "../../db/database.ts";
import type { AppDeps, AppEnv } from "../../http/context.ts";
import {
  errorResponses,
  json,
  jsonBody,
  RowIdSchema,
  VersionSchema,
  writeErrorResponses,
} from "../../http/schemas.ts";
import * as service from "./users.service.ts";

const tags = ["users"];
const RoleSchema = z.enum(ROLES as [Role, ...Role[]]);
const GrantSchema = z.object({
  id: z.number(),
  role: RoleSchema,
  unitCode: z.string().nullable(),
  unitName: z.string().nullable().openapi({ description: "The unit's name (its current version)" }),
  bodyId: z.number().nullable(),
});
const GrantInput = z.object({
  role: RoleSchema,
  unitCode: z.string().max(20).nullable().optional(),
  bodyId: RowIdSchema.nullable().optional(),
});
const UserSchema = z
  .object({
    id: z.number(),
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    isActive: z.boolean(),
    version: z.number(),
    grants: z.array(GrantSchema),
  })
  .openapi("User");
const Email = z
  .string()
  .trim()
  .max(200)
  .regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, "an e-mail address / địa chỉ thư điện tử")
  .openapi({ description: "For reminders (optional)" });
const Id = z.coerce.number().int().min(1).max(2_147_483_647);
const IdParam = z.object({ id: Id.openapi({ param: { name: "id", in: "path" } }) });

/**
 * A change to a user's account or grants: once it is stored, this process forgets the user's sessions it
 * keeps (the others hear of it through auth_change), so the next request already sees the change.
 */
async function forgetting<T>(
  c: { var: AppEnv["Variables"] },
  userId: number,
  change: Promise<T>,
): Promise<T> {
  const done = await change;
  c.var.forgetSessionsOf(userId);
  return done;
}

export function usersRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db } = deps;

  app.openapi(
    createRoute({
      method: "get",
      path: "/users",
      tags,
      summary: "Users within my scope",
      responses: { 200: json(z.object({ items: z.array(UserSchema) })), ...errorResponses },
    }),
    async (c) => c.json(await service.listUsers(db, c.var.auth), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/users",
      tags,
      summary: "Create a user with grants",
      request: {
        ...jsonBody(
          z.object({
            username: z
              .string()
              .trim()
              .regex(/^[a-zA-Z0-9._-]{3,40}$/, "3–40 letters, digits, . _ -"),
            displayName: z.string().trim().min(1).max(120),
            email: Email.nullable().optional(),
            password: z.string().min(1).max(256),
            grants: z.array(GrantInput).max(20).default([]),
          }),
        ),
      },
      responses: { 201: json(UserSchema, "Created"), ...writeErrorResponses },
    }),
    async (c) => c.json(await service.createUser(db, c.var.auth, c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/users/{id}",
      tags,
      summary: "One user",
      request: { params: IdParam },
      responses: { 200: json(UserSchema), ...errorResponses },
    }),
    async (c) => c.json(await service.getUser(db, c.var.auth, c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/users/{id}",
      tags,
      summary: "Change a user's name, activate/deactivate, or reset the password",
      request: {
        params: IdParam,
        ...jsonBody(
          z.object({
            version: VersionSchema,
            displayName: z.string().trim().min(1).max(120).optional(),
            email: Email.nullable().optional(),
            isActive: z.boolean().optional(),
            password: z.string().min(1).max(256).optional(),
          }),
        ),
      },
      responses: { 200: json(UserSchema), ...writeErrorResponses },
    }),
    async (c) =>
      c.json(
        await forgetting(
          c,
          c.req.valid("param").id,
          service.updateUser(db, c.var.auth, c.req.valid("param").id, c.req.valid("json")),
        ),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/users/{id}/grants",
      tags,
      summary: "Grant a role over a unit subtree (optionally one body)",
      request: { params: IdParam, ...jsonBody(GrantInput) },
      responses: { 201: json(GrantSchema, "Created"), ...writeErrorResponses },
    }),
    async (c) =>
      c.json(
        await forgetting(
          c,
          c.req.valid("param").id,
          service.addGrant(db, c.var.auth, c.req.valid("param").id, c.req.valid("json")),
        ),
        201,
      ),
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/users/{id}/grants/{grantId}",
      tags,
      summary: "Remove a grant",
      request: {
        params: z.object({
          id: Id.openapi({ param: { name: "id", in: "path" } }),
          grantId: Id.openapi({ param: { name: "grantId", in: "path" } }),
        }),
      },
      responses: { 200: json(z.object({ ok: z.boolean() })), ...writeErrorResponses },
    }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(await forgetting(c, p.id, service.removeGrant(db, c.var.auth, p.id, p.grantId)), 200);
    },
  );

  return app;
}
