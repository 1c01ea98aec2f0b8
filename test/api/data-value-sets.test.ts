/** DHIS2-compatible dataValueSets: JSON and CSV, dryRun, the import summary with conflicts, and export. */
import { beforeAll, describe, expect, it } from "vitest";
import { bodyOf, createTestApp, type TestClient } from "../helpers.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
let province: TestClient;
let commune: TestClient;
let requestId: number;
let subId: number;

beforeAll(async () => {
  t = await createTestApp();
  province = await t.login("dongthap");
  commune = await t.login("xa.thapmuoi");
  const formId = (await province.json("GET", "/api/forms")).body.items.find(
    (f: { code: string }) => f.code === "dvcq-thap-muoi",
  ).id;
  const r = await province.json("POST", "/api/requests", {
    issuerUnitCode: "82",
    formId,
    period: { code: "2026" },
    targetLevel: "commune",
  });
  requestId = r.body.id;
  subId = (await province.json("GET", `/api/requests/${requestId}`)).body.targets.find(
    (x: { unitCode: string }) => x.unitCode === "30037",
  ).id;
});

const dv = (dataElement: string, value: string | number, extra: Record<string, string> = {}) => ({
  dataElement,
  period: "2026",
  orgUnit: "30037",
  value,
  ...extra,
});

describe("POST /api/requests/{id}/dataValueSets", () => {
  it("dryRun reports what would happen and stores nothing", async () => {
    const before = (await commune.json("GET", `/api/submissions/${subId}`)).body.submission;
    const r = await commune.json("POST", `/api/requests/${requestId}/dataValueSets?dryRun=true`, {
      dataValues: [dv("DVK_MODELS_TOTAL", 12), dv("DVK_MODELS_NEW", "7")],
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      status: "SUCCESS",
      dryRun: true,
      importCount: { imported: 2, updated: 0, ignored: 0 },
    });
    const after = (await commune.json("GET", `/api/submissions/${subId}`)).body.submission;
    expect(after.version).toBe(before.version);
    expect(after.values).toEqual({});
  });

  it("imports, updates, ignores unchanged values and deletes empty ones", async () => {
    const first = await commune.json("POST", `/api/requests/${requestId}/dataValueSets`, {
      dataValues: [
        dv("DVK_MODELS_TOTAL", 12),
        dv("DVK_MODELS_TOTAL", "5", { categoryOptionCombo: "field=kinh tế" }),
        dv("LETTERS_RECEIVED", "40", { categoryOptionCombo: "default" }),
      ],
    });
    expect(first.body.importCount).toEqual({ imported: 3, updated: 0, ignored: 0, deleted: 0 });
    const second = await commune.json("POST", `/api/requests/${requestId}/dataValueSets`, {
      dataValues: [
        dv("DVK_MODELS_TOTAL", 12),
        dv("LETTERS_RECEIVED", "41"),
        dv("DVK_MODELS_TOTAL", "", { categoryOptionCombo: "field=kinh tế" }),
      ],
    });
    expect(second.body.importCount).toEqual({ imported: 0, updated: 1, ignored: 1, deleted: 1 });
    // 12 models in total but none new or kept: the form's rule is reported, the draft is stored
    expect(second.body.rules).toEqual([
      expect.objectContaining({
        orgUnit: "30037",
        severity: "error",
        messageVi: expect.stringContaining("Tổng số mô hình"),
      }),
    ]);
    const s = (await commune.json("GET", `/api/submissions/${subId}`)).body.submission;
    expect(s.values).toEqual({ DVK_MODELS_TOTAL: { "": "12" }, LETTERS_RECEIVED: { "": "41" } });
    expect(s.status).toBe("draft");
    const revisions = (await commune.json("GET", `/api/submissions/${subId}/revisions`)).body.items;
    expect(revisions[0]).toMatchObject({ event: "save", comment: "dataValueSets (JSON)" });
    // each import that stored something is one entry of the audit log; the dry run is none
    const audit = await (await t.login("admin")).json("GET", "/api/audit?entity=report_request&limit=50");
    const imports = audit.body.items.filter((x: { action: string }) => x.action === "report_values.import");
    expect(imports).toEqual([
      expect.objectContaining({
        entityId: String(requestId),
        after: { source: "dataValueSets (JSON)", units: ["30037"], imported: 0, updated: 1, deleted: 1 },
      }),
      expect.objectContaining({
        after: { source: "dataValueSets (JSON)", units: ["30037"], imported: 3, updated: 0, deleted: 0 },
      }),
    ]);
  });

  it("stores the valid values and lists each conflict with its reason", async () => {
    const r = await commune.json("POST", `/api/requests/${requestId}/dataValueSets`, {
      dataValues: [
        dv("DISSEMINATION_SESSIONS", 9),
        dv("DVK_MODELS_NEW", "7", { period: "2025" }),
        dv("DVK_MODELS_NEW", "7", { orgUnit: "99999" }),
        dv("DVK_MODELS_NEW", "7", { orgUnit: "29944" }), // another commune of Đồng Tháp: not this editor's
        dv("DVK_MODELS_NEW", "1,5"),
        dv("NOT_ON_FORM", "1"),
        dv("DVK_MODELS_NEW", "1", { categoryOptionCombo: "field=thể thao" }),
      ],
    });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe("WARNING");
    expect(r.body.importCount).toEqual({ imported: 1, updated: 0, ignored: 6, deleted: 0 });
    expect(r.body.conflicts.map((c: { value: string }) => c.value)).toEqual([
      "Period must be 2026",
      "Not a target of this request",
      "Not permitted to enter data for this unit",
      '"1,5" is not a number',
      "Data element not on the form",
      "Unknown category option combo",
    ]);
    for (const c of r.body.conflicts) expect(c.valueVi.length).toBeGreaterThan(0);
  });

  it("reads DHIS2 CSV with any column order and quoting", async () => {
    const csv = [
      "orgunit,dataelement,period,value,categoryoptioncombo,comment",
      '30037,DVK_MODELS_KEPT,2026,5,default,"từ tệp, có dấu phẩy"',
      "30037,DVK_MODELS_NEW,2026,7,,",
    ].join("\n");
    const res = await commune.request("POST", `/api/requests/${requestId}/dataValueSets.csv`, csv, {
      "content-type": "text/csv",
    });
    const body = await bodyOf(res);
    expect(res.status).toBe(200);
    expect(body.importCount).toMatchObject({ imported: 2 });
    const bad = await commune.request(
      "POST",
      `/api/requests/${requestId}/dataValueSets.csv`,
      "orgunit,value\n30037,1\n",
      {
        "content-type": "text/csv",
      },
    );
    expect(bad.status).toBe(400);
    const broken = await commune.request(
      "POST",
      `/api/requests/${requestId}/dataValueSets.csv`,
      'dataelement,period,orgunit,value\n"open,2026,30037,1\n',
      {
        "content-type": "text/csv",
      },
    );
    expect(broken.status).toBe(400);
    expect((await bodyOf(broken)).error.message_vi).toBe("Tệp CSV không đọc được");
  });

  it("does not touch a report once sent", async () => {
    const s = (await commune.json("GET", `/api/submissions/${subId}`)).body.submission;
    expect(
      (await commune.json("POST", `/api/submissions/${subId}/submit`, { version: s.version })).status,
    ).toBe(200);
    const r = await commune.json("POST", `/api/requests/${requestId}/dataValueSets`, {
      dataValues: [dv("DVK_MODELS_NEW", "8")],
    });
    expect(r.body.status).toBe("ERROR");
    expect(r.body.conflicts[0].value).toMatch(/locked/);
  });

  it("hides the request from another province", async () => {
    const other = await t.login("thainguyen");
    const r = await other.json("POST", `/api/requests/${requestId}/dataValueSets`, {
      dataValues: [dv("DVK_MODELS_NEW", "8")],
    });
    expect(r.status).toBe(404);
    expect((await other.json("GET", `/api/requests/${requestId}/dataValueSets`)).status).toBe(404);
  });
});

describe("GET /api/requests/{id}/dataValueSets", () => {
  it("exports the sent values as JSON and CSV, with DHIS2's default combo", async () => {
    const j = await province.json("GET", `/api/requests/${requestId}/dataValueSets`);
    expect(j.body.dataSet).toBe("dvcq-thap-muoi");
    const mine = j.body.dataValues.filter((v: { orgUnit: string }) => v.orgUnit === "30037");
    expect(mine).toContainEqual(
      expect.objectContaining({
        dataElement: "DVK_MODELS_TOTAL",
        categoryOptionCombo: "default",
        value: "12",
        period: "2026",
      }),
    );
    const res = await province.request("GET", `/api/requests/${requestId}/dataValueSets.csv`);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const text = await res.text();
    expect(text.split("\n")[0]).toBe(
      "dataelement,period,orgunit,categoryoptioncombo,value,storedby,lastupdated,comment",
    );
    expect(text).toContain("DVK_MODELS_TOTAL,2026,30037,default,12,submitted,");
  });
});
