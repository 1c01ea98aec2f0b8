/**
 * Every route × every role × a target inside and outside the grant's subtree. Grants are on province 82
 * (Đồng Tháp); the out-of-scope target is in province 19 (Thái Nguyên).
 */
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../src/db/database.ts";
import { createUserFromCli } from "../../src/features/users/users.service.ts";
import { pdfFile, pngImage } from "../fixtures/files.ts";
import { createTestApp, type TestClient } from "../helpers.ts";

type Scope = "in" | "out";
interface RouteCase {
  name: string;
  /** Which roles may do it in scope (system_admin may do everything everywhere, unless `adminDenied`). */
  allowed: Role[] | "authenticated" | "public";
  /** what not even a system administrator may do by that title (read a denouncer's identity) */
  adminDenied?: true;
  scoped: boolean;
  run(c: TestClient, scope: Scope, ctx: Ctx): Promise<Response>;
}
interface Ctx {
  role: Role | "anonymous";
  hamlet: Record<Scope, { code: string }>;
  body: Record<Scope, number>;
  /** a Party committee, for its terms */
  partyBody: Record<Scope, number>;
  /** a Dân vận khéo model of the scope's commune */
  model: Record<Scope, number>;
  /** a plan of the province with one task (its public page turned on) */
  plan: Record<Scope, { id: number; task: number }>;
  /** a registered document of the province and one attachment of it */
  registry: Record<Scope, { doc: number; attachment: number }>;
  /** the requesting province's People's Committee, which issues its consolidated report */
  provinceBody: Record<Scope, number>;
  user: Record<Scope, number>;
  formId: number;
  request: Record<Scope, number>;
  pool: Record<Scope, number[]>;
  /** a commune's report (taken out of the pool) and a body of that commune that issues it as its document */
  answer: Record<Scope, { sub: number; body: number }>;
}

const UNIT: Record<Scope, string> = { in: "30037", out: "19" };
const COMMUNE: Record<Scope, string> = { in: "30037", out: "05860" };
const ROLES: Role[] = ["system_admin", "unit_admin", "editor", "approver", "viewer", "inspector"];
let seq = 0;
const uniq = () => `${Date.now() % 100000}${seq++}`;

const PROVINCE: Record<Scope, string> = { in: "82", out: "19" };

/** A Kế hoạch drafted by the scope's province People's Committee, signed, and issued when asked. */
async function draftIn(x: Ctx, s: Scope, issued = false): Promise<{ id: number; version: number }> {
  const d = await sysAdmin.json("POST", "/api/drafts", { bodyId: x.provinceBody[s], kind: "KH" });
  const signed = await sysAdmin.json("PUT", `/api/drafts/${d.body.id}`, {
    version: d.body.version,
    excerpt: "Kế hoạch",
    signature: { authority: ["TM. Ủy ban nhân dân", "Chủ tịch"], signer: "Nguyễn Văn A" },
  });
  if (!issued) return signed.body;
  const r = await sysAdmin.request("POST", `/api/drafts/${d.body.id}/document`, {
    format: "pdf",
    issue: { version: signed.body.version },
  });
  expect(r.status).toBe(200);
  return (await sysAdmin.json("GET", `/api/drafts/${d.body.id}`)).body;
}
const READERS: Role[] = ["unit_admin", "editor", "approver", "viewer", "inspector"];

/** A fresh submission of the scope's request, brought to `state` by the system admin. */
async function submissionIn(s: Scope, state: "draft" | "submitted" | "accepted") {
  const id = ctx.pool[s].pop();
  if (id === undefined) throw new Error("submission pool exhausted");
  let cur = (await sysAdmin.json("PUT", `/api/submissions/${id}`, { version: 1, narrative: { I: "Nháp" } }))
    .body;
  if (state !== "draft") {
    cur = (await sysAdmin.json("POST", `/api/submissions/${id}/submit`, { version: cur.submission.version }))
      .body;
  }
  if (state === "accepted") {
    cur = (await sysAdmin.json("POST", `/api/submissions/${id}/accept`, { version: cur.submission.version }))
      .body;
  }
  return { id, version: cur.submission.version as number };
}

const ROUTES: RouteCase[] = [
  { name: "GET /api/health", allowed: "public", scoped: false, run: (c) => c.request("GET", "/api/health") },
  {
    name: "GET /api/openapi.json",
    allowed: "public",
    scoped: false,
    run: (c) => c.request("GET", "/api/openapi.json"),
  },
  {
    name: "GET /api/auth/me",
    allowed: "authenticated",
    scoped: false,
    run: (c) => c.request("GET", "/api/auth/me"),
  },
  {
    name: "GET /api/units",
    allowed: "authenticated",
    scoped: false,
    run: (c) => c.request("GET", "/api/units?q=thap"),
  },
  {
    name: "GET /api/units/{code}",
    allowed: "authenticated",
    scoped: false,
    run: (c, s) => c.request("GET", `/api/units/${UNIT[s]}`),
  },
  {
    name: "GET /api/units/{code}/children",
    allowed: "authenticated",
    scoped: false,
    run: (c, s) => c.request("GET", `/api/units/${UNIT[s]}/children`),
  },
  {
    name: "GET /api/units/{code}/successors",
    allowed: "authenticated",
    scoped: false,
    run: (c) => c.request("GET", "/api/units/872/successors"),
  },
  {
    name: "GET /api/units/{code}/predecessors",
    allowed: "authenticated",
    scoped: false,
    run: (c, s) => c.request("GET", `/api/units/${UNIT[s]}/predecessors`),
  },
  {
    name: "GET /api/units/{code}/bodies",
    allowed: "authenticated",
    scoped: false,
    run: (c, s) => c.request("GET", `/api/units/${UNIT[s]}/bodies`),
  },
  {
    name: "GET /api/body-kinds",
    allowed: "authenticated",
    scoped: false,
    run: (c) => c.request("GET", "/api/body-kinds"),
  },
  {
    name: "POST /api/units/{code}/hamlets",
    allowed: ["unit_admin", "editor"],
    scoped: true,
    run: (c, s) =>
      c.request("POST", `/api/units/${COMMUNE[s]}/hamlets`, { name: `Thôn ${uniq()}`, type: "thôn" }),
  },
  {
    name: "PATCH /api/units/{code}",
    allowed: ["unit_admin", "editor"],
    scoped: true,
    run: async (c, s, ctx) => {
      const cur = await c.request("GET", `/api/units/${ctx.hamlet[s].code}`);
      const version =
        cur.status === 200 ? ((await cur.json()) as { unit: { version: number } }).unit.version : 1;
      return c.request("PATCH", `/api/units/${ctx.hamlet[s].code}`, { version, name: `Thôn ${uniq()}` });
    },
  },
  {
    name: "POST /api/units/{code}/close",
    allowed: ["unit_admin", "editor"],
    scoped: true,
    run: async (c, s, ctx) => {
      const code = ctx.hamlet[s].code;
      const cur = await c.request("GET", `/api/units/${code}`);
      const version =
        cur.status === 200 ? ((await cur.json()) as { unit: { version: number } }).unit.version : 1;
      return c.request("POST", `/api/units/${code}/close`, { version });
    },
  },
  {
    name: "POST /api/units/{code}/bodies",
    allowed: ["unit_admin"],
    scoped: true,
    run: (c, s) =>
      c.request("POST", `/api/units/${UNIT[s]}/bodies`, { kind: "trade_union", name: `Công đoàn ${uniq()}` }),
  },
  {
    name: "PATCH /api/bodies/{id}",
    allowed: ["unit_admin"],
    scoped: true,
    run: async (c, s, ctx) => {
      const list = await c.request("GET", `/api/units/${UNIT[s]}/bodies`);
      const items =
        list.status === 200
          ? ((await list.json()) as { items: { id: number; version: number }[] }).items
          : [];
      const version = items.find((b) => b.id === ctx.body[s])?.version ?? 1;
      return c.request("PATCH", `/api/bodies/${ctx.body[s]}`, { version, name: `Công đoàn ${uniq()}` });
    },
  },
  {
    name: "GET /api/users",
    allowed: ["unit_admin"],
    scoped: false,
    run: (c) => c.request("GET", "/api/users"),
  },
  {
    name: "GET /api/users/{id}",
    allowed: ["unit_admin"],
    scoped: true,
    run: (c, s, ctx) => c.request("GET", `/api/users/${ctx.user[s]}`),
  },
  {
    name: "POST /api/users",
    allowed: ["unit_admin"],
    scoped: true,
    run: (c, s) =>
      c.request("POST", "/api/users", {
        username: `u${uniq()}`,
        displayName: "Cán bộ",
        password: "password123",
        grants: [{ role: "viewer", unitCode: UNIT[s] }],
      }),
  },
  {
    name: "PATCH /api/users/{id}",
    allowed: ["unit_admin"],
    scoped: true,
    run: async (c, s, ctx) => {
      const cur = await c.request("GET", `/api/users/${ctx.user[s]}`);
      const version = cur.status === 200 ? ((await cur.json()) as { version: number }).version : 1;
      return c.request("PATCH", `/api/users/${ctx.user[s]}`, { version, displayName: `Tên ${uniq()}` });
    },
  },
  {
    name: "POST /api/users/{id}/grants",
    allowed: ["unit_admin"],
    scoped: true,
    run: (c, s, ctx) =>
      c.request("POST", `/api/users/${ctx.user[s]}/grants`, { role: "viewer", unitCode: UNIT[s] }),
  },
  {
    name: "DELETE /api/users/{id}/grants/{grantId}",
    allowed: ["unit_admin"],
    scoped: true,
    run: async (c, s, ctx) => {
      // add a grant as the system admin first, then try to remove it
      const g = await sysAdmin.request("POST", `/api/users/${ctx.user[s]}/grants`, {
        role: "viewer",
        unitCode: UNIT[s],
      });
      const { id } = (await g.json()) as { id: number };
      return c.request("DELETE", `/api/users/${ctx.user[s]}/grants/${id}`);
    },
  },
  {
    name: "GET /api/audit",
    allowed: ["unit_admin"],
    scoped: false,
    run: (c) => c.request("GET", "/api/audit"),
  },
  {
    // logout is idempotent (anonymous gets 200 too); each run logs out a fresh session of its own
    name: "POST /api/auth/logout",
    allowed: "public",
    scoped: false,
    run: async (c, _s, ctx) =>
      (ctx.role === "anonymous" ? c : await t.login(`m.${ctx.role}`, "password123")).request(
        "POST",
        "/api/auth/logout",
      ),
  },
  {
    name: "GET /api/forms",
    allowed: "authenticated",
    scoped: false,
    run: (c) => c.request("GET", "/api/forms"),
  },
  {
    name: "GET /api/forms/{id}",
    allowed: "authenticated",
    scoped: false,
    run: (c, _s, ctx) => c.request("GET", `/api/forms/${ctx.formId}`),
  },
  {
    name: "POST /api/forms",
    allowed: [],
    scoped: false,
    run: async (c, _s, ctx) => {
      const f = (await sysAdmin.json("GET", `/api/forms/${ctx.formId}`)).body;
      const { id: _i, version: _v, builtIn: _b, ...def } = f;
      return c.request("POST", "/api/forms", { ...def, code: `form-${uniq()}` });
    },
  },
  {
    name: "GET /api/reporting/deadline",
    allowed: "authenticated",
    scoped: false,
    run: (c) => c.request("GET", "/api/reporting/deadline?period=2026S1&level=commune"),
  },
  {
    name: "POST /api/requests",
    allowed: ["editor"],
    scoped: true,
    run: (c, s, ctx) =>
      c.request("POST", "/api/requests", {
        issuerUnitCode: PROVINCE[s],
        formId: ctx.formId,
        period: { code: "2026" },
        targetLevel: "commune",
        // each role's case issues another one for the same units, form and period
        allowOverlap: true,
      }),
  },
  {
    name: "POST /api/requests/preview",
    allowed: ["editor"],
    scoped: true,
    run: (c, s, ctx) =>
      c.request("POST", "/api/requests/preview", {
        issuerUnitCode: PROVINCE[s],
        formId: ctx.formId,
        period: { start: "2026-01-01", end: "2027-12-31" },
        targetLevel: "commune",
      }),
  },
  {
    name: "GET /api/requests",
    allowed: "authenticated",
    scoped: false,
    run: (c) => c.request("GET", "/api/requests"),
  },
  {
    name: "GET /api/requests/{id}",
    allowed: READERS,
    scoped: true,
    run: (c, s, ctx) => c.request("GET", `/api/requests/${ctx.request[s]}`),
  },
  {
    name: "GET /api/requests/{id}/consolidation",
    allowed: READERS,
    scoped: true,
    run: (c, s, ctx) => c.request("GET", `/api/requests/${ctx.request[s]}/consolidation`),
  },
  {
    name: "GET /api/requests/{id}/dataValueSets",
    allowed: READERS,
    scoped: true,
    run: (c, s, ctx) => c.request("GET", `/api/requests/${ctx.request[s]}/dataValueSets`),
  },
  {
    name: "GET /api/requests/{id}/dataValueSets.csv",
    allowed: READERS,
    scoped: true,
    run: (c, s, ctx) => c.request("GET", `/api/requests/${ctx.request[s]}/dataValueSets.csv`),
  },
  {
    name: "POST /api/requests/{id}/dataValueSets",
    allowed: ["editor"],
    scoped: true,
    run: (c, s, ctx) =>
      c.request("POST", `/api/requests/${ctx.request[s]}/dataValueSets?dryRun=true`, { dataValues: [] }),
  },
  {
    name: "POST /api/requests/{id}/dataValueSets.csv",
    allowed: ["editor"],
    scoped: true,
    run: (c, s, ctx) =>
      c.request(
        "POST",
        `/api/requests/${ctx.request[s]}/dataValueSets.csv?dryRun=true`,
        "dataelement,period,orgunit,value\n",
        {
          "content-type": "text/csv",
        },
      ),
  },
  {
    name: "GET /api/requests/{id}/excel",
    allowed: ["editor"],
    scoped: true,
    run: (c, s, ctx) =>
      c.request("GET", `/api/requests/${ctx.request[s]}/excel?unit=${s === "in" ? "30037" : "05860"}`),
  },
  {
    name: "POST /api/requests/{id}/excel",
    allowed: ["editor"],
    scoped: true,
    run: async (c, s, ctx) => {
      const tpl = await sysAdmin.request(
        "GET",
        `/api/requests/${ctx.request[s]}/excel?unit=${s === "in" ? "30037" : "05860"}`,
      );
      const file = new Uint8Array(await tpl.arrayBuffer());
      return c.request("POST", `/api/requests/${ctx.request[s]}/excel?dryRun=true`, file, {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      });
    },
  },
  {
    name: "POST /api/export/xlsx",
    allowed: "authenticated",
    scoped: false,
    run: (c) => c.request("POST", "/api/export/xlsx", { title: "Bảng", columns: ["A"], rows: [[1]] }),
  },
  {
    name: "GET /api/reminders",
    allowed: "authenticated",
    scoped: false,
    run: (c) => c.request("GET", "/api/reminders"),
  },
  {
    name: "GET /api/reporting/totals",
    allowed: READERS,
    scoped: true,
    run: (c, s) =>
      c.request("GET", `/api/reporting/totals?form=dvcq-thap-muoi&periods=2026&unit=${PROVINCE[s]}`),
  },
  {
    name: "GET /api/reporting/timeliness",
    allowed: READERS,
    scoped: true,
    run: (c, s) => c.request("GET", `/api/reporting/timeliness?unit=${PROVINCE[s]}`),
  },
  {
    name: "GET /api/calendar/{year}",
    allowed: "authenticated",
    scoped: false,
    run: (c) => c.request("GET", "/api/calendar/2026"),
  },
  {
    name: "PUT /api/calendar/{year}",
    allowed: [],
    scoped: false,
    run: async (c) => {
      // each allowed run stores the year anew: read its version first
      const cur = await sysAdmin.json("GET", "/api/calendar/2031");
      return c.request("PUT", "/api/calendar/2031", {
        version: cur.body.stored ? cur.body.version : null,
        days: [],
      });
    },
  },
  {
    name: "GET /api/indicators",
    allowed: "authenticated",
    scoped: false,
    run: (c) => c.request("GET", "/api/indicators"),
  },
  {
    name: "POST /api/indicators",
    allowed: [],
    scoped: false,
    run: (c) =>
      c.request("POST", "/api/indicators", {
        code: `MATRIX_${uniq()}`,
        nameVi: "Chỉ tiêu thử",
        nameEn: "Test indicator",
        type: "integer",
        aggregation: "sum",
      }),
  },
  {
    name: "PUT /api/indicators/{code}",
    allowed: [],
    scoped: false,
    run: async (c) => {
      const cur = (await sysAdmin.json("GET", "/api/indicators")).body.items.find(
        (i: { code: string }) => i.code === "FUNDS_MOBILISED",
      );
      const { code: _c, builtIn: _b, ...fields } = cur;
      return c.request("PUT", "/api/indicators/FUNDS_MOBILISED", fields);
    },
  },
  {
    name: "GET /api/ask-rules",
    allowed: "authenticated",
    scoped: false,
    run: (c) => c.request("GET", "/api/ask-rules"),
  },
  {
    name: "POST /api/ask-rules",
    allowed: [],
    scoped: false,
    run: (c) =>
      c.request("POST", "/api/ask-rules", {
        issuerKind: "women_union",
        targetKind: "youth_union",
        relation: "same",
        validFrom: `2030-01-${String((seq++ % 28) + 1).padStart(2, "0")}`,
      }),
  },
  {
    name: "PATCH /api/ask-rules/{id}",
    allowed: [],
    scoped: false,
    run: async (c) => {
      const made = await sysAdmin.json("POST", "/api/ask-rules", {
        issuerKind: "farmers_union",
        targetKind: "youth_union",
        relation: "same",
        validFrom: `2031-${String((seq % 12) + 1).padStart(2, "0")}-${String((seq++ % 28) + 1).padStart(2, "0")}`,
      });
      return c.request("PATCH", `/api/ask-rules/${made.body.id}`, {
        version: made.body.version,
        validTo: "2040-01-01",
      });
    },
  },
  {
    name: "GET /api/requests/{id}/summary",
    allowed: READERS,
    scoped: true,
    run: (c, s, ctx) => c.request("GET", `/api/requests/${ctx.request[s]}/summary`),
  },
  {
    name: "PUT /api/requests/{id}/summary",
    allowed: ["editor", "approver"],
    scoped: true,
    run: async (c, s, ctx) => {
      const cur = await sysAdmin.json("GET", `/api/requests/${ctx.request[s]}/summary`);
      return c.request("PUT", `/api/requests/${ctx.request[s]}/summary`, {
        version: cur.body.version ?? 0,
        narrative: {},
      });
    },
  },
  {
    name: "GET /api/inbox",
    allowed: "authenticated",
    scoped: false,
    run: (c) => c.request("GET", "/api/inbox"),
  },
  {
    name: "GET /api/submissions/{id}",
    allowed: READERS,
    scoped: true,
    run: async (c, s) => c.request("GET", `/api/submissions/${(await submissionIn(s, "draft")).id}`),
  },
  {
    name: "GET /api/submissions/{id}/revisions",
    allowed: READERS,
    scoped: true,
    run: async (c, s) =>
      c.request("GET", `/api/submissions/${(await submissionIn(s, "draft")).id}/revisions`),
  },
  {
    name: "GET /api/submissions/{id}/revisions/{version}",
    allowed: READERS,
    scoped: true,
    run: async (c, s) => {
      const sub = await submissionIn(s, "draft");
      return c.request("GET", `/api/submissions/${sub.id}/revisions/${sub.version}`);
    },
  },
  {
    name: "PUT /api/submissions/{id}",
    allowed: ["editor"],
    scoped: true,
    run: async (c, s) => {
      const sub = await submissionIn(s, "draft");
      return c.request("PUT", `/api/submissions/${sub.id}`, {
        version: sub.version,
        narrative: { I: "Ổn định" },
      });
    },
  },
  {
    // only who fills a report reads what its draft can start from
    name: "GET /api/submissions/{id}/gathered",
    allowed: ["editor"],
    scoped: true,
    run: async (c, s) => {
      const sub = await submissionIn(s, "draft");
      return c.request("GET", `/api/submissions/${sub.id}/gathered`);
    },
  },
  {
    name: "POST /api/submissions/{id}/submit",
    allowed: ["editor"],
    scoped: true,
    run: async (c, s) => {
      const sub = await submissionIn(s, "draft");
      return c.request("POST", `/api/submissions/${sub.id}/submit`, { version: sub.version });
    },
  },
  ...(["return", "accept"] as const).map(
    (action): RouteCase => ({
      name: `POST /api/submissions/{id}/${action}`,
      allowed: ["editor", "approver"],
      scoped: true,
      run: async (c, s) => {
        const sub = await submissionIn(s, "submitted");
        return c.request("POST", `/api/submissions/${sub.id}/${action}`, {
          version: sub.version,
          comment: "Bổ sung",
        });
      },
    }),
  ),
  {
    name: "POST /api/submissions/{id}/unlock",
    allowed: ["approver"],
    scoped: true,
    run: async (c, s) => {
      const sub = await submissionIn(s, "accepted");
      return c.request("POST", `/api/submissions/${sub.id}/unlock`, {
        version: sub.version,
        comment: "Sai số liệu",
      });
    },
  },
  {
    name: "POST /api/requests/{id}/document",
    allowed: READERS,
    scoped: true,
    run: (c, s, x) =>
      c.request("POST", `/api/requests/${x.request[s]}/document`, {
        format: "docx",
        bodyId: x.provinceBody[s],
        place: "Tỉnh",
        recipients: ["Lưu: VT"],
        signature: { authority: ["TM. Ủy ban nhân dân", "Chủ tịch"], signer: "A" },
      }),
  },
  {
    name: "POST /api/submissions/{id}/document",
    allowed: ["editor"],
    scoped: true,
    run: (c, s, x) =>
      c.request("POST", `/api/submissions/${x.answer[s].sub}/document`, {
        format: "docx",
        bodyId: x.answer[s].body,
        signature: { authority: ["TM. Ban Thường vụ", "Chủ tịch"], signer: "A" },
      }),
  },
  {
    name: "GET /api/registry",
    allowed: READERS,
    scoped: true,
    run: (c, s) => c.request("GET", `/api/registry?unit=${PROVINCE[s]}&q=ke hoach`),
  },
  {
    name: "POST /api/registry",
    allowed: ["editor"],
    scoped: true,
    run: (c, s) => c.request("POST", "/api/registry", registryInput(s)),
  },
  {
    name: "GET /api/registry/{id}",
    allowed: READERS,
    scoped: true,
    run: (c, s, x) => c.request("GET", `/api/registry/${x.registry[s].doc}`),
  },
  {
    name: "PATCH /api/registry/{id}",
    allowed: ["editor"],
    scoped: true,
    run: async (c, s, x) => {
      const d = await sysAdmin.json("GET", `/api/registry/${x.registry[s].doc}`);
      return c.request("PATCH", `/api/registry/${d.body.id}`, { version: d.body.version, excerpt: "Đã sửa" });
    },
  },
  {
    name: "POST /api/registry/{id}/relations",
    allowed: ["editor"],
    scoped: true,
    run: async (c, s, x) => {
      const d = await sysAdmin.json("POST", "/api/registry", registryInput(s));
      return c.request("POST", `/api/registry/${d.body.id}/relations`, {
        toId: x.registry[s].doc,
        kind: "implements",
      });
    },
  },
  {
    name: "POST /api/registry/{id}/attachments",
    allowed: ["editor"],
    scoped: true,
    run: (c, s, x) =>
      c.request("POST", `/api/registry/${x.registry[s].doc}/attachments?filename=a.pdf`, PDF_BYTES, {
        "content-type": "application/octet-stream",
      }),
  },
  {
    name: "GET /api/registry/attachments/{id}",
    allowed: READERS,
    scoped: true,
    run: (c, s, x) => c.request("GET", `/api/registry/attachments/${x.registry[s].attachment}`),
  },
  {
    name: "GET /api/plans",
    allowed: READERS,
    scoped: true,
    run: (c, s) => c.request("GET", `/api/plans?unit=${PROVINCE[s]}`),
  },
  {
    name: "POST /api/plans",
    allowed: ["editor"],
    scoped: true,
    run: (c, s) => c.request("POST", "/api/plans", { unitCode: PROVINCE[s], title: "Kế hoạch" }),
  },
  {
    name: "GET /api/plans/{id}",
    allowed: READERS,
    scoped: true,
    run: (c, s, x) => c.request("GET", `/api/plans/${x.plan[s].id}`),
  },
  {
    name: "POST /api/plans/{id}/tasks",
    allowed: ["editor"],
    scoped: true,
    run: (c, s, x) =>
      c.request("POST", `/api/plans/${x.plan[s].id}/tasks`, {
        title: "Nhiệm vụ",
        assigneeUnitCode: PROVINCE[s],
        dueOn: "2099-01-01",
      }),
  },
  {
    name: "PATCH /api/tasks/{id}",
    allowed: ["editor"],
    scoped: true,
    run: async (c, s, x) => {
      const plan = await sysAdmin.json("GET", `/api/plans/${x.plan[s].id}`);
      const task = plan.body.tasks.find((t: { id: number }) => t.id === x.plan[s].task);
      return c.request("PATCH", `/api/tasks/${task.id}`, { version: task.version, status: "in_progress" });
    },
  },
  {
    name: "GET /api/tasks/overdue",
    allowed: "authenticated",
    scoped: false,
    run: (c) => c.request("GET", "/api/tasks/overdue"),
  },
  {
    name: "POST /api/tasks/{id}/milestones",
    allowed: ["editor"],
    scoped: true,
    run: (c, s, x) =>
      c.request("POST", `/api/tasks/${x.plan[s].task}/milestones`, { title: "Mốc", dueOn: "2099-01-01" }),
  },
  {
    name: "PATCH /api/plans/{id}",
    allowed: ["editor"],
    scoped: true,
    run: async (c, s, x) => {
      const plan = await sysAdmin.json("GET", `/api/plans/${x.plan[s].id}`);
      return c.request("PATCH", `/api/plans/${x.plan[s].id}`, {
        version: plan.body.version,
        title: "Kế hoạch",
      });
    },
  },
  {
    name: "PATCH /api/milestones/{id}",
    allowed: ["editor"],
    scoped: true,
    run: async (c, s, x) => {
      const made = await sysAdmin.json("POST", `/api/tasks/${x.plan[s].task}/milestones`, {
        title: "Mốc",
        dueOn: "2099-01-01",
      });
      const task = made.body.tasks.find((t: { id: number }) => t.id === x.plan[s].task);
      const m = task.milestones.at(-1);
      return c.request("PATCH", `/api/milestones/${m.id}`, { version: m.version, title: "Mốc đã sửa" });
    },
  },
  {
    name: "PUT /api/plans/{id}/public",
    allowed: ["editor"],
    scoped: true,
    run: (c, s, x) => c.request("PUT", `/api/plans/${x.plan[s].id}/public`, { public: true }),
  },
  {
    name: "GET /api/public/plans/{token}",
    allowed: "public",
    scoped: false,
    run: async (c, _s, x) => {
      // each allowed PUT …/public above gave the plan a new address: read the current one
      const plan = await sysAdmin.json("GET", `/api/plans/${x.plan.in.id}`);
      return c.request("GET", `/api/public/plans/${plan.body.publicToken}`);
    },
  },
  {
    name: "GET /api/document-types",
    allowed: "authenticated",
    scoped: false,
    run: (c) => c.request("GET", "/api/document-types"),
  },
  {
    name: "GET /api/bodies/{id}/terms",
    allowed: READERS,
    scoped: true,
    run: (c, s, x) => c.request("GET", `/api/bodies/${x.partyBody[s]}/terms`),
  },
  {
    name: "POST /api/bodies/{id}/terms",
    allowed: ["unit_admin"],
    scoped: true,
    run: (c, s, x) => {
      const year = 1950 + termYear++;
      return c.request("POST", `/api/bodies/${x.partyBody[s]}/terms`, {
        name: `khóa ${year}`,
        startsOn: `${year}-01-01`,
        endsOn: `${year}-12-31`,
      });
    },
  },
  {
    name: "GET /api/bodies/{id}/document-numbers",
    allowed: READERS,
    scoped: true,
    run: (c, s, x) => c.request("GET", `/api/bodies/${x.body[s]}/document-numbers`),
  },
  {
    name: "GET /api/bodies/{id}/document-templates",
    allowed: READERS,
    scoped: true,
    run: (c, s, x) => c.request("GET", `/api/bodies/${x.provinceBody[s]}/document-templates`),
  },
  {
    name: "GET /api/drafts",
    allowed: READERS,
    scoped: true,
    run: (c, s) => c.request("GET", `/api/drafts?unit=${PROVINCE[s]}`),
  },
  {
    name: "POST /api/drafts",
    allowed: ["editor"],
    scoped: true,
    run: (c, s, x) => c.request("POST", "/api/drafts", { bodyId: x.provinceBody[s], kind: "KH" }),
  },
  {
    name: "GET /api/drafts/{id}",
    allowed: READERS,
    scoped: true,
    run: async (c, s, x) => c.request("GET", `/api/drafts/${(await draftIn(x, s)).id}`),
  },
  {
    name: "PUT /api/drafts/{id}",
    allowed: ["editor"],
    scoped: true,
    run: async (c, s, x) => {
      const d = await draftIn(x, s);
      return c.request("PUT", `/api/drafts/${d.id}`, { version: d.version, excerpt: "Kế hoạch năm 2027" });
    },
  },
  {
    // a preview reads; issuing writes the registry
    name: "POST /api/drafts/{id}/document",
    allowed: READERS,
    scoped: true,
    run: async (c, s, x) =>
      c.request("POST", `/api/drafts/${(await draftIn(x, s)).id}/document`, { format: "pdf" }),
  },
  {
    name: "POST /api/drafts/{id}/document issue",
    allowed: ["editor"],
    scoped: true,
    run: async (c, s, x) => {
      const d = await draftIn(x, s);
      return c.request("POST", `/api/drafts/${d.id}/document`, {
        format: "pdf",
        issue: { version: d.version },
      });
    },
  },
  {
    name: "POST /api/drafts/{id}/cancel",
    allowed: ["editor"],
    scoped: true,
    run: async (c, s, x) => {
      const d = await draftIn(x, s);
      return c.request("POST", `/api/drafts/${d.id}/cancel`, { version: d.version, reason: "Trùng" });
    },
  },
  {
    name: "POST /api/drafts/{id}/plan",
    allowed: ["editor"],
    scoped: true,
    run: async (c, s, x) => {
      const d = await draftIn(x, s, true);
      return c.request("POST", `/api/drafts/${d.id}/plan`, { version: d.version });
    },
  },
  {
    name: "POST /api/bodies/{id}/document-numbers",
    allowed: ["editor", "approver"],
    scoped: true,
    run: (c, s, x) =>
      c.request("POST", `/api/bodies/${x.body[s]}/document-numbers`, { typeCode: "BC", title: "Báo cáo" }),
  },
  {
    name: "POST /api/document-numbers/{id}/cancel",
    allowed: ["editor", "approver"],
    scoped: true,
    run: async (c, s, x) => {
      const n = await sysAdmin.json("POST", `/api/bodies/${x.body[s]}/document-numbers`, {
        typeCode: "KH",
        title: "Kế hoạch",
      });
      return c.request("POST", `/api/document-numbers/${n.body.id}/cancel`, { reason: "Ban hành nhầm" });
    },
  },
  {
    name: "GET /api/model-fields",
    allowed: "authenticated",
    scoped: false,
    run: (c) => c.request("GET", "/api/model-fields"),
  },
  {
    name: "GET /api/model-criteria",
    allowed: READERS,
    scoped: true,
    run: (c, s) => c.request("GET", `/api/model-criteria?unit=${COMMUNE[s]}`),
  },
  {
    name: "PUT /api/model-criteria",
    allowed: ["editor"],
    scoped: true,
    run: (c, s) =>
      c.request("PUT", "/api/model-criteria", {
        unit: PROVINCE[s],
        kind: "collective",
        criteria: [{ code: "T1", textVi: "Tiêu chí", required: true }],
        minimumMet: 1,
      }),
  },
  {
    name: "GET /api/models",
    allowed: READERS,
    scoped: true,
    run: (c, s) => c.request("GET", `/api/models?unit=${PROVINCE[s]}&year=2025`),
  },
  {
    name: "GET /api/models/similar",
    allowed: READERS,
    scoped: true,
    run: (c, s) => c.request("GET", `/api/models/similar?unit=${COMMUNE[s]}&year=2025&name=T%E1%BB%95`),
  },
  {
    name: "GET /api/models/counts",
    allowed: READERS,
    scoped: true,
    run: (c, s) => c.request("GET", `/api/models/counts?unit=${PROVINCE[s]}&year=2025`),
  },
  {
    name: "POST /api/models",
    allowed: ["editor"],
    scoped: true,
    run: (c, s) => c.request("POST", "/api/models", modelInput(COMMUNE[s], 2025)),
  },
  {
    name: "GET /api/models/excel",
    allowed: READERS,
    scoped: true,
    run: (c, s) => c.request("GET", `/api/models/excel?unit=${COMMUNE[s]}&year=2025`),
  },
  {
    name: "POST /api/models/excel",
    allowed: ["editor"],
    scoped: true,
    run: async (c, s) => {
      const file = await sysAdmin.request("GET", `/api/models/excel?unit=${COMMUNE[s]}&year=2025`);
      return c.request(
        "POST",
        `/api/models/excel?unit=${COMMUNE[s]}&year=2025`,
        new Uint8Array(await file.arrayBuffer()),
        {
          "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        },
      );
    },
  },
  {
    name: "POST /api/models/{id}/attachments",
    allowed: ["editor"],
    scoped: true,
    run: (c, s, x) =>
      c.request("POST", `/api/models/${x.model[s]}/attachments?filename=anh.png`, PNG_BYTES, {
        "content-type": "application/octet-stream",
      }),
  },
  {
    name: "GET /api/models/attachments/{id}",
    allowed: READERS,
    scoped: true,
    run: async (c, s, x) => {
      const a = await sysAdmin.request(
        "POST",
        `/api/models/${x.model[s]}/attachments?filename=anh.png`,
        PNG_BYTES,
        {
          "content-type": "application/octet-stream",
        },
      );
      return c.request("GET", `/api/models/attachments/${((await a.json()) as { id: number }).id}`);
    },
  },
  {
    name: "PUT /api/models/{id}/public",
    // the unit's editors, and the units above it (they evaluate its models)
    allowed: ["editor", "approver"],
    scoped: true,
    run: async (c, s, x) => {
      const m = await sysAdmin.json("GET", `/api/models/${x.model[s]}`);
      return c.request("PUT", `/api/models/${x.model[s]}/public`, {
        version: m.body.version,
        public: true,
        results: "Kết quả",
      });
    },
  },
  {
    name: "GET /api/public/models",
    allowed: "public",
    scoped: false,
    run: (c) => c.request("GET", "/api/public/models?province=82"),
  },
  {
    name: "GET /api/public/models/photos/{id}",
    allowed: "public",
    scoped: false,
    run: async (c, _s, x) => {
      const m = await sysAdmin.json("GET", `/api/models/${x.model.in}`);
      await sysAdmin.json("PUT", `/api/models/${x.model.in}/public`, {
        version: m.body.version,
        public: true,
        results: "Kết quả",
      });
      const a = await sysAdmin.request(
        "POST",
        `/api/models/${x.model.in}/attachments?filename=anh.png`,
        PNG_BYTES,
        {
          "content-type": "application/octet-stream",
        },
      );
      return c.request("GET", `/api/public/models/photos/${((await a.json()) as { id: number }).id}`);
    },
  },
  {
    name: "GET /api/models/carry-over",
    allowed: READERS,
    scoped: true,
    run: (c, s) => c.request("GET", `/api/models/carry-over?unit=${COMMUNE[s]}&year=2026`),
  },
  {
    name: "POST /api/models/carry-over",
    allowed: ["editor"],
    scoped: true,
    run: async (c, s) => {
      const m = await sysAdmin.json("POST", "/api/models", modelInput(COMMUNE[s], 2025));
      return c.request("POST", "/api/models/carry-over", {
        unitCode: COMMUNE[s],
        year: 2026,
        modelIds: [m.body.id],
      });
    },
  },
  {
    name: "GET /api/models/{id}",
    allowed: READERS,
    scoped: true,
    run: (c, s, x) => c.request("GET", `/api/models/${x.model[s]}`),
  },
  {
    name: "PATCH /api/models/{id}",
    // the registering unit's editors (and those of the units above it, which hold its grant's subtree)
    allowed: ["editor"],
    scoped: true,
    run: async (c, s, x) => {
      const m = await sysAdmin.json("GET", `/api/models/${x.model[s]}`);
      return c.request("PATCH", `/api/models/${x.model[s]}`, {
        version: m.body.version,
        name: `Mô hình ${uniq()}`,
      });
    },
  },
  {
    name: "POST /api/models/{id}/years/{year}/steps",
    allowed: ["editor"],
    scoped: true,
    run: async (c, s) => {
      const m = await sysAdmin.json("POST", "/api/models", modelInput(COMMUNE[s], 2025));
      return c.request("POST", `/api/models/${m.body.id}/years/2025/steps`, {
        to: "implementing",
        version: 1,
      });
    },
  },
  {
    name: "GET /api/evaluation-schemes/examples",
    allowed: "authenticated",
    scoped: false,
    run: (c) => c.request("GET", "/api/evaluation-schemes/examples"),
  },
  {
    name: "GET /api/evaluation-schemes",
    allowed: READERS,
    scoped: true,
    run: (c, s) => c.request("GET", `/api/evaluation-schemes?unit=${PROVINCE[s]}`),
  },
  {
    name: "POST /api/evaluation-schemes",
    allowed: ["editor"],
    scoped: true,
    run: (c, s) => c.request("POST", "/api/evaluation-schemes", schemeInput(s)),
  },
  {
    name: "GET /api/evaluation-schemes/{id}",
    allowed: READERS,
    scoped: true,
    run: async (c, s) => c.request("GET", `/api/evaluation-schemes/${(await freshScheme(s)).scheme}`),
  },
  {
    name: "PATCH /api/evaluation-schemes/{id}",
    allowed: ["editor"],
    scoped: true,
    run: async (c, s) =>
      c.request("PATCH", `/api/evaluation-schemes/${(await freshScheme(s)).scheme}`, {
        version: 1,
        name: `Đánh giá ${uniq()}`,
      }),
  },
  {
    name: "POST /api/evaluation-schemes/{id}/publish",
    allowed: ["editor"],
    scoped: true,
    run: async (c, s) =>
      c.request("POST", `/api/evaluation-schemes/${(await freshScheme(s)).scheme}/publish`, {
        version: 1,
        notRankUnappraised: true,
      }),
  },
  {
    name: "GET /api/evaluations/history",
    allowed: READERS,
    scoped: true,
    run: (c, s) => c.request("GET", `/api/evaluations/history?unit=${COMMUNE[s]}`),
  },
  {
    name: "GET /api/evaluations/{id}",
    allowed: READERS,
    scoped: true,
    run: async (c, s) => c.request("GET", `/api/evaluations/${(await freshScheme(s)).evaluation}`),
  },
  {
    name: "PUT /api/evaluations/{id}/self",
    allowed: ["editor"],
    scoped: true,
    run: async (c, s) =>
      c.request("PUT", `/api/evaluations/${(await freshScheme(s)).evaluation}/self`, {
        version: 1,
        scores: {},
      }),
  },
  {
    name: "POST /api/evaluations/{id}/attachments",
    allowed: ["editor"],
    scoped: true,
    run: async (c, s) =>
      c.request(
        "POST",
        `/api/evaluations/${(await freshScheme(s)).evaluation}/attachments?filename=a.pdf&item=BK1`,
        PDF_BYTES,
        { "content-type": "application/octet-stream" },
      ),
  },
  {
    name: "GET /api/evaluations/attachments/{id}",
    allowed: READERS,
    scoped: true,
    run: async (c, s) => c.request("GET", `/api/evaluations/attachments/${await evidenceIn(s)}`),
  },
  {
    name: "DELETE /api/evaluations/attachments/{id}",
    allowed: ["editor"],
    scoped: true,
    run: async (c, s) => c.request("DELETE", `/api/evaluations/attachments/${await evidenceIn(s)}`),
  },
  {
    name: "PUT /api/evaluations/{id}/appraisal",
    allowed: ["editor", "approver"],
    scoped: true,
    run: async (c, s) =>
      c.request("PUT", `/api/evaluations/${(await freshScheme(s)).evaluation}/appraisal`, {
        version: 1,
        scores: {},
        ranked: false,
        notRankedReason: "Không gửi kết quả tự chấm",
      }),
  },
  {
    name: "POST /api/letters",
    allowed: ["editor", "inspector"],
    scoped: true,
    run: (c, s, x) => c.request("POST", "/api/letters", letterInput(x, s)),
  },
  {
    name: "GET /api/letters",
    allowed: READERS,
    scoped: true,
    run: (c, s) => c.request("GET", `/api/letters?unit=${PROVINCE[s]}&due=soon`),
  },
  {
    name: "GET /api/letters/counts",
    allowed: READERS,
    scoped: true,
    run: (c, s) => c.request("GET", `/api/letters/counts?unit=${PROVINCE[s]}`),
  },
  {
    name: "GET /api/letters/{id}",
    allowed: READERS,
    scoped: true,
    run: async (c, s, x) => c.request("GET", `/api/letters/${(await letterIn(x, s)).id}`),
  },
  {
    name: "PATCH /api/letters/{id}",
    allowed: ["editor", "inspector"],
    scoped: true,
    run: async (c, s, x) =>
      c.request("PATCH", `/api/letters/${(await letterIn(x, s)).id}`, { version: 1, field: "land" }),
  },
  {
    name: "POST /api/letters/{id}/steps",
    allowed: ["editor", "inspector"],
    scoped: true,
    run: async (c, s, x) =>
      c.request("POST", `/api/letters/${(await letterIn(x, s)).id}/steps`, {
        version: 1,
        action: "file",
        on: new Date().toISOString().slice(0, 10),
      }),
  },
  {
    name: "POST /api/letters/{id}/events/{eventId}/document",
    allowed: ["editor", "inspector"],
    scoped: true,
    run: async (c, s, x) => {
      const l = await letterIn(x, s);
      const today = new Date().toISOString().slice(0, 10);
      await sysAdmin.json("PATCH", `/api/letters/${l.id}`, { version: 1, eligible: true, competent: true });
      const d = await sysAdmin.json("POST", `/api/letters/${l.id}/steps`, {
        version: 2,
        action: "accept",
        on: today,
      });
      return c.request("POST", `/api/letters/${l.id}/events/${d.body.events[0].id}/document`, {
        format: "pdf",
        signature: { authority: ["KT. Chủ tịch", "Phó Chủ tịch"], signer: "Nguyễn Văn A" },
      });
    },
  },
  {
    name: "GET /api/letters/{id}/identity",
    // a denouncer's identity: the inspectorate only, never a system administrator by that title
    allowed: ["inspector"],
    adminDenied: true,
    scoped: true,
    run: async (c, s, x) =>
      c.request("GET", `/api/letters/${(await letterIn(x, s, "denunciation")).id}/identity`),
  },
  {
    name: "POST /api/letters/{id}/scans",
    allowed: ["editor", "inspector"],
    scoped: true,
    run: async (c, s, x) =>
      c.request("POST", `/api/letters/${(await letterIn(x, s, "denunciation")).id}/scans`, PDF_BYTES, {
        "content-type": "application/octet-stream",
      }),
  },
  {
    name: "GET /api/letters/scans/{id}",
    // a denouncer's handwriting, as their identity: the inspectorate only
    allowed: ["inspector"],
    adminDenied: true,
    scoped: true,
    run: async (c, s, x) => {
      const l = await letterIn(x, s, "denunciation");
      const scan = await sysAdmin.request("POST", `/api/letters/${l.id}/scans`, PDF_BYTES, {
        "content-type": "application/octet-stream",
      });
      expect(scan.status).toBe(201);
      return c.request("GET", `/api/letters/scans/${((await scan.json()) as { id: number }).id}`);
    },
  },
  {
    name: "GET /api/public/letters/{code}",
    allowed: "public",
    scoped: false,
    run: async (c, s, x) => {
      const l = await letterIn(x, s);
      return c.request("GET", `/api/public/letters/${l.code}`, undefined, { "x-tracking-secret": l.secret });
    },
  },
  {
    name: "GET /api/letters/reminders",
    allowed: "authenticated",
    scoped: false,
    run: (c) => c.request("GET", "/api/letters/reminders"),
  },
  {
    name: "GET /api/letters/hotspots",
    allowed: READERS,
    scoped: true,
    run: (c, s) => c.request("GET", `/api/letters/hotspots?unit=${PROVINCE[s]}`),
  },
  {
    name: "GET /api/public/letter-receivers",
    allowed: "public",
    scoped: false,
    run: (c) => c.request("GET", `/api/public/letter-receivers?q=${encodeURIComponent("tháp mười")}`),
  },
  {
    name: "POST /api/public/letters",
    allowed: "public",
    scoped: false,
    run: (c, s, x) =>
      c.request("POST", "/api/public/letters", {
        bodyId: x.provinceBody[s],
        subject: "Phản ánh đèn chiếu sáng hỏng",
        content: "Đèn đường ấp 2 hỏng đã một tháng.",
        sender: { name: "Người dân", phone: "0900000001" },
      }),
  },
  {
    name: "GET /api/reception/schedules",
    allowed: READERS,
    scoped: true,
    run: (c, s) => c.request("GET", `/api/reception/schedules?unit=${PROVINCE[s]}&month=2026-01`),
  },
  {
    name: "GET /api/reception/compliance",
    allowed: READERS,
    scoped: true,
    run: (c, s) => c.request("GET", `/api/reception/compliance?unit=${PROVINCE[s]}&month=2026-01`),
  },
  {
    name: "POST /api/reception/schedules",
    allowed: ["editor", "inspector"],
    scoped: true,
    run: (c, s, x) =>
      c.request("POST", "/api/reception/schedules", {
        bodyId: x.provinceBody[s],
        receiverName: "Chủ tịch UBND tỉnh",
        receiverRole: "province_chair",
        recurrences: [{ kind: "monthly_day", day: 15 }],
        validFrom: "2026-01-01",
      }),
  },
  {
    name: "POST /api/reception/schedules/notice",
    // the body's reception and its documents: an inspector handles reception but registers no document
    allowed: ["editor"],
    scoped: true,
    run: (c, s, x) =>
      c.request("POST", "/api/reception/schedules/notice", { bodyId: x.provinceBody[s], month: "2026-01" }),
  },
  {
    name: "PUT /api/reception/publication",
    allowed: ["editor", "inspector"],
    scoped: true,
    run: (c, s) => c.request("PUT", "/api/reception/publication", { unitCode: PROVINCE[s], published: true }),
  },
  {
    name: "GET /api/public/reception/{unit}",
    allowed: "public",
    scoped: false,
    run: async (c) => {
      // the province publishes its schedule (as those who handle its reception may)
      await sysAdmin.json("PUT", "/api/reception/publication", { unitCode: "82", published: true });
      return c.request("GET", "/api/public/reception/82?month=2026-01");
    },
  },
  {
    name: "GET /api/reception/sessions",
    allowed: READERS,
    scoped: true,
    run: (c, s) => c.request("GET", `/api/reception/sessions?unit=${PROVINCE[s]}&month=2026-01`),
  },
  {
    name: "POST /api/reception/sessions",
    allowed: ["editor", "inspector"],
    scoped: true,
    run: (c, s, x) =>
      c.request("POST", "/api/reception/sessions", {
        bodyId: x.provinceBody[s],
        heldOn: "2026-01-15",
        receiverName: "Chủ tịch UBND tỉnh",
        receiverRole: "province_chair",
        inPerson: true,
        citizens: 2,
        groups: 0,
      }),
  },
  {
    name: "GET /api/reception/dialogues",
    allowed: READERS,
    scoped: true,
    run: (c, s) => c.request("GET", `/api/reception/dialogues?unit=${PROVINCE[s]}&year=2026`),
  },
  {
    name: "POST /api/reception/dialogues",
    allowed: ["editor", "inspector"],
    scoped: true,
    run: (c, s, x) => c.request("POST", "/api/reception/dialogues", dialogueInput(x, s)),
  },
  {
    name: "PATCH /api/reception/commitments/{id}",
    allowed: ["editor", "inspector"],
    scoped: true,
    run: async (c, s, x) => {
      const k = await commitmentIn(x, s);
      return c.request("PATCH", `/api/reception/commitments/${k.id}`, {
        version: k.version,
        status: "in_progress",
      });
    },
  },
  {
    name: "POST /api/reception/commitments/{id}/task",
    // handling the dialogue's body and managing the plan (an inspector handles, but manages no plan)
    allowed: ["editor"],
    scoped: true,
    run: async (c, s, x) => {
      const k = await commitmentIn(x, s);
      return c.request("POST", `/api/reception/commitments/${k.id}/task`, {
        version: k.version,
        planId: x.plan[s].id,
      });
    },
  },
  {
    name: "GET /api/letters/clock-rules",
    allowed: READERS,
    scoped: false,
    run: (c) => c.request("GET", "/api/letters/clock-rules"),
  },
  {
    name: "PUT /api/letters/clock-rules",
    // the law-wide time limits: system administrators only
    allowed: [],
    scoped: false,
    run: (c) =>
      c.request("PUT", "/api/letters/clock-rules", {
        key: "petition.answer",
        days: 15,
        count: "working",
        validFrom: "2027-01-01",
        source: "Văn bản mới",
        confidence: "unconfirmed",
      }),
  },
  {
    name: "GET /api/reception/rules",
    allowed: READERS,
    scoped: true,
    run: (c, s) => c.request("GET", `/api/reception/rules?unit=${PROVINCE[s]}`),
  },
  {
    name: "POST /api/reception/rules",
    // a unit's own stricter rule: those who handle its reception
    allowed: ["editor", "inspector"],
    scoped: true,
    run: (c, s) =>
      c.request("POST", "/api/reception/rules", {
        unitCode: PROVINCE[s],
        role: "agency_head",
        days: 1,
        per: "week",
        validFrom: `20${30 + (seq++ % 60)}-01-01`,
        source: "Quy chế tiếp công dân của tỉnh",
        confidence: "confirmed",
      }),
  },
];
/** A letter received by the scope's province People's Committee. */
const letterInput = (x: Ctx, s: Scope, kind = "petition") => ({
  bodyId: x.provinceBody[s],
  kind,
  channel: "post",
  receivedOn: new Date().toISOString().slice(0, 10),
  subject: `Phản ánh ${uniq()}`,
  sender: { name: `Người viết ${uniq()}` },
});
/** A fresh letter of the scope's province, registered by the system admin. */
async function letterIn(x: Ctx, s: Scope, kind = "petition") {
  const r = await sysAdmin.json("POST", "/api/letters", letterInput(x, s, kind));
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return {
    id: r.body.letter.id as number,
    code: r.body.letter.code as string,
    secret: r.body.secret as string,
  };
}
/** A dialogue of the scope's province People's Committee with one commitment due. */
const dialogueInput = (x: Ctx, s: Scope) => ({
  bodyId: x.provinceBody[s],
  heldOn: "2026-03-12",
  kind: "dialogue",
  chairedBy: "Chủ tịch UBND tỉnh",
  participants: 120,
  commitments: [{ content: `Trả lời kiến nghị ${uniq()}`, dueOn: "2026-12-31" }],
});
/** A fresh commitment of the scope's province, recorded by the system admin. */
async function commitmentIn(x: Ctx, s: Scope): Promise<{ id: number; version: number }> {
  const r = await sysAdmin.json("POST", "/api/reception/dialogues", dialogueInput(x, s));
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.commitments[0];
}
let termYear = 0;
// a province has one scheme a year: each case takes the next of its province (about 45 each), from the first
// year its communes stood in (the 2025 reform)
const schemeYear: Record<Scope, number> = { in: 2025, out: 2025 };
const shiftDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
/** A scheme of the scope's province for a year of its own (a province has one scheme a year). */
const schemeInput = (s: Scope) => ({
  provinceCode: PROVINCE[s],
  year: schemeYear[s]++,
  exampleKey: "bac-kan-2017",
  selfFrom: shiftDays(-10),
  selfUntil: shiftDays(10),
});
/** A fresh scheme (by the system admin) and the evaluation of the scope's commune under it. */
async function freshScheme(s: Scope): Promise<{ scheme: number; evaluation: number }> {
  const created = await sysAdmin.json("POST", "/api/evaluation-schemes", schemeInput(s));
  const detail = await sysAdmin.json("GET", `/api/evaluation-schemes/${created.body.id}`);
  const e = detail.body.evaluations.find((x: { unitCode: string }) => x.unitCode === COMMUNE[s]);
  return { scheme: created.body.id, evaluation: e.id };
}
/** An evidence file (by the system admin) of the scope's commune under a fresh scheme. */
async function evidenceIn(s: Scope): Promise<number> {
  const r = await sysAdmin.request(
    "POST",
    `/api/evaluations/${(await freshScheme(s)).evaluation}/attachments?filename=a.pdf&item=BK1`,
    PDF_BYTES,
    { "content-type": "application/octet-stream" },
  );
  expect(r.status).toBe(201);
  return ((await r.json()) as { id: number }).id;
}
/** A model of `unit` with a name of its own (a similar name would be refused as a likely duplicate). */
const modelInput = (unit: string, year: number) => ({
  unitCode: unit,
  year,
  name: `Mô hình số ${uniq()} giúp nhau ${uniq()}`,
  fieldCode: "economy",
  kind: "collective",
  details: {},
  startedOn: `${year}-01-01`,
});
const PDF_BYTES = new Uint8Array(pdfFile());
const PNG_BYTES = new Uint8Array(pngImage());
const registryInput = (s: Scope) => ({
  unitCode: PROVINCE[s],
  direction: "incoming",
  numberSymbol: "01-NQ/TU",
  issuerName: "Tỉnh ủy",
  issuedOn: "2026-01-05",
  excerpt: "Nghị quyết về công tác dân vận",
});

let t: Awaited<ReturnType<typeof createTestApp>>;
let sysAdmin: TestClient;
const clients = {} as Record<Role, TestClient>;
const ctx: Ctx = {
  role: "anonymous",
  hamlet: { in: { code: "" }, out: { code: "" } },
  body: { in: 0, out: 0 },
  partyBody: { in: 0, out: 0 },
  provinceBody: { in: 0, out: 0 },
  registry: { in: { doc: 0, attachment: 0 }, out: { doc: 0, attachment: 0 } },
  plan: { in: { id: 0, task: 0 }, out: { id: 0, task: 0 } },
  model: { in: 0, out: 0 },
  user: { in: 0, out: 0 },
  formId: 0,
  request: { in: 0, out: 0 },
  pool: { in: [], out: [] },
  answer: { in: { sub: 0, body: 0 }, out: { sub: 0, body: 0 } },
};

beforeAll(async () => {
  // every role sends an online petition from the one in-process address
  t = await createTestApp({ onlinePerHour: 1000 });
  sysAdmin = await t.login("admin");
  for (const role of ROLES) {
    await createUserFromCli(t.db, {
      username: `m.${role}`,
      displayName: role,
      password: "password123",
      grants: [{ role, unitCode: role === "system_admin" ? null : "82" }],
    });
    clients[role] = await t.login(`m.${role}`, "password123");
  }
  ctx.formId = (await sysAdmin.json("GET", "/api/forms")).body.items[0].id;
  for (const s of ["in", "out"] as Scope[]) {
    // a period already past its deadline would need late reasons: use an ad-hoc one ending next year
    const r = await sysAdmin.json("POST", "/api/requests", {
      issuerUnitCode: PROVINCE[s],
      formId: ctx.formId,
      period: { start: "2026-01-01", end: "2027-12-31" },
      targetLevel: "commune",
      deadline: "2028-01-10",
    });
    ctx.request[s] = r.body.id;
    const bodies = await sysAdmin.json("GET", `/api/units/${PROVINCE[s]}/bodies`);
    ctx.provinceBody[s] = bodies.body.items.find((b: { kind: string }) => b.kind === "people_committee").id;
    const doc = await sysAdmin.json("POST", "/api/registry", registryInput(s));
    const att = await sysAdmin.request(
      "POST",
      `/api/registry/${doc.body.id}/attachments?filename=a.pdf`,
      PDF_BYTES,
      {
        "content-type": "application/octet-stream",
      },
    );
    ctx.registry[s] = { doc: doc.body.id, attachment: ((await att.json()) as { id: number }).id };
    const plan = await sysAdmin.json("POST", "/api/plans", { unitCode: PROVINCE[s], title: "Kế hoạch" });
    const withTask = await sysAdmin.json("POST", `/api/plans/${plan.body.id}/tasks`, {
      title: "Nhiệm vụ",
      assigneeUnitCode: PROVINCE[s],
      dueOn: "2099-01-01",
    });
    await sysAdmin.json("PUT", `/api/plans/${plan.body.id}/public`, { public: true });
    ctx.plan[s] = { id: plan.body.id, task: withTask.body.tasks[0].id };
    ctx.model[s] = (await sysAdmin.json("POST", "/api/models", modelInput(COMMUNE[s], 2025))).body.id;
    const d = await sysAdmin.json("GET", `/api/requests/${r.body.id}`);
    const targets = d.body.targets as { id: number; unitCode: string }[];
    ctx.pool[s] = targets.filter((x) => x.unitCode !== COMMUNE[s]).map((x) => x.id);
    const answering = await sysAdmin.json("POST", `/api/units/${COMMUNE[s]}/bodies`, {
      kind: "women_union",
      name: `Hội Phụ nữ ${uniq()}`,
      shortName: "HPN",
    });
    ctx.answer[s] = {
      sub: targets.find((x) => x.unitCode === COMMUNE[s])?.id as number,
      body: answering.body.id,
    };
  }
});

/** Targets for one case, created by the system admin. */
async function freshTargets() {
  for (const s of ["in", "out"] as Scope[]) {
    const h = await sysAdmin.json("POST", `/api/units/${COMMUNE[s]}/hamlets`, {
      name: `Tổ ${uniq()}`,
      type: "tổ dân phố",
    });
    ctx.hamlet[s] = { code: h.body.code }; // a new hamlet each time: closing one uses it up
    if (ctx.user[s] !== 0) continue; // bodies and users are reused (writes read their current version)
    const b = await sysAdmin.json("POST", `/api/units/${UNIT[s]}/bodies`, {
      kind: "youth_union",
      name: `Đoàn ${uniq()}`,
      shortName: "ĐTN",
    });
    ctx.body[s] = b.body.id;
    const p = await sysAdmin.json("POST", `/api/units/${UNIT[s]}/bodies`, {
      kind: "party_committee",
      name: `Đảng ủy ${uniq()}`,
      shortName: "ĐU",
    });
    ctx.partyBody[s] = p.body.id;
    const u = await sysAdmin.json("POST", "/api/users", {
      username: `t${uniq()}`,
      displayName: "Đích",
      password: "password123",
      grants: [{ role: "viewer", unitCode: UNIT[s] }],
    });
    ctx.user[s] = u.body.id;
  }
}

/**
 * Writes that keep nothing, so leave no entry in the audit log. Every other write route, allowed and
 * answered 2xx, must leave at least one entry by its caller, with its unit and what it changed.
 */
const KEEPS_NOTHING: Record<string, string> = {
  "POST /api/auth/logout": "ends the caller's own session",
  "POST /api/requests/preview": "shows who a request would ask, and stores nothing",
  "POST /api/export/xlsx": "builds a workbook from the table it is sent, and stores nothing",
  "POST /api/requests/{id}/document": "a draft (no number taken) is a file built and sent, nothing stored",
  "POST /api/submissions/{id}/document": "a draft (no number taken) is a file built and sent, nothing stored",
  "POST /api/drafts/{id}/document": "a preview (no number taken) is a file built and sent, nothing stored",
  "POST /api/letters/{id}/events/{eventId}/document":
    "a draft (no number taken) is a file built and sent, nothing stored",
  // the authorization cases of the imports are dry runs (their audit is tested with the imports)
  "POST /api/requests/{id}/dataValueSets": "a dry run here",
  "POST /api/requests/{id}/dataValueSets.csv": "a dry run here",
  "POST /api/requests/{id}/excel": "a dry run here",
  "POST /api/models/excel": "the template sent back unchanged here: nothing new to register",
};

async function lastAuditId(): Promise<number> {
  const r = await sql<{ id: string | null }>`select max(id)::text as id from audit_log`.execute(t.db);
  return Number(r.rows[0]?.id ?? 0);
}

async function auditSince(id: number) {
  return (
    await sql<{
      actor_name: string | null;
      unit_code: string | null;
      scope_codes: string[];
      before: unknown;
      after: unknown;
      action: string;
    }>`
      select actor_name, unit_code, scope_codes, before, after, action from audit_log
      where id > ${id} order by id`.execute(t.db)
  ).rows;
}

/** Routes tested on their own instead: logging in, and changing one's own password (it would log the matrix's users out). */
const OWN_TESTS = ["POST /api/auth/login", "POST /api/auth/password"];

describe("the matrix covers the API", () => {
  it("has a case for every route in the OpenAPI document", async () => {
    const doc = (await t.anonymous.json("GET", "/api/openapi.json")).body as {
      paths: Record<string, object>;
    };
    const routes = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    const covered = new Set([...ROUTES.map((r) => r.name), ...OWN_TESTS]);
    expect(routes.filter((r) => !covered.has(r))).toEqual([]);
  });
});

describe("authorization matrix", () => {
  for (const route of ROUTES) {
    for (const role of [...ROLES, "anonymous" as const]) {
      for (const scope of route.scoped ? (["in", "out"] as Scope[]) : (["in"] as Scope[])) {
        const expected =
          route.allowed === "public" ||
          (role !== "anonymous" &&
            (route.allowed === "authenticated" ||
              (role === "system_admin" && !route.adminDenied) ||
              (route.allowed.includes(role) && (scope === "in" || !route.scoped))));
        it(`${route.name} as ${role} (${scope} scope) → ${expected ? "allowed" : "denied"}`, async () => {
          await freshTargets();
          const c = role === "anonymous" ? t.anonymous : clients[role];
          ctx.role = role;
          const before = await lastAuditId();
          const res = await route.run(c, scope, ctx);
          if (expected) {
            expect(res.status, await res.clone().text()).toBeLessThan(300);
            if (!route.name.startsWith("GET ") && !(route.name in KEEPS_NOTHING) && role !== "anonymous") {
              // every change is in the audit log: who did it, on which unit, and what it was or became
              // (a case may first prepare its target as the system administrator "admin": not this caller)
              const entries = (await auditSince(before)).filter((e) => e.actor_name === `m.${role}`);
              expect(entries.length, `${route.name} left no audit entry`).toBeGreaterThan(0);
              for (const e of entries) {
                // a unit's record names its unit and the units above; a national one (the catalogue, the
                // calendar, the forms) has none and is read by system administrators only
                expect(e.unit_code === null || e.scope_codes.length > 0, e.action).toBe(true);
                expect(e.before !== null || e.after !== null, e.action).toBe(true);
              }
            }
          } else {
            expect([401, 403, 404]).toContain(res.status);
            if (role === "anonymous") expect(res.status).toBe(401);
          }
        });
      }
    }
  }
});
