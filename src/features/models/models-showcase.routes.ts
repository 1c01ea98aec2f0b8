/** /api/public/models and /api/models/{id}/public: the public showcase of models. @module */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../http/context.ts";
import {
  errorResponses,
  IdParam,
  json,
  jsonBody,
  VersionSchema,
  writeErrorResponses,
} from "../../http/schemas.ts";
import { Kind, ModelDetail } from "./models.schemas.ts";
import * as showcase from "./models.showcase.ts";

const tags = ["models"];
export function modelsShowcaseRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db } = deps;
  app.openapi(
    createRoute({
      method: "put",
      path: "/models/{id}/public",
      tags,
      summary:
        "Show a model on the province's public showcase (off by default) with its results, or take it off",
      request: {
        params: IdParam,
        ...jsonBody(
          z.object({
            version: VersionSchema,
            public: z.boolean(),
            results: z.string().trim().max(4000).default(""),
          }),
        ),
      },
      responses: { 200: json(ModelDetail), ...writeErrorResponses },
    }),
    async (c) =>
      c.json(await showcase.setPublic(db, c.var.auth, c.req.valid("param").id, c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/public/models",
      tags,
      summary: "A province's public showcase of models (no login): name, unit, field, kind, results, photos",
      request: { query: z.object({ province: z.string().regex(/^\d{2}$/) }) },
      responses: {
        200: json(
          z.object({
            province: z.string(),
            items: z.array(
              z.object({
                id: z.number(),
                name: z.string(),
                unitName: z.string(),
                field: z.string(),
                kind: Kind,
                results: z.string(),
                photos: z.array(z.number()),
              }),
            ),
          }),
        ),
        ...errorResponses,
      },
    }),
    // anonymous and read by anyone: it may be answered by the read replica
    async (c) => c.json(await showcase.publicShowcase(c.var.readDb, c.req.valid("query").province), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/public/models/photos/{id}",
      tags,
      summary: "A photo of a publicly shown model (no login)",
      request: { params: IdParam },
      responses: {
        200: {
          description: "The photo",
          content: { "image/jpeg": { schema: { type: "string", format: "binary" } } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const x = await showcase.publicPhoto(db, c.req.valid("param").id);
      return c.body(new Uint8Array(x.content), 200, { "content-type": x.content_type });
    },
  );

  return app;
}
