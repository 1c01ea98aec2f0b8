import { createHash } from "node:crypto";
/**
 * "Dân vận khéo" models: a commune registers its models (warned of likely duplicates), keeps them
 * up the next year in one action, records their implementation; the province assesses them against its
 * criteria, recognises, makes exemplary and commends them with a numbered decision; the counts add up.
 */
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { jpegImage, pngImage, pngPixelBomb } from "../fixtures/files.ts";
import { createTestApp, type TestClient } from "../helpers.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
let province: TestClient; // dongthap: editor on 82
let approver: TestClient; // duyet.dongthap: approver on 82
let commune: TestClient; // xa.thapmuoi: editor on 30037
let outsider: TestClient; // thainguyen: editor on 19

const details = {
  rationale: "Đường làng nhiều đoạn chưa có cây xanh, rác thải chưa được thu gom",
  goals: "100% tuyến đường ấp có hoa, sạch",
  contentMethod: "Mỗi hộ nhận chăm sóc 50 m đường; tổ tự quản họp mỗi tháng",
  area: "Ấp Mỹ Hòa",
  targetGroup: "Hộ dân trong ấp",
  forces: {
    lead: "Chi bộ ấp",
    coordinating: "Ban công tác Mặt trận ấp",
    participating: "Hội Phụ nữ, Đoàn Thanh niên",
  },
  resources: "Nhân dân đóng góp; xã hỗ trợ cây giống",
  milestones: [{ date: "2025-06-30", text: "Sơ kết 6 tháng" }],
  expectedOutputs: "3 km đường hoa",
  sustainability: "Đưa vào hương ước ấp; nhân rộng ra các ấp khác",
};
const register = (c: TestClient, name: string, extra: Record<string, unknown> = {}) =>
  c.json("POST", "/api/models", {
    unitCode: "30037",
    year: 2025,
    name,
    fieldCode: "culture_society",
    kind: "collective",
    details,
    startedOn: "2025-02-01",
    evaluationOn: "2025-11-30",
    ...extra,
  });

beforeAll(async () => {
  t = await createTestApp({ watchRevisions: true }); // the fed values are kept in memory, as on a server
  province = await t.login("dongthap");
  approver = await t.login("duyet.dongthap");
  commune = await t.login("xa.thapmuoi");
  outsider = await t.login("thainguyen");
});

let flowers: number;
let cattle: number;

describe("registration", () => {
  it("lists the four fields and the province's criteria (the example sets, marked as such)", async () => {
    const f = await commune.json("GET", "/api/model-fields");
    expect(f.body.items.map((x: { nameVi: string }) => x.nameVi)).toEqual([
      "Kinh tế",
      "Văn hóa – xã hội",
      "Quốc phòng – an ninh",
      "Xây dựng hệ thống chính trị",
    ]);
    const c = await commune.json("GET", "/api/model-criteria?unit=30037");
    expect(c.body.items.map((x: { kind: string }) => x.kind).sort()).toEqual(["collective", "individual"]);
    expect(c.body.items.every((x: { example: boolean }) => x.example)).toBe(true);
  });

  it("registers a model with its sheet; the outsider cannot", async () => {
    const r = await register(commune, "Tổ tự quản đường hoa ấp Mỹ Hòa");
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    flowers = r.body.id;
    const m = await commune.json("GET", `/api/models/${flowers}`);
    expect(m.body).toMatchObject({
      unitCode: "30037",
      unitPath: ["82", "30037"],
      name: "Tổ tự quản đường hoa ấp Mỹ Hòa",
      details: { forces: { lead: "Chi bộ ấp" } },
      years: [{ year: 2025, registration: "new", status: "registered", version: 1 }],
      can: { register: true, evaluate: false },
    });
    expect(m.body.steps).toEqual([expect.objectContaining({ to: "registered", actorName: "xa.thapmuoi" })]);
    expect((await register(outsider, "Mô hình khác")).status).toBe(404);
    const cattleR = await register(commune, "Nuôi bò sinh sản giúp hộ nghèo", {
      fieldCode: "economy",
      kind: "individual",
    });
    cattle = cattleR.body.id;
  });

  it("shows likely duplicates before saving and saves one only when confirmed", async () => {
    const similar = await commune.json(
      "GET",
      "/api/models/similar?unit=30037&year=2025&name=to%20tu%20quan%20duong%20hoa",
    );
    expect(similar.body.items.map((x: { id: number }) => x.id)).toEqual([flowers]);
    const dup = await register(commune, "Mô hình “Tổ tự quản đường hoa”");
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe("possible_duplicate");
    expect(dup.body.error.message_vi).toContain("Tổ tự quản đường hoa ấp Mỹ Hòa");
    expect((await commune.json("GET", "/api/models?unit=30037&year=2025")).body.items).toHaveLength(2);
    const confirmed = await register(commune, "Mô hình “Tổ tự quản đường hoa”", { confirmDuplicate: true });
    expect(confirmed.status).toBe(201);
  });

  it("refuses bad input with a 4xx and stores nothing", async () => {
    const before = (await commune.json("GET", "/api/models?unit=30037&year=2025")).body.items.length;
    for (const [extra, status] of [
      [{ fieldCode: "nong_thon_moi" }, 400],
      [{ kind: "family" }, 400],
      [{ startedOn: "2025-02-30" }, 400],
      [{ evaluationOn: "2024-12-31" }, 400],
      [{ year: 1999 }, 400],
      [{ name: "x" }, 400],
      [{ bodyId: 999999 }, 400],
    ] as const) {
      const r = await register(commune, "Một mô hình hoàn toàn mới", extra);
      expect(r.status, JSON.stringify(extra)).toBe(status);
      expect(r.body.error.message_vi).toBeTruthy();
    }
    expect((await commune.json("GET", "/api/models?unit=30037&year=2025")).body.items.length).toBe(before);
  });
});

describe("the lifecycle", () => {
  const step = (c: TestClient, id: number, body: Record<string, unknown>, year = 2025) =>
    c.json("POST", `/api/models/${id}/years/${year}/steps`, body);

  it("records implementation by the commune; the commune cannot assess its own model", async () => {
    const impl = await step(commune, flowers, { to: "implementing", version: 1, comment: "Đã ra mắt tổ" });
    expect(impl.status, JSON.stringify(impl.body)).toBe(200);
    expect(impl.body).toMatchObject({ status: "implementing", version: 2 });
    expect((await step(commune, flowers, { to: "assessed", version: 2, answers: { C1: true } })).status).toBe(
      403,
    );
    expect(
      (await step(outsider, flowers, { to: "assessed", version: 2, answers: { C1: true } })).status,
    ).toBe(404);
  });

  it("is assessed by the province against the criteria, then recognised and made exemplary", async () => {
    expect((await step(province, flowers, { to: "recognised", version: 2 })).status).toBe(409); // skips a step
    expect(
      (await step(province, flowers, { to: "assessed", version: 2, answers: { X9: true } })).status,
    ).toBe(400);
    expect(
      (await step(province, flowers, { to: "assessed", version: 1, answers: { C1: true } })).status,
    ).toBe(409);
    const assessed = await step(province, flowers, {
      to: "assessed",
      version: 2,
      answers: { C1: true, C2: true, C3: true, C4: true, C5: false },
      comment: "Đạt 4/5 tiêu chí",
    });
    expect(assessed.status, JSON.stringify(assessed.body)).toBe(200);
    expect(assessed.body.assessment).toMatchObject({ met: 4, total: 5, passes: true });
    expect((await step(approver, flowers, { to: "recognised", version: 3 })).status).toBe(200);
    expect((await step(province, flowers, { to: "exemplary", version: 4 })).body.wasExemplary).toBe(true);
  });

  it("is not recognised when the assessment failed", async () => {
    await step(commune, cattle, { to: "implementing", version: 1 });
    await step(province, cattle, { to: "assessed", version: 2, answers: { I2: true, I3: true } });
    const r = await step(province, cattle, { to: "recognised", version: 3 });
    expect(r.status).toBe(400);
    expect(r.body.error.message_vi).toMatch(/chưa đạt tiêu chí \(2\/5\)/);
  });

  it("is commended with a decision numbered in the province's registry", async () => {
    const bodies = (await province.json("GET", "/api/units/82/bodies")).body.items;
    const ubnd = bodies.find((b: { kind: string }) => b.kind === "people_committee").id;
    const n = await province.json("POST", `/api/bodies/${ubnd}/document-numbers`, {
      typeCode: "QĐ",
      title: "Quyết định khen thưởng mô hình “Dân vận khéo” năm 2025",
    });
    expect(n.status, JSON.stringify(n.body)).toBe(201);
    expect((await step(province, flowers, { to: "commended", version: 5 })).status).toBe(400);
    const cancelled = await province.json("POST", `/api/bodies/${ubnd}/document-numbers`, {
      typeCode: "QĐ",
      title: "Nhầm",
    });
    await province.json("POST", `/api/document-numbers/${cancelled.body.id}/cancel`, {
      reason: "Lấy nhầm số",
    });
    expect(
      (await step(province, flowers, { to: "commended", version: 5, decisionNumberId: cancelled.body.id }))
        .status,
    ).toBe(400);
    const done = await step(province, flowers, { to: "commended", version: 5, decisionNumberId: n.body.id });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.decisionSymbol).toBe(n.body.symbol);
    const m = await commune.json("GET", `/api/models/${flowers}`);
    expect(m.body.steps.map((s: { to: string }) => s.to)).toEqual([
      "registered",
      "implementing",
      "assessed",
      "recognised",
      "exemplary",
      "commended",
    ]);
    expect(m.body.steps.at(-1)).toMatchObject({ actorName: "dongthap", decisionSymbol: n.body.symbol });
  });
});

describe("keeping up and counting", () => {
  it("keeps up last year's models in one action, each once", async () => {
    const candidates = await commune.json("GET", "/api/models/carry-over?unit=30037&year=2026");
    const ids = candidates.body.items.map((c: { id: number }) => c.id);
    expect(ids).toEqual(expect.arrayContaining([flowers, cattle]));
    const kept = await commune.json("POST", "/api/models/carry-over", {
      unitCode: "30037",
      year: 2026,
      modelIds: ids,
    });
    expect(kept.body.kept).toBe(ids.length);
    const again = await commune.json("POST", "/api/models/carry-over", {
      unitCode: "30037",
      year: 2026,
      modelIds: [flowers],
    });
    expect(again.status).toBe(400);
    expect(
      (
        await outsider.json("POST", "/api/models/carry-over", {
          unitCode: "30037",
          year: 2026,
          modelIds: [flowers],
        })
      ).status,
    ).toBe(404);
    const m = await commune.json("GET", `/api/models/${flowers}`);
    expect(m.body.years[0]).toMatchObject({ year: 2026, registration: "kept", status: "registered" });
    await register(commune, "Camera an ninh liên gia", {
      year: 2026,
      fieldCode: "defence_security",
      startedOn: "2026-01-05",
      evaluationOn: null,
    });
  });

  it("counts the models under the province by registration, status, field, kind and unit", async () => {
    const y2025 = (await province.json("GET", "/api/models/counts?unit=82&year=2025")).body;
    expect(y2025).toMatchObject({ total: 3, new: 3, kept: 0, recognised: 1, exemplary: 1 });
    expect(y2025.byUnit).toEqual([{ code: "30037", total: 3, new: 3, kept: 0, recognised: 1, exemplary: 1 }]);
    const y2026 = (await province.json("GET", "/api/models/counts?unit=82&year=2026")).body;
    expect(y2026).toMatchObject({ total: 4, new: 1, kept: 3, recognised: 0 });
    expect(y2026.byKind.find((k: { code: string }) => k.code === "individual").total).toBe(1);
    expect(y2026.byField.find((k: { code: string }) => k.code === "defence_security").new).toBe(1);
    const other = (await outsider.json("GET", "/api/models/counts?unit=19&year=2026")).body;
    expect(other.total).toBe(0);
    expect((await outsider.json("GET", "/api/models/counts?unit=82&year=2026")).status).toBe(404);
  });
});

describe("the counts feed the reports by themselves", () => {
  it("shows a commune the registry's counts beside what it typed, and takes them in one action", async () => {
    const forms = (await province.json("GET", "/api/forms")).body.items;
    const form = forms.find((f: { code: string }) => f.code === "dan-van-annual");
    const r = await province.json("POST", "/api/requests", {
      issuerUnitCode: "82",
      formId: form.id,
      period: { code: "2025" },
      targetLevel: "commune",
      deadline: "2099-01-10",
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const targets = (await province.json("GET", `/api/requests/${r.body.id}`)).body.targets;
    const mine = targets.find((x: { unitCode: string }) => x.unitCode === "30037");
    const d = await commune.json("GET", `/api/submissions/${mine.id}`);
    expect(d.body.fed.year).toBe(2025);
    expect(d.body.fed.codes).toContain("DVK_MODELS_TOTAL");
    expect(d.body.fed.values.DVK_MODELS_TOTAL).toMatchObject({
      "": "3",
      "field=văn hóa – xã hội": "2",
      "field=kinh tế": "1",
    });
    expect(d.body.fed.values.DVK_MODELS_NEW[""]).toBe("3");
    expect(d.body.fed.values.DVK_MODELS_KEPT[""]).toBe("0");
    // what the commune types is what it reports: nothing is written over it, the registry stays beside it
    const typed = await commune.json("PUT", `/api/submissions/${mine.id}`, {
      version: d.body.submission.version,
      values: { DVK_MODELS_TOTAL: { "": "9" }, DVK_MODELS_NEW: { "": "5" }, DVK_MODELS_KEPT: { "": "4" } },
    });
    expect(typed.status, JSON.stringify(typed.body)).toBe(200);
    expect(typed.body.submission.values.DVK_MODELS_TOTAL[""]).toBe("9");
    expect(typed.body.fed.values.DVK_MODELS_TOTAL[""]).toBe("3");
    // the one action: the registry's figures, sent as the report's values
    const sent = await commune.json("POST", `/api/submissions/${mine.id}/submit`, {
      version: typed.body.submission.version,
      values: typed.body.fed.values,
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body.submission.values.DVK_MODELS_TOTAL[""]).toBe("3");
    const ok = await province.json("POST", `/api/submissions/${mine.id}/accept`, {
      version: sent.body.submission.version,
    });
    expect(ok.status).toBe(200);
    const c = await province.json("GET", `/api/requests/${r.body.id}/consolidation`);
    const byCode = Object.fromEntries(c.body.indicators.map((i: { code: string }) => [i.code, i]));
    expect(byCode.DVK_MODELS_TOTAL.accepted.value).toBe("3");
    expect(byCode.DVK_MODELS_RECOGNISED.accepted.value).toBe("1");
  });

  it("shows the province both figures where the registry and the reports differ, and uses the one it picks", async () => {
    const forms = (await province.json("GET", "/api/forms")).body.items;
    const form = forms.find((f: { code: string }) => f.code === "dan-van-annual");
    const list = (await province.json("GET", "/api/requests")).body.items;
    const r = list.find(
      (x: { periodCode: string; formId: number }) => x.periodCode === "2025" && x.formId === form.id,
    );
    // another commune, with no model in the registry, reports 2 it typed
    const other = (await province.json("GET", `/api/requests/${r.id}`)).body.targets.find(
      (x: { unitCode: string }) => x.unitCode !== "30037",
    );
    const sent = await province.json("POST", `/api/submissions/${other.id}/submit`, {
      version: other.version,
      values: { DVK_MODELS_TOTAL: { "": "2" }, DVK_MODELS_NEW: { "": "2" }, DVK_MODELS_KEPT: { "": "0" } },
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const accepted = await province.json("POST", `/api/submissions/${other.id}/accept`, {
      version: sent.body.submission.version,
    });
    expect(accepted.status).toBe(200);
    const c = await province.json("GET", `/api/requests/${r.id}/consolidation`);
    const models = c.body.indicators.find((i: { code: string }) => i.code === "DVK_MODELS_TOTAL");
    // the reports say 3 + 2; the province's registry holds Tháp Mười's 3
    expect(models.accepted.value).toBe("5");
    expect(models.registry).toMatchObject({ year: 2025, value: "3", difference: "-2" });
    expect(models.used).toBe("reports");
    const picked = await province.json("PUT", `/api/requests/${r.id}/summary`, {
      version: 0,
      figureSources: { DVK_MODELS_TOTAL: "registry" },
    });
    expect(picked.status, JSON.stringify(picked.body)).toBe(200);
    const again = await province.json("GET", `/api/requests/${r.id}/consolidation`);
    expect(again.body.indicators.find((i: { code: string }) => i.code === "DVK_MODELS_TOTAL").used).toBe(
      "registry",
    );
    // only what a registry holds can be picked
    const bad = await province.json("PUT", `/api/requests/${r.id}/summary`, {
      version: picked.body.version,
      figureSources: { DISSEMINATION_SESSIONS: "registry" },
    });
    expect(bad.status).toBe(400);
  });

  it("leaves the counts to the units of a province that keeps no model in the registry", async () => {
    const forms = (await outsider.json("GET", "/api/forms")).body.items;
    const form = forms.find((f: { code: string }) => f.code === "dan-van-annual");
    const r = await outsider.json("POST", "/api/requests", {
      issuerUnitCode: "19",
      formId: form.id,
      period: { code: "2025" },
      targetLevel: "commune",
      deadline: "2099-01-10",
    });
    const target = (await outsider.json("GET", `/api/requests/${r.body.id}`)).body.targets[0];
    expect((await outsider.json("GET", `/api/submissions/${target.id}`)).body.fed).toBeNull();
  });
});

describe("Excel lists", () => {
  const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  async function listFile() {
    const res = await commune.request("GET", "/api/models/excel?unit=30037&year=2025");
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    return wb;
  }
  const upload = async (wb: ExcelJS.Workbook, dryRun = false) =>
    commune.request(
      "POST",
      `/api/models/excel?unit=30037&year=2025${dryRun ? "&dryRun=true" : ""}`,
      new Uint8Array(await wb.xlsx.writeBuffer()),
      { "content-type": XLSX },
    );
  const count = async () => (await commune.json("GET", "/api/models?unit=30037&year=2025")).body.items.length;

  it("exports the unit's models of the year as the template", async () => {
    const ws = (await listFile()).getWorksheet("Mô hình");
    const names = [5, 6, 7].map((r) => String(ws?.getRow(r).getCell(1).value ?? ""));
    expect(names).toContain("Tổ tự quản đường hoa ấp Mỹ Hòa");
    expect(String(ws?.getRow(4).getCell(2).value)).toBe("Lĩnh vực (bắt buộc)");
  });

  it("refuses a list with a bad row, naming sheet, row and cell, and stores nothing", async () => {
    const before = await count();
    const wb = await listFile();
    const ws = wb.getWorksheet("Mô hình") as ExcelJS.Worksheet;
    ws.addRow(["Đội tuần tra nhân dân", "An ninh trật tự", "Tập thể", "31/02/2025"]);
    ws.addRow(["Vườn rau sạch giúp bếp ăn trường học", "Kinh tế", "Gia đình", "05/03/2025"]);
    const r = await upload(wb);
    expect(r.status).toBe(400);
    const body = (await r.json()) as { error: { details: { field: string; messageVi: string }[] } };
    const at = body.error.details.map((d) => d.field);
    const last = ws.rowCount;
    expect(at).toEqual([`Mô hình!B${last - 1}`, `Mô hình!D${last - 1}`, `Mô hình!C${last}`]);
    expect(body.error.details[0]?.messageVi).toContain("không có lĩnh vực");
    expect(await count()).toBe(before);
  });

  it("checks a dry run, then registers the new rows only (the listed ones stay as they are)", async () => {
    const before = await count();
    const wb = await listFile();
    const ws = wb.getWorksheet("Mô hình") as ExcelJS.Worksheet;
    ws.addRow(["Đội tuần tra nhân dân", "Quốc phòng – an ninh", "Tập thể", "01/03/2025", "Giữ an ninh ấp"]);
    ws.addRow(["Vườn rau sạch giúp bếp ăn trường học", "kinh te", "cá nhân", "05/03/2025"]);
    const dry = await upload(wb, true);
    expect(await dry.json()).toMatchObject({ dryRun: true, registered: 2, unchanged: before });
    expect(await count()).toBe(before);
    const real = await upload(wb);
    expect(await real.json()).toMatchObject({ dryRun: false, registered: 2 });
    expect(await count()).toBe(before + 2);
    const again = await upload(wb);
    expect(await again.json()).toMatchObject({ registered: 0, unchanged: before + 2 });
    const items = (await commune.json("GET", "/api/models?unit=30037&year=2025")).body.items;
    expect(
      items.find((m: { name: string }) => m.name === "Vườn rau sạch giúp bếp ăn trường học"),
    ).toMatchObject({
      fieldCode: "economy",
      kind: "individual",
      registration: "new",
    });
  });
});

describe("the province's own criteria", () => {
  it("replaces the example set for one kind; a commune cannot", async () => {
    const set = {
      unit: "82",
      kind: "individual",
      criteria: [
        { code: "DT1", textVi: "Gương mẫu, được Nhân dân tín nhiệm", required: true },
        { code: "DT2", textVi: "Có cách làm hay, hiệu quả", required: false },
        { code: "DT3", textVi: "Được cấp ủy cơ sở đề nghị", required: false },
      ],
      minimumMet: 2,
      source: "QĐ số 12/QĐ-UBND ngày 10/01/2026 của UBND tỉnh",
    };
    const byCommune = await commune.json("PUT", "/api/model-criteria", { ...set, unit: "30037" });
    expect(byCommune.status).toBe(400);
    expect(byCommune.body.error.message_vi).toBe("Bộ tiêu chí do cấp tỉnh ban hành");
    expect((await commune.json("PUT", "/api/model-criteria", set)).status).toBe(404);
    expect((await province.json("PUT", "/api/model-criteria", { ...set, minimumMet: 0 })).status).toBe(400);
    const r = await province.json("PUT", "/api/model-criteria", set);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const seen = await commune.json("GET", "/api/model-criteria?unit=30037");
    const individual = seen.body.items.find((x: { kind: string }) => x.kind === "individual");
    expect(individual).toMatchObject({ example: false, minimumMet: 2, source: set.source });
    expect(individual.criteria.map((c: { code: string }) => c.code)).toEqual(["DT1", "DT2", "DT3"]);
    expect(seen.body.items.find((x: { kind: string }) => x.kind === "collective").example).toBe(true);
  });
});

describe("photos, files and the public showcase", () => {
  const PNG = new Uint8Array(pngImage());
  const attach = (c: TestClient, id: number, filename: string, bytes: Uint8Array) =>
    c.request("POST", `/api/models/${id}/attachments?filename=${encodeURIComponent(filename)}`, bytes, {
      "content-type": "application/octet-stream",
    });

  it("attaches a photo checked by its content; the outsider cannot", async () => {
    const ok = await attach(commune, flowers, "duong-hoa.png", PNG);
    expect(ok.status).toBe(201);
    // the answer names the file as kept, with the hash an official can check a copy against
    expect(await ok.json()).toEqual({
      id: expect.any(Number),
      filename: "duong-hoa.png",
      contentType: "image/png",
      size: PNG.length,
      sha256: createHash("sha256").update(PNG).digest("hex"),
    });
    const bad = await attach(commune, flowers, "bao-cao.pdf", PNG);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message_vi: string } }).error.message_vi).toMatch(
      /không phải là tệp \.pdf/,
    );
    expect((await attach(outsider, flowers, "x.png", PNG)).status).toBe(404);
    const m = await commune.json("GET", `/api/models/${flowers}`);
    expect(m.body.attachments).toEqual([
      expect.objectContaining({ filename: "duong-hoa.png", contentType: "image/png" }),
    ]);
    const file = await province.request("GET", `/api/models/attachments/${m.body.attachments[0].id}`);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(PNG);
    const audit = await (await t.login("admin")).json("GET", "/api/audit?entity=dvk_model&limit=200");
    expect(
      audit.body.items.filter(
        (x: { action: string; entityId: string }) =>
          x.action === "model_attachment.create" && x.entityId === String(flowers),
      ),
    ).toEqual([
      expect.objectContaining({
        unitCode: "30037",
        after: expect.objectContaining({ filename: "duong-hoa.png", contentType: "image/png" }),
      }),
    ]);
  });

  it("shows a model publicly only when asked, with its results and photos, without login", async () => {
    const m = (await commune.json("GET", `/api/models/${flowers}`)).body;
    const photo = m.attachments[0].id;
    expect((await t.anonymous.json("GET", "/api/public/models?province=82")).body.items).toEqual([]);
    expect((await t.anonymous.request("GET", `/api/public/models/photos/${photo}`)).status).toBe(404);
    const noResults = await commune.json("PUT", `/api/models/${flowers}/public`, {
      version: m.version,
      public: true,
    });
    expect(noResults.status).toBe(400);
    const shown = await commune.json("PUT", `/api/models/${flowers}/public`, {
      version: m.version,
      public: true,
      results: "3 km đường hoa; 120 hộ tham gia",
    });
    expect(shown.status, JSON.stringify(shown.body)).toBe(200);
    const showcase = await t.anonymous.json("GET", "/api/public/models?province=82");
    expect(showcase.body.items).toEqual([
      {
        id: flowers,
        name: "Tổ tự quản đường hoa ấp Mỹ Hòa",
        unitName: "Xã Tháp Mười",
        field: "Văn hóa – xã hội",
        kind: "collective",
        results: "3 km đường hoa; 120 hộ tham gia",
        photos: [photo],
      },
    ]);
    const served = await t.anonymous.request("GET", `/api/public/models/photos/${photo}`);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    const hidden = await commune.json("PUT", `/api/models/${flowers}/public`, {
      version: shown.body.version,
      public: false,
    });
    expect(hidden.status).toBe(200);
    expect((await t.anonymous.json("GET", "/api/public/models?province=82")).body.items).toEqual([]);
  });

  it("takes a phone photo of a few MB (files up to 20 MB), and refuses a bigger one", async () => {
    const photo = new Uint8Array(pngImage(1000, 900, true));
    expect(photo.length).toBeGreaterThan(3 * 1024 * 1024);
    const ok = await attach(commune, flowers, "anh-chup.png", photo);
    expect(ok.status).toBe(201);
    expect(((await ok.json()) as { size: number }).size).toBe(photo.length);
    const camera = await attach(commune, flowers, "may-anh.jpg", new Uint8Array(jpegImage(2000, 1500)));
    expect(camera.status).toBe(201);
    expect(((await camera.json()) as { contentType: string }).contentType).toBe("image/jpeg");
    const huge = new Uint8Array(21 * 1024 * 1024);
    huge.set(PNG);
    expect((await attach(commune, flowers, "qua-lon.png", huge)).status).toBe(400);
    // a small file claiming a huge picture is refused before it is decoded, naming the limit
    const bomb = await attach(commune, flowers, "bom.png", new Uint8Array(pngPixelBomb(100_000, 100_000)));
    expect(bomb.status).toBe(422);
    expect(((await bomb.json()) as { error: { details: { limit: string } } }).error.details.limit).toBe(
      "imagePixels",
    );
    const m = await commune.json("GET", `/api/models/${flowers}`);
    expect(m.body.attachments.map((a: { filename: string }) => a.filename)).toEqual([
      "duong-hoa.png",
      "anh-chup.png",
      "may-anh.jpg",
    ]);
  });
});
