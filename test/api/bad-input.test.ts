/** Bad input on every write route: a 4xx in both languages, never a 5xx, and nothing stored. */
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestClient } from "../helpers.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
let admin: TestClient;
let bodyId: number;
let userId: number;
let formId: number;
let subId: number;
let reqId: number;
let modelId: number;
let schemeId: number;
let evaluationId: number;

async function fingerprint(): Promise<string> {
  const r = await sql<{ f: string }>`
    select concat_ws('|',
      (select count(*) from unit), (select max(version) from unit where level = 'hamlet'),
      (select count(*) from body), (select sum(version) from body),
      (select count(*) from app_user), (select sum(version) from app_user),
      (select count(*) from user_grant), (select count(*) from audit_log),
      (select count(*) from report_form), (select count(*) from report_request),
      (select sum(version) from submission), (select count(*) from submission_revision),
      (select count(*) from rollup_value), (select count(*) from document_number),
      (select count(*) from number_sequence), (select count(*) from party_term),
      (select count(*) from document_number where status = 'cancelled'), (select count(*) from registry_document),
      (select count(*) from registry_relation), (select count(*) from registry_attachment),
      (select count(*) from dvk_model), (select coalesce(sum(version), 0) from dvk_model_year),
      (select count(*) from dvk_model_year), (select count(*) from dvk_model_step),
      (select count(*) from dvk_model_attachment), (select sum(version) from dvk_model),
      (select count(*) from evaluation_attachment),
      (select count(*) from model_criteria_set), (select string_agg(criteria::text, ',') from model_criteria_set),
      (select count(*) from evaluation_scheme), (select coalesce(sum(version), 0) from evaluation_scheme),
      (select count(*) from evaluation), (select coalesce(sum(version), 0) from evaluation)) as f`.execute(
    t.db,
  );
  return r.rows[0]?.f ?? "";
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login("admin");
  bodyId = (await admin.json("GET", "/api/units/30037/bodies")).body.items[0].id;
  userId = (await admin.json("GET", "/api/users")).body.items.find(
    (u: { username: string }) => u.username === "dongthap",
  ).id;
  formId = (await admin.json("GET", "/api/forms")).body.items.find((f: { levels: string[] }) =>
    f.levels.includes("commune"),
  ).id;
  const req = await admin.json("POST", "/api/requests", {
    issuerUnitCode: "82",
    formId,
    period: { code: "2026" },
    targetLevel: "commune",
  });
  reqId = req.body.id;
  subId = (await admin.json("GET", `/api/requests/${req.body.id}`)).body.targets[0].id;
  modelId = (await admin.json("POST", "/api/models", model())).body.id;
  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  schemeId = (
    await admin.json("POST", "/api/evaluation-schemes", {
      provinceCode: "82",
      year: 2026,
      exampleKey: "bac-kan-2017",
      selfFrom: day(-10),
      selfUntil: day(10),
    })
  ).body.id;
  evaluationId = (await admin.json("GET", `/api/evaluation-schemes/${schemeId}`)).body.evaluations.find(
    (e: { unitCode: string }) => e.unitCode === "30037",
  ).id;
});

const huge = "x".repeat(300);
const CASES: [string, string, () => unknown][] = [
  ["POST", "/api/units/30037/hamlets", () => ({ name: "Ấp X", type: "ấp", validFrom: "2025-13-40" })],
  ["POST", "/api/units/30037/hamlets", () => ({ name: huge, type: "ấp" })],
  ["POST", "/api/units/30037/hamlets", () => ({ name: 12, type: "ấp" })],
  ["POST", "/api/units/30037/hamlets", () => ({ name: "Ấp X", type: "ấp", validFrom: "2020-01-01" })],
  ["POST", "/api/units/99999/hamlets", () => ({ name: "Ấp X", type: "ấp" })],
  ["POST", "/api/units/30037-001/hamlets", () => ({ name: "Ấp X", type: "ấp" })],
  ["PATCH", "/api/units/30037-001", () => ({ name: "Ấp Y" })],
  ["PATCH", "/api/units/30037-001", () => ({ version: 0, name: "Ấp Y" })],
  ["PATCH", "/api/units/30037-001", () => ({ version: 99, name: "Ấp Y" })],
  ["PATCH", "/api/units/30037", () => ({ version: 1, name: "Xã Khác" })],
  ["POST", "/api/units/30037-001/close", () => ({ version: 1, validTo: "2025-02-30" })],
  ["POST", "/api/units/30037/bodies", () => ({ kind: "ministry", name: "Bộ" })],
  // before 01/07/2025 the code 30037 was Thị trấn Mỹ An, another unit
  ["POST", "/api/units/30037/bodies", () => ({ kind: "police", name: "Công an", validFrom: "2024-01-01" })],
  ["POST", "/api/units/30037/bodies", () => ({ kind: "police", name: "" })],
  ["POST", "/api/units/30037/bodies", () => ({ kind: "police", name: "Công an", parentBodyId: 999999 })],
  ["PATCH", `/api/bodies/abc`, () => ({ version: 1, name: "X" })],
  ["PATCH", `/api/bodies/99999999999`, () => ({ version: 1, name: "X" })],
  ["PATCH", "/api/bodies/{body}", () => ({ version: 1, validTo: "2000-01-01" })],
  ["POST", "/api/users", () => ({ username: "a", displayName: "A", password: "password123" })],
  ["POST", "/api/users", () => ({ username: "new.user", displayName: "A", password: "short" })],
  ["POST", "/api/users", () => ({ username: "dongthap", displayName: "A", password: "password123" })],
  [
    "POST",
    "/api/users",
    () => ({
      username: "new.user",
      displayName: "A",
      password: "password123",
      grants: [{ role: "editor", unitCode: "99999" }],
    }),
  ],
  [
    "POST",
    "/api/users",
    () => ({
      username: "new.user",
      displayName: "A",
      password: "password123",
      grants: [{ role: "king", unitCode: "82" }],
    }),
  ],
  [
    "POST",
    "/api/users",
    () => ({ username: "new.user", displayName: "A", password: "password123", grants: [{ role: "editor" }] }),
  ],
  ["PATCH", "/api/users/{user}", () => ({ version: 999, displayName: "X" })],
  ["POST", "/api/users/{user}/grants", () => ({ role: "system_admin", unitCode: "82" })],
  ["DELETE", "/api/users/{user}/grants/999999", () => undefined],
  ["POST", "/api/auth/login", () => ({ username: "" })],
  ["POST", "/api/auth/password", () => ({ currentPassword: "wrong", newPassword: "password12345" })],
  // {body} is the commune's Party committee (ĐU), whose term starts on 01/07/2025
  ["POST", "/api/bodies/{body}/document-numbers", () => ({ typeCode: "XYZ", title: "Báo cáo" })],
  ["POST", "/api/bodies/{body}/document-numbers", () => ({ typeCode: "BC", title: "" })],
  ["POST", "/api/bodies/{body}/document-numbers", () => ({ typeCode: null, title: "Công văn" })],
  [
    "POST",
    "/api/bodies/{body}/document-numbers",
    () => ({ typeCode: "KH", title: "KH", issuedOn: "2019-01-01" }),
  ],
  [
    "POST",
    "/api/bodies/{body}/document-numbers",
    () => ({ typeCode: "KH", title: "KH", issuedOn: "2025-02-30" }),
  ],
  [
    "POST",
    "/api/bodies/{body}/document-numbers",
    () => ({ typeCode: "KH", title: "KH", draftingUnit: "n v" }),
  ],
  ["POST", "/api/bodies/99999999/document-numbers", () => ({ typeCode: "KH", title: "KH" })],
  ["POST", "/api/document-numbers/999999/cancel", () => ({ reason: "Nhầm số" })],
  ["POST", "/api/document-numbers/1/cancel", () => ({ reason: "" })],
  ["POST", "/api/bodies/{body}/terms", () => ({ name: "khóa mới", startsOn: "2026-01-01" })],
  [
    "POST",
    "/api/bodies/{body}/terms",
    () => ({ name: "khóa cũ", startsOn: "2020-01-01", endsOn: "2019-01-01" }),
  ],
  ["POST", "/api/bodies/{body}/terms", () => ({ name: "", startsOn: "2010-01-01" })],
  [
    "POST",
    "/api/requests/{req}/document",
    () => ({
      format: "docx",
      bodyId: 1,
      place: "",
      recipients: [],
      signature: { authority: [], signer: "" },
    }),
  ],
  [
    "POST",
    "/api/requests/{req}/document",
    () => ({
      format: "pdf",
      bodyId: 999999,
      place: "X",
      recipients: [],
      signature: { authority: ["Chủ tịch"], signer: "A" },
    }),
  ],
  [
    "POST",
    "/api/registry",
    () => ({
      unitCode: "82",
      direction: "incoming",
      numberSymbol: "12/BC",
      issuerName: "UBND",
      issuedOn: "2026-01-01",
      excerpt: "Báo cáo",
    }),
  ],
  [
    "POST",
    "/api/registry",
    () => ({
      unitCode: "82",
      direction: "sideways",
      numberSymbol: "",
      issuerName: "UBND",
      issuedOn: "2026-01-01",
      excerpt: "Báo cáo",
    }),
  ],
  [
    "POST",
    "/api/registry",
    () => ({
      unitCode: "99",
      direction: "incoming",
      numberSymbol: "",
      issuerName: "UBND",
      issuedOn: "2026-01-01",
      excerpt: "Báo cáo",
    }),
  ],
  [
    "POST",
    "/api/registry",
    () => ({
      unitCode: "82",
      direction: "incoming",
      numberSymbol: "",
      issuerName: "UBND",
      issuedOn: "2026-02-30",
      excerpt: "Báo cáo",
    }),
  ],
  ["POST", "/api/registry/999999/relations", () => ({ toId: 1, kind: "implements" })],
  ["POST", "/api/registry/999999/attachments?filename=a.pdf", () => "%PDF-1.4"],
  ["POST", "/api/plans", () => ({ unitCode: "82", title: "" })],
  ["POST", "/api/plans", () => ({ unitCode: "82", title: "Kế hoạch", registryDocumentId: 99999999 })],
  ["POST", "/api/plans/99999/tasks", () => ({ title: "x", assigneeUnitCode: "82", dueOn: "2099-01-01" })],
  ["PATCH", "/api/tasks/99999", () => ({ version: 1, status: "done" })],
  ["PATCH", "/api/tasks/99999", () => ({ version: 1, status: "finished" })],
  ["POST", "/api/tasks/99999/milestones", () => ({ title: "x", dueOn: "2099-02-30" })],
  ["PUT", "/api/plans/99999/public", () => ({ public: "yes" })],
  ["POST", "/api/units/30037/hamlets", () => "[1,2,"],
  ["POST", "/api/units/30037/hamlets", () => "null"],
  ["POST", "/api/forms", () => ({ code: "X", nameVi: "A", nameEn: "A", levels: [], sections: [] })],
  [
    "POST",
    "/api/forms",
    () => ({
      code: "new-form",
      nameVi: "A",
      nameEn: "A",
      levels: ["commune"],
      sections: [{ key: "A", depth: 1, titleVi: "A", titleEn: "A", kind: "narrative" }],
      rules: [
        { left: "NOPE +", operator: "==", right: "1", severity: "error", messageVi: "x", messageEn: "x" },
      ],
    }),
  ],
  [
    "POST",
    "/api/requests",
    () => ({ issuerUnitCode: "82", formId: "{form}", period: { code: "2026S3" }, targetLevel: "commune" }),
  ],
  [
    "POST",
    "/api/requests",
    () => ({ issuerUnitCode: "82", formId: 99999, period: { code: "2026" }, targetLevel: "commune" }),
  ],
  [
    "POST",
    "/api/requests",
    () => ({ issuerUnitCode: "30037", formId: "{form}", period: { code: "2026" }, targetLevel: "province" }),
  ],
  [
    "POST",
    "/api/requests",
    () => ({
      issuerUnitCode: "82",
      formId: "{form}",
      period: { code: "2026" },
      targetLevel: "hamlet",
      targetBodyKind: "no_such_kind",
    }),
  ],
  [
    "POST",
    "/api/requests",
    () => ({
      issuerUnitCode: "82",
      formId: "{form}",
      period: { start: "2026-05-01", end: "2026-04-01" },
      targetLevel: "commune",
    }),
  ],
  [
    "POST",
    "/api/requests",
    () => ({
      issuerUnitCode: "82",
      formId: "{form}",
      period: { code: "2026" },
      targetLevel: "commune",
      deadline: "2026-02-30",
    }),
  ],
  [
    "POST",
    "/api/requests",
    () => ({
      issuerUnitCode: "82",
      formId: "{form}",
      period: { code: "2026" },
      targetLevel: "commune",
      issuerBodyId: 999999,
    }),
  ],
  ["PUT", "/api/submissions/{sub}", () => ({ version: 1, values: { DVK_MODELS_TOTAL: { "": "-4" } } })],
  ["PUT", "/api/submissions/{sub}", () => ({ version: 1, values: { DVK_MODELS_TOTAL: "12" } })],
  ["PUT", "/api/submissions/{sub}", () => ({ version: 1, values: { DVK_MODELS_TOTAL: { "": 12 } } })],
  ["PUT", "/api/submissions/{sub}", () => ({ version: 1, values: [["DVK_MODELS_TOTAL", "12"]] })],
  [
    "PUT",
    "/api/submissions/{sub}",
    () => ({ version: 1, values: { DVK_MODELS_TOTAL: { "": "1".repeat(2001) } } }),
  ],
  ["PUT", "/api/submissions/{sub}", () => ({ version: 1, values: { ["X".repeat(65)]: { "": "1" } } })],
  ["PUT", "/api/submissions/{sub}", () => ({ version: 7, values: {} })],
  ["PUT", "/api/submissions/999999", () => ({ version: 1, values: {} })],
  [
    "POST",
    "/api/submissions/{sub}/submit",
    () => ({ version: 1, values: { DVK_MODELS_TOTAL: { "": "3" }, DVK_MODELS_NEW: { "": "1" } } }),
  ],
  ["POST", "/api/submissions/{sub}/accept", () => ({ version: 1 })],
  ["POST", "/api/submissions/{sub}/return", () => ({ version: 1, comment: "x" })],
  ["POST", "/api/submissions/{sub}/unlock", () => ({ version: 1, comment: "x" })],
  ["POST", "/api/requests/{req}/dataValueSets", () => ({ dataValues: "x" })],
  [
    "POST",
    "/api/requests/{req}/dataValueSets",
    () => ({ dataValues: [{ dataElement: "A", period: "2026" }] }),
  ],
  ["POST", "/api/requests/999999/dataValueSets", () => ({ dataValues: [] })],
  ["POST", "/api/models", () => model({ name: "x" })],
  ["POST", "/api/models", () => model({ fieldCode: "nong_thon_moi" })],
  ["POST", "/api/models", () => model({ kind: "gia đình" })],
  ["POST", "/api/models", () => model({ startedOn: "2025-02-30" })],
  ["POST", "/api/models", () => model({ year: 1999 })],
  ["POST", "/api/models", () => model({ details: { milestones: [{ date: "30/06/2025", text: "Sơ kết" }] } })],
  ["POST", "/api/models", () => model({ name: "TỔ TỰ QUẢN ĐƯỜNG HOA" })],
  ["POST", "/api/models/carry-over", () => ({ unitCode: "30037", year: 2026, modelIds: [999999] })],
  ["POST", "/api/models/carry-over", () => ({ unitCode: "30037", year: 2026, modelIds: [] })],
  ["POST", "/api/models/carry-over", () => ({ unitCode: "30037", year: 2025, modelIds: ["{model}"] })],
  ["POST", "/api/models/{model}/years/2025/steps", () => ({ to: "recognised", version: 1 })],
  ["POST", "/api/models/{model}/years/2025/steps", () => ({ to: "implementing", version: 9 })],
  ["POST", "/api/models/{model}/years/2025/steps", () => ({ to: "registered", version: 1 })],
  ["POST", "/api/models/{model}/years/2030/steps", () => ({ to: "implementing", version: 1 })],
  ["POST", "/api/models/999999/years/2025/steps", () => ({ to: "implementing", version: 1 })],
  ["POST", "/api/models/excel?unit=30037&year=2025", () => ({ not: "an Excel file" })],
  ["PUT", "/api/model-criteria", () => ({ unit: "82", kind: "collective", criteria: [], minimumMet: 0 })],
  [
    "PUT",
    "/api/model-criteria",
    () => ({
      unit: "82",
      kind: "collective",
      criteria: [
        { code: "A", textVi: "A", required: true },
        { code: "A", textVi: "B", required: false },
      ],
      minimumMet: 1,
    }),
  ],
  [
    "PUT",
    "/api/model-criteria",
    () => ({
      unit: "30037",
      kind: "collective",
      criteria: [{ code: "A", textVi: "A", required: true }],
      minimumMet: 1,
    }),
  ],
  ["PATCH", "/api/models/{model}", () => ({ version: 9, name: "Tổ tự quản khác" })],
  ["PATCH", "/api/models/{model}", () => ({ version: 1, evaluationOn: "2024-01-01" })],
  ["PATCH", "/api/models/{model}", () => ({ version: 1, fieldCode: "nong_thon_moi" })],
  ["PATCH", "/api/models/{model}", () => ({ version: 1, status: "stopped" })],
  ["PATCH", "/api/models/{model}", () => ({ version: 1, status: "stopped", stopReason: huge.repeat(4) })],
  ["PATCH", "/api/models/{model}", () => ({ version: 1, name: "Tổ\u0000" })],
  ["PATCH", "/api/models/999999", () => ({ version: 1, name: "Tổ tự quản khác" })],
  ["PUT", "/api/models/{model}/public", () => ({ version: 1, public: true })],
  ["PUT", "/api/models/{model}/public", () => ({ version: 9, public: false })],
  ["POST", "/api/models/{model}/attachments?filename=a.exe", () => ({ not: "a file we take" })],
  ["POST", "/api/models/excel?unit=30037&year=1999", () => ({ not: "an Excel file" })],
  ["POST", "/api/evaluation-schemes", () => scheme({ enrols: "district" })],
  ["POST", "/api/evaluation-schemes", () => scheme({ enrols: "hamlet" })],
  ["POST", "/api/evaluations/{evaluation}/attachments?filename=a.exe&item=BK1", () => ({ not: "a file" })],
  ["POST", "/api/evaluations/{evaluation}/attachments?filename=a.pdf", () => ({ not: "a file" })],
  ["POST", "/api/evaluations/{evaluation}/attachments?filename=a.pdf&item=BK9", () => ({ not: "a file" })],
  ["DELETE", "/api/evaluations/attachments/999999", () => ({})],
  ["DELETE", "/api/evaluations/attachments/abc", () => ({})],
  ["PATCH", "/api/evaluation-schemes/{scheme}", () => ({ version: 9, name: "Đánh giá" })],
  ["PATCH", "/api/evaluation-schemes/{scheme}", () => ({ version: 1, selfUntil: "2000-01-01" })],
  ["PATCH", "/api/evaluation-schemes/{scheme}", () => ({ version: 1, scheme: { items: [], bands: [] } })],
  ["PATCH", "/api/evaluation-schemes/999999", () => ({ version: 1, name: "Đánh giá" })],
  ["POST", "/api/evaluation-schemes", () => scheme({ exampleKey: "ha-noi-2030" })],
  ["POST", "/api/evaluation-schemes", () => scheme({ selfUntil: "2027-10-01" })],
  ["POST", "/api/evaluation-schemes", () => scheme({ year: 1999 })],
  ["POST", "/api/evaluation-schemes", () => scheme({ provinceCode: "30037" })],
  ["POST", "/api/evaluation-schemes", () => scheme({ year: 2026 })],
  [
    "POST",
    "/api/evaluation-schemes",
    () =>
      scheme({
        exampleKey: undefined,
        scheme: {
          items: [
            {
              code: "A",
              titleVi: "A",
              kind: "criterion",
              maxPoints: "-5",
              scoredBy: "unit",
              evidenceRequired: false,
            },
          ],
          bands: [{ code: "HT", nameVi: "Hoàn thành", min: "50" }],
        },
      }),
  ],
  [
    "PUT",
    "/api/evaluations/{evaluation}/self",
    () => ({ version: 1, scores: { BK8: { points: "6", evidence: "x" } } }),
  ],
  ["PUT", "/api/evaluations/{evaluation}/self", () => ({ version: 1, scores: { BK1: { points: "15" } } })],
  ["PUT", "/api/evaluations/{evaluation}/self", () => ({ version: 1, scores: { XX: { points: "1" } } })],
  ["PUT", "/api/evaluations/{evaluation}/self", () => ({ version: 9, scores: {} })],
  ["PUT", "/api/evaluations/{evaluation}/self", () => ({ version: 1, scores: {}, submit: true })],
  ["PUT", "/api/evaluations/{evaluation}/appraisal", () => ({ version: 1, scores: {} })],
  ["PUT", "/api/evaluations/{evaluation}/appraisal", () => ({ version: 1, scores: {}, ranked: false })],
  ["POST", "/api/evaluation-schemes/{scheme}/publish", () => ({ version: 1 })],
  ["POST", "/api/evaluation-schemes/{scheme}/publish", () => ({ version: 7, notRankUnappraised: true })],
];
/** A 2027 scheme of province 82 from the Bắc Kạn example. */
function scheme(extra: Record<string, unknown> = {}) {
  return {
    provinceCode: "82",
    year: 2027,
    exampleKey: "bac-kan-2017",
    selfFrom: "2027-11-01",
    selfUntil: "2027-11-30",
    ...extra,
  };
}
/** A model of commune 30037 registered for 2025. */
function model(extra: Record<string, unknown> = {}) {
  return {
    unitCode: "30037",
    year: 2025,
    name: "Tổ tự quản đường hoa",
    fieldCode: "culture_society",
    kind: "collective",
    details: {},
    startedOn: "2025-02-01",
    ...extra,
  };
}

describe("bad input", () => {
  it.each(CASES.map(([m, p, b], i) => [i, m, p, b] as const))(
    "#%i %s %s → 4xx, nothing stored",
    async (_i, method, path, body) => {
      const before = await fingerprint();
      const url = path
        .replace("{body}", String(bodyId))
        .replace("{user}", String(userId))
        .replace("{sub}", String(subId))
        .replace("{req}", String(reqId))
        .replace("{model}", String(modelId))
        .replace("{scheme}", String(schemeId))
        .replace("{evaluation}", String(evaluationId));
      const raw = body();
      // a model id inside a body ("{model}") is the one registered above
      const text = JSON.stringify(raw ?? null);
      const b = text.includes('"{model}"') ? JSON.parse(text.replace('"{model}"', String(modelId))) : raw;
      const res = await admin.request(
        method,
        url,
        typeof b === "object" && b !== null && "formId" in b && b.formId === "{form}" ? { ...b, formId } : b,
      );
      expect(res.status, await res.clone().text()).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      const j = (await res.json()) as { error: { code: string; message_vi: string; message_en: string } };
      expect(j.error.message_vi).toBeTruthy();
      expect(j.error.message_en).toBeTruthy();
      expect(await fingerprint()).toBe(before);
    },
  );
});

describe("a grant scoped to one body", () => {
  it("lets its holder change that body only", async () => {
    const bodies = (await admin.json("GET", "/api/units/30037/bodies")).body.items as {
      id: number;
      kind: string;
      version: number;
    }[];
    const ubnd = bodies.find((b) => b.kind === "people_committee");
    const other = bodies.find((b) => b.kind === "fatherland_front");
    if (!ubnd || !other) throw new Error("demo bodies missing");
    const created = await admin.json("POST", "/api/users", {
      username: "vp.ubnd",
      displayName: "Văn phòng UBND xã",
      password: "password123",
      grants: [{ role: "unit_admin", unitCode: "30037", bodyId: ubnd.id }],
    });
    expect(created.status).toBe(201);
    const c = await t.login("vp.ubnd", "password123");
    expect(
      (await c.json("PATCH", `/api/bodies/${ubnd.id}`, { version: ubnd.version, shortName: "UBND xã" }))
        .status,
    ).toBe(200);
    expect(
      (await c.json("PATCH", `/api/bodies/${other.id}`, { version: other.version, shortName: "MT" })).status,
    ).toBe(404);
    expect((await c.json("GET", "/api/units/30037/bodies")).status).toBe(200);
  });
});
