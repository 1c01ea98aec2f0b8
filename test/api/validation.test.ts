/**
 * What a report cannot say: counts past an indicator's sane bound, breakdowns that do not add up, the rules
 * shipped with the built-in forms; and a release's improved shipped forms reaching older databases.
 */
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuiltInForms } from "../../src/features/forms/forms.service.ts";
import { createTestApp, type TestClient } from "../helpers.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
let commune: TestClient;
let province: TestClient;
let admin: TestClient;
let sub: { id: number; version: number };

beforeAll(async () => {
  t = await createTestApp();
  commune = await t.login("xa.thapmuoi");
  province = await t.login("dongthap");
  admin = await t.login("admin");
  const forms = await province.json("GET", "/api/forms");
  const formId = forms.body.items.find((f: { code: string }) => f.code === "dvcq-thap-muoi").id;
  const r = await province.json("POST", "/api/requests", {
    issuerUnitCode: "82",
    formId,
    period: { start: "2026-11-01", end: "2027-01-31" },
    targetLevel: "commune",
    deadline: "2027-02-10",
  });
  expect(r.status).toBe(201);
  const inbox = await commune.json("GET", "/api/inbox");
  const item = inbox.body.items.find((i: { requestId: number }) => i.requestId === r.body.id);
  sub = { id: item.id, version: item.version };
});

async function save(values: Record<string, Record<string, string>>) {
  const r = await commune.json("PUT", `/api/submissions/${sub.id}`, { version: sub.version, values });
  if (r.status === 200) sub.version = r.body.submission.version;
  return r;
}

describe("sane bounds per indicator", () => {
  it("refuses a count past its indicator's bound where it is typed, saying the bound, and stores nothing", async () => {
    const r = await save({ DVK_MODELS_TOTAL: { "": "20110000000000000000000" } });
    expect(r.status).toBe(400);
    expect(r.body.error.details).toEqual([
      expect.objectContaining({
        field: "values.DVK_MODELS_TOTAL.total",
        messageVi: expect.stringContaining("tối đa 1.000.000"),
        messageEn: expect.stringContaining("at most 1,000,000"),
      }),
    ]);
    const funds = await save({ FUNDS_MOBILISED: { "": "99999999999999999999" } });
    expect(funds.status).toBe(400);
    const stored = await commune.json("GET", `/api/submissions/${sub.id}`);
    expect(stored.body.submission.values).toEqual({});
    // the catalogue says each bound, and a system admin can change it
    const cat = await admin.json("GET", "/api/indicators");
    const models = cat.body.items.find((i: { code: string }) => i.code === "DVK_MODELS_TOTAL");
    expect(models.maxValue).toBe("1000000");
    const { code: _c, builtIn: _b, ...rest } = models;
    const changed = await admin.json("PUT", "/api/indicators/DVK_MODELS_TOTAL", {
      ...rest,
      maxValue: "5000",
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect((await save({ DVK_MODELS_TOTAL: { "": "5001" } })).status).toBe(400);
    const back = await admin.json("PUT", "/api/indicators/DVK_MODELS_TOTAL", {
      ...rest,
      version: changed.body.version,
      maxValue: "1000000",
    });
    expect(back.status).toBe(200);
    expect((await save({ DVK_MODELS_TOTAL: { "": "5001" } })).status).toBe(200);
  });
});

describe("breakdowns and the shipped rules", () => {
  it("flags parts that exceed the total while typing, and refuses to submit them", async () => {
    const r = await save({
      DVK_MODELS_TOTAL: { "": "10", "field=kinh tế": "12" },
      DVK_MODELS_NEW: { "": "6" },
      DVK_MODELS_KEPT: { "": "4" },
    });
    expect(r.status).toBe(200);
    expect(r.body.checks.breakdowns).toEqual([
      expect.objectContaining({
        indicator: "DVK_MODELS_TOTAL",
        category: "field",
        sum: "12",
        total: "10",
        messageVi: "Tổng số mô hình “Dân vận khéo”: các số theo lĩnh vực (12) lớn hơn tổng số 10",
      }),
    ]);
    const sent = await commune.json("POST", `/api/submissions/${sub.id}/submit`, { version: sub.version });
    expect(sent.status).toBe(400);
    expect(sent.body.error.code).toBe("validation_rules_failed");
  });

  it("warns of fewer attendees than sessions, and of more letters resolved than received, but lets it go", async () => {
    const r = await save({
      DVK_MODELS_TOTAL: { "": "10", "field=kinh tế": "4" },
      DVK_MODELS_NEW: { "": "6" },
      DVK_MODELS_KEPT: { "": "4" },
      DISSEMINATION_SESSIONS: { "": "12" },
      DISSEMINATION_ATTENDEES: { "": "5" },
      LETTERS_RECEIVED: { "": "3" },
      LETTERS_RESOLVED: { "": "4" },
    });
    expect(r.status).toBe(200);
    expect(r.body.checks.breakdowns).toEqual([]);
    const warnings = r.body.checks.violations.filter((v: { severity: string }) => v.severity === "warning");
    expect(warnings.map((w: { messageVi: string }) => w.messageVi)).toEqual(
      expect.arrayContaining([
        expect.stringContaining("Số lượt người tham dự ít hơn số buổi tuyên truyền"),
        expect.stringContaining("đơn thư giải quyết lớn hơn số tiếp nhận"),
      ]),
    );
    const sent = await commune.json("POST", `/api/submissions/${sub.id}/submit`, { version: sub.version });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  });
});

describe("shipped forms across releases", () => {
  it("adds a shipped form's new revision as the next version of a database that has an older one, once", async () => {
    const rows = async () =>
      (
        await sql<{ version: number; built_in_revision: number | null; rules: unknown[] }>`
          select version, built_in_revision, rules from report_form where code = 'dvcq-thap-muoi'
          order by version`.execute(t.db)
      ).rows;
    const now = await rows();
    expect(now.at(-1)?.built_in_revision).toBe(2);
    // a database of the earlier release: its shipped form is revision 1, with the rules of the time
    await sql`update report_form set built_in_revision = 1, rules = rules - 3
      where code = 'dvcq-thap-muoi'`.execute(t.db);
    expect(await ensureBuiltInForms(t.db)).toBe(1);
    const after = await rows();
    expect(after).toHaveLength(now.length + 1);
    expect(after.at(-1)).toMatchObject({ version: (now.at(-1)?.version ?? 0) + 1, built_in_revision: 2 });
    expect(after.at(-1)?.rules).toHaveLength(4);
    expect(await ensureBuiltInForms(t.db)).toBe(0);
    // new requests take the latest version; the earlier ones keep theirs
    const list = await province.json("GET", "/api/forms");
    const latest = list.body.items.find((f: { code: string }) => f.code === "dvcq-thap-muoi");
    expect(latest.version).toBe(after.at(-1)?.version);
  });
});
