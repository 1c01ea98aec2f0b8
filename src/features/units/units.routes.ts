/** /api/units: browse the hierarchy as of a date, remap across reforms, manage hamlets. @module */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../../http/context.ts";
import { errorResponses, json, jsonBody, writeErrorResponses } from "../../http/schemas.ts";
import { keptJson } from "../../http/serialize-once.ts";
import {
  AsOfQuery,
  CloseHamletBody,
  CodeParam,
  CreateHamletBody,
  ListUnitsQuery,
  PredecessorsSchema,
  SuccessorsSchema,
  UnitDetailSchema,
  UnitListSchema,
  UnitSchema,
  UnitSearchSchema,
  UpdateHamletBody,
} from "./units.schemas.ts";
import * as service from "./units.service.ts";
import * as lineage from "./units-lineage.service.ts";

const tags = ["units"];

export function unitsRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db, kept } = deps;
  const watcher = deps.unitRevisions;
  // a write here must be visible to the very next read, before its notification comes back
  app.use("/units/*", async (c, next) => {
    await next();
    if (c.req.method !== "GET" && c.res.status < 300) await service.refreshRevision(db, watcher);
  });

  app.openapi(
    createRoute({
      method: "get",
      path: "/units",
      tags,
      summary: "List/search units valid on a date (accent-insensitive q)",
      request: { query: ListUnitsQuery },
      responses: { 200: json(UnitSearchSchema), ...errorResponses },
    }),
    async (c) => c.json(await service.listUnits(db, c.var.auth, c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/units/{code}",
      tags,
      summary: "One unit: the version valid on asOf (else its latest), its path and all versions",
      request: { params: CodeParam, query: AsOfQuery },
      responses: { 200: json(UnitDetailSchema), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await service.getUnit(db, c.var.auth, c.req.valid("param").code, c.req.valid("query").asOf),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/units/{code}/children",
      tags,
      summary: "Units directly below, valid on asOf",
      request: { params: CodeParam, query: AsOfQuery },
      responses: { 200: json(UnitListSchema), ...errorResponses },
    }),
    async (c) => {
      const result = await service.listChildren(
        db,
        kept,
        c.var.auth,
        c.req.valid("param").code,
        c.req.valid("query").asOf,
        watcher,
      );
      // cached answers are the same object each time: their JSON is made once
      return keptJson(c, result);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/units/{code}/successors",
      tags,
      summary: "The units valid on asOf that took over a historic unit (full/partial)",
      request: { params: CodeParam, query: AsOfQuery },
      responses: { 200: json(SuccessorsSchema), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await lineage.successors(db, c.var.auth, c.req.valid("param").code, c.req.valid("query").asOf),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/units/{code}/predecessors",
      tags,
      summary: "The historic units that formed a unit",
      request: { params: CodeParam, query: AsOfQuery },
      responses: { 200: json(PredecessorsSchema), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await lineage.predecessors(db, c.var.auth, c.req.valid("param").code, c.req.valid("query").asOf),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/units/{code}/hamlets",
      tags,
      summary: "Add a hamlet (thôn, ấp, tổ dân phố…) under a commune",
      request: { params: CodeParam, ...jsonBody(CreateHamletBody) },
      responses: { 201: json(UnitSchema, "Created"), ...writeErrorResponses },
    }),
    async (c) =>
      c.json(await service.createHamlet(db, c.var.auth, c.req.valid("param").code, c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/units/{code}",
      tags,
      summary: "Rename a hamlet or change its type",
      request: { params: CodeParam, ...jsonBody(UpdateHamletBody) },
      responses: { 200: json(UnitSchema), ...writeErrorResponses },
    }),
    async (c) =>
      c.json(await service.updateHamlet(db, c.var.auth, c.req.valid("param").code, c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/units/{code}/close",
      tags,
      summary: "Close a hamlet from a date (it is never deleted)",
      request: { params: CodeParam, ...jsonBody(CloseHamletBody) },
      responses: { 200: json(UnitSchema), ...writeErrorResponses },
    }),
    async (c) =>
      c.json(await service.closeHamlet(db, c.var.auth, c.req.valid("param").code, c.req.valid("json")), 200),
  );

  return app;
}
