/** /api/units/{code}/bodies, /api/bodies/{id}, /api/body-kinds. @module */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { BODY_KIND_CODES } from "../../domain/body-kinds.ts";
import type { AppDeps, AppEnv } from "../../http/context.ts";
import {
  errorResponses,
  IdParam,
  IsoDateSchema,
  json,
  jsonBody,
  RowIdSchema,
  VersionSchema,
  writeErrorResponses,
} from "../../http/schemas.ts";
import { AsOfQuery, CodeParam } from "../units/units.schemas.ts";
import * as service from "./bodies.service.ts";

const tags = ["bodies"];
const BodySchema = z
  .object({
    id: z.number(),
    unitCode: z.string(),
    provinceCode: z.string(),
    kind: z.string(),
    family: z.enum(["party", "state", "front"]),
    name: z.string(),
    shortName: z.string().nullable(),
    parentBodyId: z.number().nullable(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    parentLine: z.string().nullable(),
    usualRecipients: z.array(z.string()),
    signing: z.object({ authority: z.array(z.string()), signer: z.string() }).nullable(),
    archiveLine: z.string().nullable(),
    version: z.number(),
  })
  .openapi("Body");

const Line = (max: number) => z.string().trim().max(max);

export function bodiesRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db } = deps;

  app.openapi(
    createRoute({
      method: "get",
      path: "/body-kinds",
      tags,
      summary: "Kinds of bodies and their document family (party/state/front)",
      responses: {
        200: json(
          z.array(z.object({ kind: z.string(), family: z.string(), vi: z.string(), en: z.string() })),
        ),
      },
    }),
    (c) => c.json([...service.listKinds(c.var.auth)], 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/units/{code}/bodies",
      tags,
      summary: "Bodies of a unit valid on asOf",
      request: { params: CodeParam, query: AsOfQuery },
      responses: { 200: json(z.object({ asOf: z.string(), items: z.array(BodySchema) })), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await service.listBodies(db, c.var.auth, c.req.valid("param").code, c.req.valid("query").asOf),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/units/{code}/bodies",
      tags,
      summary: "Add a body to a unit",
      request: {
        params: CodeParam,
        ...jsonBody(
          z.object({
            kind: z.enum(BODY_KIND_CODES),
            name: z.string().trim().min(1).max(200),
            shortName: z.string().trim().min(1).max(40).optional(),
            parentBodyId: RowIdSchema.optional(),
            validFrom: IsoDateSchema.optional(),
          }),
        ),
      },
      responses: { 201: json(BodySchema, "Created"), ...writeErrorResponses },
    }),
    async (c) =>
      c.json(await service.createBody(db, c.var.auth, c.req.valid("param").code, c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/bodies/{id}",
      tags,
      summary: "Rename a body, close it with validTo, or set what its documents carry",
      description:
        "parentLine, usualRecipients (after the body it answers, in 'Nơi nhận'), signing (checked by the family's signing rule: TM./KT./Q./TL./TUQ., or T/M… for Party bodies) and archiveLine ('Lưu: VT, NCVN')",
      request: {
        params: IdParam,
        ...jsonBody(
          z.object({
            version: VersionSchema,
            name: z.string().trim().min(1).max(200).optional(),
            shortName: z.string().trim().max(40).nullable().optional(),
            validTo: IsoDateSchema.nullable().optional(),
            parentLine: Line(200).nullable().optional(),
            usualRecipients: z.array(Line(200)).max(30).optional(),
            signing: z
              .object({ authority: z.array(Line(120)).min(1).max(5), signer: Line(100).min(1) })
              .nullable()
              .optional(),
            archiveLine: Line(100).nullable().optional(),
          }),
        ),
      },
      responses: { 200: json(BodySchema), ...writeErrorResponses },
    }),
    async (c) =>
      c.json(await service.updateBody(db, c.var.auth, c.req.valid("param").id, c.req.valid("json")), 200),
  );

  return app;
}
