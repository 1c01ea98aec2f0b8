/** App assembly: middleware, error mapping, feature sub-apps, OpenAPI, the web app. @module */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { swaggerUI } from "@hono/swagger-ui";
import { OpenAPIHono } from "@hono/zod-openapi";
import { getCookie } from "hono/cookie";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import { APP_VERSION } from "../config.ts";
import { ReadRouting } from "../db/read-replica.ts";
import { AppError, errors } from "../errors.ts";
import { auditRoutes } from "../features/audit/audit.routes.ts";
import { authRoutes, SESSION_COOKIE } from "../features/auth/auth.routes.ts";
import { authenticate } from "../features/auth/auth.service.ts";
import { SessionCache } from "../features/auth/session-cache.ts";
import { askRulesRoutes } from "../features/bodies/ask-rules.routes.ts";
import { bodiesRoutes } from "../features/bodies/bodies.routes.ts";
import { calendarRoutes } from "../features/calendar/calendar.routes.ts";
import { documentsRoutes } from "../features/documents/documents.routes.ts";
import { reportDocumentsRoutes } from "../features/documents/report-documents.routes.ts";
import { draftsRoutes } from "../features/drafts/drafts.routes.ts";
import { evaluationFilesRoutes } from "../features/evaluations/evaluation-files.routes.ts";
import { evaluationsRoutes } from "../features/evaluations/evaluations.routes.ts";
import { exportRoutes } from "../features/export/export.routes.ts";
import { formsRoutes } from "../features/forms/forms.routes.ts";
import { healthRoutes } from "../features/health/health.routes.ts";
import { indicatorsRoutes } from "../features/indicators/indicators.routes.ts";
import { letterScansRoutes } from "../features/letters/letter-scans.routes.ts";
import { lettersRoutes } from "../features/letters/letters.routes.ts";
import { publicLettersRoutes } from "../features/letters/letters-public.routes.ts";
import { modelCriteriaRoutes } from "../features/models/model-criteria.routes.ts";
import { modelFilesRoutes } from "../features/models/model-files.routes.ts";
import { modelsRoutes } from "../features/models/models.routes.ts";
import { modelsShowcaseRoutes } from "../features/models/models-showcase.routes.ts";
import { plansRoutes } from "../features/plans/plans.routes.ts";
import { dialoguesRoutes } from "../features/reception/dialogues.routes.ts";
import { receptionRoutes } from "../features/reception/reception.routes.ts";
import { publicReceptionRoutes } from "../features/reception/reception-public.routes.ts";
import { registryRoutes } from "../features/registry/registry.routes.ts";
import { reportingRoutes } from "../features/reporting/reporting.routes.ts";
import { unitsRoutes } from "../features/units/units.routes.ts";
import { usersRoutes } from "../features/users/users.routes.ts";
import type { AppDeps, AppEnv } from "../http/context.ts";
import { validationDetails } from "../http/zod-messages.ts";
import { limitBody } from "./json-body.ts";
import { dataExceptionError } from "./pg-errors.ts";
import { securityHeaders } from "./security-headers.ts";
import { refuseForbiddenCharacters } from "./text-guard.ts";

export const MAX_BODY_BYTES = 1024 * 1024;
/** Data imports (DHIS2 dataValueSets, Excel) and attachments may be larger. */
export const MAX_UPLOAD_BYTES = 32 * 1024 * 1024;
/** A table sent to be exported (read whole before a worker thread checks and builds it). */
export const MAX_EXPORT_BYTES = 4 * 1024 * 1024;
/** Data imports, Excel files and attachments (photos, scans), up to MAX_UPLOAD_BYTES. */
const UPLOAD_PATH =
  /^\/api\/((requests|submissions)\/\d+\/(dataValueSets(\.csv)?|excel)|registry\/\d+\/attachments|models\/excel|(models|evaluations)\/\d+\/attachments)$/;
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        // an id in the address beyond its column's range names nothing that exists
        const param = result.target === "param" ? result.error.issues[0] : undefined;
        if (param?.code === "too_big" && param.path.length === 1) {
          throw errors.notFoundOrForbidden(c.req.param(String(param.path[0])) ?? "");
        }
        throw errors.validation(validationDetails(result.error.issues));
      }
    },
  });

  app.onError((err, c) => {
    if (err instanceof AppError) {
      const wait = (err.details as { retryAfter?: unknown } | null)?.retryAfter;
      if (err.status === 429 && typeof wait === "number") c.header("Retry-After", String(wait));
      return c.json(err.toJSON(), err.status);
    }
    if (err instanceof HTTPException && err.status < 500) {
      const e =
        err.status === 413
          ? errors.tooLarge()
          : new AppError(
              err.status,
              "bad_request",
              `Yêu cầu không hợp lệ: ${err.message}`,
              `Bad request: ${err.message}`,
            );
      return c.json(e.toJSON(), e.status);
    }
    // the web app's own paths carry no request id of their own
    const reqId = c.get("requestId") ?? crypto.randomUUID();
    // a value PostgreSQL refuses (out of its column's range, not text it can store) is bad input, not a fault
    const refused = dataExceptionError(err);
    if (refused) {
      deps.log.warn(
        { reqId, method: c.req.method, path: c.req.path, pg: refused.details },
        "value refused by the database",
      );
      return c.json(refused.toJSON(), refused.status);
    }
    // one line per failing request; its stack only at debug level
    deps.log.error({ reqId, method: c.req.method, path: c.req.path, msg: String(err) }, "unhandled error");
    deps.log.debug({ reqId, err }, "unhandled error (stack)");
    return c.json(
      {
        error: {
          code: "internal",
          message_vi: `Lỗi hệ thống; mã tra cứu ${reqId}`,
          message_en: `Internal error; reference ${reqId}`,
          details: { requestId: reqId },
        },
      },
      500,
    );
  });

  app.use("*", securityHeaders());
  app.use("/api/*", requestId({ limitLength: 64 }));
  const small = limitBody(MAX_BODY_BYTES);
  const upload = limitBody(MAX_UPLOAD_BYTES);
  const exported = limitBody(MAX_EXPORT_BYTES);
  app.use("/api/*", (c, next) =>
    UPLOAD_PATH.test(c.req.path)
      ? upload(c, next)
      : c.req.path === "/api/export/xlsx"
        ? exported(c, next)
        : small(c, next),
  );
  app.use("/api/*", refuseForbiddenCharacters());

  // Session from the cookie; CSRF token required on every cookie-authenticated write. Resolved sessions are
  // kept a moment (SessionCache); a change to a user's sessions in any process drops them (auth_change), and
  // while that notice cannot be heard nothing is kept.
  const sessions = new SessionCache<NonNullable<Awaited<ReturnType<typeof authenticate>>>>();
  deps.authChanges?.onChange(
    (payload) => sessions.dropUser(Number(payload)),
    () => sessions.clear(),
  );
  const keepSessions = () => !deps.authChanges || deps.authChanges.listening;
  const forgetSessionsOf = (userId: number) => sessions.dropUser(userId);
  app.use("/api/*", async (c, next) => {
    c.set("auth", null);
    c.set("sessionId", null);
    c.set("csrfToken", null);
    c.set("forgetSessionsOf", forgetSessionsOf);
    const token = getCookie(c, SESSION_COOKIE);
    if (token && token.length <= 128) {
      let s = keepSessions() ? sessions.get(token) : undefined;
      if (!s) {
        s = (await authenticate(deps.db, token, deps.sessionIdleMinutes)) ?? undefined;
        if (s && keepSessions()) sessions.set(token, s);
      }
      if (s) {
        c.set("auth", s.auth);
        c.set("sessionId", s.sessionId);
        c.set("csrfToken", s.csrfToken);
        if (UNSAFE.has(c.req.method) && c.req.header("x-csrf-token") !== s.csrfToken) {
          throw new AppError(
            403,
            "csrf_failed",
            "Thiếu hoặc sai mã chống giả mạo (X-CSRF-Token); hãy tải lại trang",
            "Missing or wrong X-CSRF-Token header; reload the page",
          );
        }
      }
    }
    await next();
    if (token && c.req.path === "/api/auth/logout") sessions.delete(token);
  });

  // Read-heavy GETs may read a replica; a session's later reads wait for the replica to hold its writes.
  const reads = deps.reads ?? new ReadRouting(deps.db);
  app.use("/api/*", async (c, next) => {
    const read = c.req.method === "GET" || c.req.method === "HEAD";
    c.set("readDb", read ? await reads.forRead(c.var.sessionId) : deps.db);
    await next();
    if (!read && c.var.sessionId && c.res.status < 400) await reads.wrote(c.var.sessionId);
  });

  for (const sub of [
    healthRoutes,
    authRoutes,
    unitsRoutes,
    bodiesRoutes,
    askRulesRoutes,
    usersRoutes,
    auditRoutes,
    calendarRoutes,
    indicatorsRoutes,
    formsRoutes,
    reportingRoutes,
    exportRoutes,
    documentsRoutes,
    reportDocumentsRoutes,
    draftsRoutes,
    registryRoutes,
    plansRoutes,
    // before modelsRoutes: /models/excel must be matched before /models/{id}
    modelFilesRoutes,
    modelsRoutes,
    modelCriteriaRoutes,
    modelsShowcaseRoutes,
    evaluationsRoutes,
    evaluationFilesRoutes,
    letterScansRoutes,
    lettersRoutes,
    publicLettersRoutes,
    receptionRoutes,
    dialoguesRoutes,
    publicReceptionRoutes,
  ]) {
    app.route("/api", sub(deps));
  }

  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "danvan API",
      version: APP_VERSION,
      description:
        "Hệ thống thông tin công tác dân vận. Errors: {error:{code,message_vi,message_en,details}}. " +
        "Writes with the session cookie need the X-CSRF-Token header from /api/auth/login or /api/auth/me.",
    },
  });
  app.get("/api/docs", swaggerUI({ url: "/api/openapi.json" }));

  app.all("/api/*", (c) => {
    const e = new AppError(404, "not_found", "Không có địa chỉ API này", "No such API path", {
      path: c.req.path,
    });
    return c.json(e.toJSON(), 404);
  });

  if (deps.webDist && existsSync(path.join(deps.webDist, "index.html"))) {
    const root = path.relative(process.cwd(), deps.webDist) || ".";
    const index = readFileSync(path.join(deps.webDist, "index.html"), "utf8");
    app.use("/assets/*", serveStatic({ root }));
    app.get("/favicon.svg", serveStatic({ root }));
    app.get("*", (c) => c.html(index));
  } else {
    app.get("*", (c) =>
      c.text("danvan API is running; the web app is not built (npm run build:web). API docs: /api/docs", 200),
    );
  }
  return app;
}
