/**
 * One definition of a total: the figures of a form and a period are the latest accepted report of each unit,
 * whichever request carried it, the same on the dashboard, in every request's consolidation, in the DHIS2
 * export; a second request for the same units is warned of; a unit that reports for the units below it is
 * counted once.
 */
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import * as seriesMigration from "../../src/db/migrations/202612011000-add-series-rollup.ts";
import { createTestApp, type TestClient } from "../helpers.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
let province: TestClient; // dongthap: editor on 82
let approver: TestClient; // duyet.dongthap: approver on 82
let commune: TestClient; // xa.thapmuoi: editor on 30037
let other: TestClient; // thainguyen: editor on 19
let formId: number;
let communes: string[];

beforeAll(async () => {
  t = await createTestApp();
  province = await t.login("dongthap");
  approver = await t.login("duyet.dongthap");
  commune = await t.login("xa.thapmuoi");
  other = await t.login("thainguyen");
  const forms = await province.json("GET", "/api/forms");
  formId = forms.body.items.find((f: { code: string }) => f.code === "dvcq-thap-muoi").id;
});

const input = (period: string, extra: Record<string, unknown> = {}) => ({
  issuerUnitCode: "82",
  formId,
  period: { code: period },
  targetLevel: "commune",
  ...extra,
});

/** Models total = new + kept (the form's error rule). */
const models = (n: number) => ({
  DVK_MODELS_TOTAL: { "": String(n) },
  DVK_MODELS_NEW: { "": String(n - 1) },
  DVK_MODELS_KEPT: { "": "1" },
});

/** Fills, submits and accepts the unit's report of a request; answers its submission id and version. */
async function acceptReport(requestId: number, unit: string, n: number) {
  const detail = await province.json("GET", `/api/requests/${requestId}`);
  const target = detail.body.targets.find((x: { unitCode: string }) => x.unitCode === unit);
  const sent = await province.json("POST", `/api/submissions/${target.id}/submit`, {
    version: target.version,
    values: models(n),
    lateReason: "Bổ sung",
  });
  expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  const ok = await province.json("POST", `/api/submissions/${target.id}/accept`, {
    version: sent.body.submission.version,
  });
  expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  return { id: target.id as number, version: ok.body.submission.version as number };
}

const totalOf = async (period: string, unit?: string) => {
  const r = await province.json(
    "GET",
    `/api/reporting/totals?form=dvcq-thap-muoi&periods=${period}${unit ? `&unit=${unit}` : ""}`,
  );
  expect(r.status).toBe(200);
  return r.body as {
    values: Record<string, Record<string, Record<string, string>>>;
    ownReport: Record<string, string[]>;
  };
};
const consolidated = async (requestId: number, unit?: string) => {
  const c = await province.json(
    "GET",
    `/api/requests/${requestId}/consolidation${unit ? `?unit=${unit}` : ""}`,
  );
  expect(c.status).toBe(200);
  return c.body as {
    indicators: { code: string; accepted: { value: string | null; reporting: number } }[];
    sources: { requestId: number; reports: number; thisRequest: boolean }[];
    children: { code: string }[];
  };
};
const modelsIn = (c: Awaited<ReturnType<typeof consolidated>>) =>
  c.indicators.find((i) => i.code === "DVK_MODELS_TOTAL")?.accepted;

describe("two requests for the same form, period and units", () => {
  let first: number;
  let second: number;
  it("warns before issuing the second one, naming the first, and issues it only when confirmed", async () => {
    const r1 = await province.json(
      "POST",
      "/api/requests",
      input("2026Q1", { referenceNo: "101-CV/BTGDVTU" }),
    );
    expect(r1.status).toBe(201);
    first = r1.body.id;
    const preview = await province.json("POST", "/api/requests/preview", input("2026Q1"));
    expect(preview.status).toBe(200);
    expect(preview.body.targets).toBe(r1.body.expected);
    expect(preview.body.items).toEqual([
      expect.objectContaining({
        id: first,
        referenceNo: "101-CV/BTGDVTU",
        issuerName: "Tỉnh Đồng Tháp",
        shared: r1.body.expected,
        open: true,
      }),
    ]);
    const refused = await province.json("POST", "/api/requests", input("2026Q1"));
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("request_overlaps");
    expect(refused.body.error.message_vi).toContain("báo cáo được tiếp nhận mới nhất");
    expect(refused.body.error.details.overlaps[0].id).toBe(first);
    // another form or period is not an overlap
    expect((await province.json("POST", "/api/requests/preview", input("2026Q2"))).body.items).toEqual([]);
    const r2 = await province.json(
      "POST",
      "/api/requests",
      input("2026Q1", { referenceNo: "145-CV/BTGDVTU", allowOverlap: true }),
    );
    expect(r2.status).toBe(201);
    second = r2.body.id;
  });

  it("counts each unit's latest accepted report, whichever request carried it, everywhere", async () => {
    const detail = await province.json("GET", `/api/requests/${first}`);
    communes = detail.body.targets.slice(0, 3).map((x: { unitCode: string }) => x.unitCode);
    const [a, b, c] = communes as [string, string, string];
    await acceptReport(first, a, 10);
    await acceptReport(first, b, 20);
    await acceptReport(first, c, 30);
    const later = await acceptReport(second, a, 5);
    // the dashboard, both requests' consolidations and the naive rule agree: 5 + 20 + 30
    const naive = await sql<{ v: string }>`
      select sum((s.values -> 'DVK_MODELS_TOTAL' ->> '')::numeric)::text as v
      from (select distinct on (s.unit_code) s.values from submission s
            where s.request_id = any(${[first, second]}::int[]) and s.status = 'accepted'
            order by s.unit_code, s.accepted_at desc, s.id desc) s`.execute(t.db);
    expect(naive.rows[0]?.v).toBe("55");
    expect((await totalOf("2026Q1")).values["82"]?.["2026Q1"]?.DVK_MODELS_TOTAL).toBe("55");
    expect((await totalOf("2026Q1", "82")).values[a]?.["2026Q1"]?.DVK_MODELS_TOTAL).toBe("5");
    for (const id of [first, second]) {
      const cons = await consolidated(id);
      expect(modelsIn(cons)).toMatchObject({ value: "55", reporting: 3 });
      expect(cons.sources).toEqual([
        expect.objectContaining({ requestId: id, thisRequest: true }),
        expect.objectContaining({ requestId: id === first ? second : first, thisRequest: false }),
      ]);
      expect(cons.sources.map((s) => s.reports).reduce((x, y) => x + y)).toBe(3);
    }
    // each request's page says which report counts for each unit
    const one = await province.json("GET", `/api/requests/${first}`);
    const ofA = one.body.targets.find((x: { unitCode: string }) => x.unitCode === a);
    expect(ofA).toMatchObject({
      status: "accepted",
      counted: false,
      countedIn: { requestId: second, referenceNo: "145-CV/BTGDVTU", submissionId: later.id },
    });
    expect(one.body.targets.find((x: { unitCode: string }) => x.unitCode === b)).toMatchObject({
      counted: true,
      countedIn: null,
    });
    // the DHIS2 export of the first request gives the unit's counted value
    const exported = await province.json("GET", `/api/requests/${first}/dataValueSets`);
    const exportedOf = (unit: string) =>
      exported.body.dataValues.find(
        (v: { orgUnit: string; dataElement: string; categoryOptionCombo: string }) =>
          v.orgUnit === unit && v.dataElement === "DVK_MODELS_TOTAL" && v.categoryOptionCombo === "default",
      )?.value;
    expect([exportedOf(a), exportedOf(b), exportedOf(c)]).toEqual(["5", "20", "30"]);
    // the other province sees none of it
    expect((await other.json("GET", `/api/requests/${first}/consolidation`)).status).toBe(404);
  });

  it("falls back to the earlier accepted report when the later one is unlocked", async () => {
    const [a] = communes as [string];
    const detail = await province.json("GET", `/api/requests/${second}`);
    const target = detail.body.targets.find((x: { unitCode: string }) => x.unitCode === a);
    const u = await approver.json("POST", `/api/submissions/${target.id}/unlock`, {
      version: target.version,
      comment: "Sai số liệu",
    });
    expect(u.status).toBe(200);
    expect((await totalOf("2026Q1")).values["82"]?.["2026Q1"]?.DVK_MODELS_TOTAL).toBe("60");
    expect(modelsIn(await consolidated(second))).toMatchObject({ value: "60", reporting: 3 });
    const one = await province.json("GET", `/api/requests/${first}`);
    expect(one.body.targets.find((x: { unitCode: string }) => x.unitCode === a)).toMatchObject({
      counted: true,
      countedIn: null,
    });
  });
});

describe("a unit that reports for the units below it", () => {
  it("is counted once above it, its own report and its hamlets' kept apart at it", async () => {
    const admin = await t.login("admin");
    // a version of the form the hamlets fill too, and two hamlets of the commune
    const f = (await admin.json("GET", `/api/forms/${formId}`)).body;
    const { id: _id, version: _v, builtIn: _b, ...def } = f;
    const v2 = await admin.json("POST", "/api/forms", { ...def, levels: ["commune", "hamlet"] });
    expect(v2.status, JSON.stringify(v2.body)).toBe(201);
    for (const name of ["Ấp Một", "Ấp Hai"]) {
      const h = await commune.json("POST", "/api/units/30037/hamlets", { name, type: "ấp" });
      expect(h.status).toBe(201);
    }
    const up = await province.json("POST", "/api/requests", input("2025Q4", { formId: v2.body.id }));
    expect(up.status).toBe(201);
    const down = await commune.json("POST", "/api/requests", {
      issuerUnitCode: "30037",
      formId: v2.body.id,
      period: { code: "2025Q4" },
      targetLevel: "hamlet",
    });
    expect(down.status, JSON.stringify(down.body)).toBe(201);
    expect(down.body.expected).toBeGreaterThanOrEqual(2);
    // two of the commune's hamlets report: 3 and 4 models
    const hamlets = (await commune.json("GET", `/api/requests/${down.body.id}`)).body.targets.slice(0, 2);
    for (const [i, h] of hamlets.entries()) {
      const sent = await commune.json("POST", `/api/submissions/${h.id}/submit`, {
        version: h.version,
        values: models(3 + i),
        lateReason: "Bổ sung",
      });
      expect(sent.status).toBe(200);
      const ok = await commune.json("POST", `/api/submissions/${h.id}/accept`, {
        version: sent.body.submission.version,
      });
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    }
    await acceptReport(up.body.id, "30037", 12);
    const other30 = (await province.json("GET", `/api/requests/${up.body.id}`)).body.targets.find(
      (x: { unitCode: string }) => x.unitCode !== "30037",
    ).unitCode;
    await acceptReport(up.body.id, other30, 8);
    // the province counts the commune's report, not the commune's and its hamlets' (12 + 8, not 12 + 7 + 8)
    expect(modelsIn(await consolidated(up.body.id))).toMatchObject({ value: "20", reporting: 2 });
    expect((await totalOf("2025Q4")).values["82"]?.["2025Q4"]?.DVK_MODELS_TOTAL).toBe("20");
    // the commune's own figure is its report; its draft for its own request adds up its hamlets
    const atProvince = await totalOf("2025Q4", "82");
    expect(atProvince.values["30037"]?.["2025Q4"]?.DVK_MODELS_TOTAL).toBe("12");
    expect(atProvince.ownReport["30037"]).toEqual(["2025Q4"]);
    expect(modelsIn(await consolidated(down.body.id))).toMatchObject({ value: "7", reporting: 2 });
    const atCommune = await totalOf("2025Q4", "30037");
    expect(atCommune.values["30037"]?.["2025Q4"]?.DVK_MODELS_TOTAL).toBe("12");
    expect(Object.keys(atCommune.values).filter((k) => k.startsWith("30037-"))).toHaveLength(2);
  });
});

describe("migration add-series-rollup", () => {
  it("rebuilds from the accepted reports the same counts and totals the accepts kept", async () => {
    const snapshot = async () => ({
      counted: (await sql<{ id: number }>`select id from submission where counted order by id`.execute(t.db))
        .rows,
      totals: (
        await sql`select form_code, period_code, body_kind, unit_code, vals, own from rollup_total
          order by 1, 2, 3, 4`.execute(t.db)
      ).rows,
      values: (
        await sql`select form_code, period_code, body_kind, unit_code, own, indicator_code, combo, n,
            sum::text, weight::text from rollup_value order by 1, 2, 3, 4, 5, 6, 7`.execute(t.db)
      ).rows,
    });
    const before = await snapshot();
    expect(before.totals.length).toBeGreaterThan(5);
    await seriesMigration.down(t.db as never);
    await seriesMigration.up(t.db as never);
    expect(await snapshot()).toEqual(before);
  });
});
