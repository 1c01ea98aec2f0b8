/**
 * What a report page shows besides its own values, read with the submission or kept in memory: the unit's
 * report of the same period last year, and the values fed from the models registry — seen at once after a
 * change made through the API, and through the revision notification after one made elsewhere.
 */
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import * as previousPeriodMigration from "../../src/db/migrations/202611231200-add-request-previous-period.ts";
import { parsePeriod, previousPeriodCode } from "../../src/domain/periods.ts";
import { createTestApp, type TestClient } from "../helpers.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
let province: TestClient;
let commune: TestClient;

beforeAll(async () => {
  t = await createTestApp({ watchRevisions: true });
  province = await t.login("dongthap");
  commune = await t.login("xa.thapmuoi");
});

/** Issues `formCode` for `period` to the communes of Đồng Tháp; Xã Tháp Mười's submission id. */
async function issue(formCode: string, period: string): Promise<number> {
  const form = (await province.json("GET", "/api/forms")).body.items.find(
    (f: { code: string }) => f.code === formCode,
  );
  const r = await province.json("POST", "/api/requests", {
    issuerUnitCode: "82",
    formId: form.id,
    period: { code: period },
    targetLevel: "commune",
    deadline: "2099-01-10",
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return (await province.json("GET", `/api/requests/${r.body.id}`)).body.targets.find(
    (x: { unitCode: string }) => x.unitCode === "30037",
  ).id;
}

const VALUES = {
  LETTERS_RECEIVED: { "": "40" },
  LETTERS_RESOLVED: { "": "38" },
  RECEPTION_DAYS: { "": "12" },
};

describe("the same period last year", () => {
  it("is shown beside this year's once it was sent, and this year's outliers are measured against it", async () => {
    const last = await issue("dvcq-thap-muoi", "2023");
    const now = await issue("dvcq-thap-muoi", "2024");
    const page = async () => (await commune.json("GET", `/api/submissions/${now}`)).body;
    expect((await page()).previous).toBeNull();
    // a draft is not last year's report
    const draft = (await commune.json("GET", `/api/submissions/${last}`)).body;
    const saved = await commune.json("PUT", `/api/submissions/${last}`, {
      version: draft.submission.version,
      values: VALUES,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect((await page()).previous).toBeNull();
    const sent = await commune.json("POST", `/api/submissions/${last}/submit`, {
      version: saved.body.submission.version,
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const p = await page();
    expect(p.previous).toEqual({ periodCode: "2023", values: sent.body.submission.values });
    expect(p.previous.values.RECEPTION_DAYS).toEqual({ "": "12" });
    const typed = await commune.json("PUT", `/api/submissions/${now}`, {
      version: p.submission.version,
      values: { ...VALUES, RECEPTION_DAYS: { "": "120" } },
    });
    expect(typed.body.checks.outliers).toContainEqual({
      indicator: "RECEPTION_DAYS",
      previous: "12",
      current: "120",
    });
  });

  it("is kept on requests issued before the column, by the domain's rule (migration add-request-previous-period)", async () => {
    const periods = [{ code: "202402" }, { code: "2024Q3" }, { code: "2024S1" }, { code: "2024N9" }];
    for (const period of [...periods, { code: "2022-2024" }, { start: "2024-03-01", end: "2024-03-20" }]) {
      const r = await province.json("POST", "/api/requests", {
        issuerUnitCode: "82",
        formId: (await province.json("GET", "/api/forms")).body.items[0].id,
        period,
        targetLevel: "commune",
        deadline: "2099-01-10",
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
    const stored = () =>
      sql<{ period_code: string; period_type: string; previous_period_code: string | null }>`
        select period_code, period_type, previous_period_code from report_request order by id`.execute(t.db);
    const issued = (await stored()).rows;
    expect(new Set(issued.map((r) => r.period_type))).toEqual(
      new Set(["year", "month", "quarter", "half_year", "nine_months", "multi_year", "ad_hoc"]),
    );
    const expected = issued.map((r) => ({
      ...r,
      previous_period_code:
        r.period_type === "ad_hoc" ? null : previousPeriodCode(parsePeriod(r.period_code)),
    }));
    expect(issued).toEqual(expected);
    // the same requests as they were before the column: the migration fills it by the same rule
    await previousPeriodMigration.down(t.db as never);
    await previousPeriodMigration.up(t.db as never);
    expect((await stored()).rows).toEqual(expected);
  });
});

describe("values fed from the models registry, kept in memory", () => {
  const model = (name: string) => ({
    unitCode: "30037",
    year: 2026,
    name,
    fieldCode: "economy",
    kind: "collective",
    details: {
      rationale: "Đường làng chưa có cây xanh",
      goals: "100% tuyến đường ấp có hoa",
      contentMethod: "Mỗi hộ nhận chăm sóc 50 m đường",
      area: "Ấp Mỹ Hòa",
      targetGroup: "Hộ dân trong ấp",
      forces: { lead: "Chi bộ ấp", coordinating: "Mặt trận ấp", participating: "Hội Phụ nữ" },
      resources: "Nhân dân đóng góp",
      milestones: [],
      expectedOutputs: "3 km đường hoa",
      sustainability: "Đưa vào hương ước ấp",
    },
    startedOn: "2026-02-01",
    evaluationOn: null,
  });

  it("follow a model registered here at once, and a change made by another server when it is announced", async () => {
    const id = await issue("dan-van-annual", "2026");
    const fed = async () => (await commune.json("GET", `/api/submissions/${id}`)).body.fed;
    // Đồng Tháp keeps no model in the registry for 2026 yet: its units type their counts
    expect(await fed()).toBeNull();
    const r = await commune.json("POST", "/api/models", model("Tuyến đường hoa kiểu mẫu"));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const now = await fed();
    expect(now.values.DVK_MODELS_TOTAL).toMatchObject({
      "": "1",
      "field=kinh tế": "1",
      "field=văn hóa – xã hội": "0",
    });
    expect(now.values.DVK_MODELS_NEW[""]).toBe("1");
    // another server moves the model to another field: this one hears it through fed_revision
    await sql`update dvk_model set field_code = 'culture_society' where id = ${r.body.id}`.execute(t.db);
    await expect
      .poll(async () => (await fed()).values.DVK_MODELS_TOTAL)
      .toMatchObject({ "": "1", "field=kinh tế": "0", "field=văn hóa – xã hội": "1" });
  });
});
