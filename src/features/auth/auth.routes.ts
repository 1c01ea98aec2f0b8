/** /api/auth: log in (cookie session + CSRF token), log out, who am I, change password. @module */

import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { deleteCookie, setCookie } from "hono/cookie";
import { isSystemAdmin } from "../../access/access.ts";
import { ROLE_PERMISSIONS } from "../../access/permissions.ts";
import { errors } from "../../errors.ts";
import type { AppDeps, AppEnv } from "../../http/context.ts";
import { ErrorSchema, errorResponses, json } from "../../http/schemas.ts";
import * as service from "./auth.service.ts";

export const SESSION_COOKIE = "danvan_session";
const tags = ["auth"];

const MeSchema = z
  .object({
    user: z.object({ id: z.number(), username: z.string(), displayName: z.string() }),
    csrfToken: z.string(),
    isSystemAdmin: z.boolean(),
    permissions: z.array(z.string()),
    grants: z.array(
      z.object({
        id: z.number(),
        role: z.string(),
        unitCode: z.string().nullable(),
        bodyId: z.number().nullable(),
      }),
    ),
  })
  .openapi("Me");

function meOf(auth: import("../../access/access.ts").Auth, csrfToken: string) {
  return {
    user: { id: auth.userId, username: auth.username, displayName: auth.displayName },
    csrfToken,
    isSystemAdmin: isSystemAdmin(auth),
    permissions: [...new Set(auth.grants.flatMap((g) => ROLE_PERMISSIONS[g.role]))],
    grants: auth.grants,
  };
}

export function authRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db } = deps;

  app.openapi(
    createRoute({
      method: "post",
      path: "/auth/login",
      tags,
      summary: "Log in; sets an HttpOnly SameSite session cookie and returns the CSRF token for writes",
      request: {
        body: {
          required: true,
          content: {
            "application/json": {
              schema: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) }),
            },
          },
        },
      },
      responses: {
        200: json(MeSchema),
        400: errorResponses[400],
        401: errorResponses[401],
        429: { description: "Too many failures", content: { "application/json": { schema: ErrorSchema } } },
      },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const r = await service.login(db, deps.limiter, input);
      setCookie(c, SESSION_COOKIE, r.token, {
        httpOnly: true,
        sameSite: "Lax",
        secure: deps.secureCookies,
        path: "/",
        maxAge: service.SESSION_HOURS * 3600,
      });
      return c.json(meOf(r.auth, r.csrfToken), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/auth/logout",
      tags,
      summary: "Log out (ends this session)",
      responses: { 200: json(z.object({ ok: z.boolean() })), ...errorResponses },
    }),
    async (c) => {
      if (c.var.sessionId) await service.logout(db, c.var.sessionId);
      deleteCookie(c, SESSION_COOKIE, { path: "/" });
      return c.json({ ok: true }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/auth/me",
      tags,
      summary: "The logged-in user, grants and CSRF token",
      responses: { 200: json(MeSchema), ...errorResponses },
    }),
    async (c) => {
      if (!c.var.auth || !c.var.csrfToken) throw errors.unauthenticated();
      return c.json(meOf(c.var.auth, c.var.csrfToken), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/auth/password",
      tags,
      summary: "Change my password (other sessions are logged out)",
      request: {
        body: {
          required: true,
          content: {
            "application/json": {
              schema: z.object({
                currentPassword: z.string().min(1).max(256),
                newPassword: z.string().min(1).max(256),
              }),
            },
          },
        },
      },
      responses: {
        200: json(z.object({ ok: z.boolean() })),
        ...errorResponses,
        429: {
          description: "Too many wrong passwords",
          content: { "application/json": { schema: ErrorSchema } },
        },
      },
    }),
    async (c) => {
      if (!c.var.auth || !c.var.sessionId) throw errors.unauthenticated();
      await service.changePassword(db, c.var.auth, c.var.sessionId, c.req.valid("json"));
      c.var.forgetSessionsOf(c.var.auth.userId);
      return c.json({ ok: true }, 200);
    },
  );

  return app;
}
