/**
 * A model's registration can be corrected by its unit (name, field, kind, dates, sheet) with the version read,
 * 409 when stale, before and after in the audit log; a model can be stopped with its reason: it stays listed,
 * marked, takes no more steps and is not kept up into a new year.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { todayInVietnam } from "../../src/domain/dates.ts";
import { createTestApp, type TestClient } from "../helpers.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
let province: TestClient; // dongthap: editor on 82
let commune: TestClient; // xa.thapmuoi: editor on 30037
let outsider: TestClient; // thainguyen: editor on 19
let admin: TestClient;

const details = {
  rationale: "Rác thải chưa được thu gom",
  goals: "Ấp sạch",
  contentMethod: "Mỗi hộ nhận chăm sóc 50 m đường",
  area: "Ấp Mỹ Hòa",
  targetGroup: "Hộ dân trong ấp",
  forces: { lead: "Chi bộ ấp", coordinating: "Ban công tác Mặt trận ấp", participating: "Hội Phụ nữ" },
  resources: "Nhân dân đóng góp",
  milestones: [],
  expectedOutputs: "3 km đường hoa",
  sustainability: "Đưa vào hương ước ấp",
};
let id: number;
let version: number;

beforeAll(async () => {
  t = await createTestApp();
  province = await t.login("dongthap");
  commune = await t.login("xa.thapmuoi");
  outsider = await t.login("thainguyen");
  admin = await t.login("admin");
  const r = await commune.json("POST", "/api/models", {
    unitCode: "30037",
    year: 2025,
    name: "Tổ tự quan đường hoa",
    fieldCode: "culture_society",
    kind: "collective",
    details,
    startedOn: "2025-02-01",
    evaluationOn: "2025-11-30",
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  id = r.body.id;
  version = (await commune.json("GET", `/api/models/${id}`)).body.version;
});

describe("correcting a model", () => {
  it("corrects the name and the sheet with the version read; before and after are audited", async () => {
    const edit = {
      version,
      name: "Tổ tự quản đường hoa",
      details: { ...details, goals: "100% tuyến đường ấp có hoa, sạch" },
    };
    expect((await outsider.json("PATCH", `/api/models/${id}`, edit)).status).toBe(404);
    const r = await commune.json("PATCH", `/api/models/${id}`, edit);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ name: edit.name, version: version + 1, stoppedOn: null });
    expect(r.body.details.goals).toBe(edit.details.goals);
    expect((await commune.json("PATCH", `/api/models/${id}`, edit)).status).toBe(409);
    version = r.body.version;
    const audit = await admin.json("GET", "/api/audit?entity=dvk_model");
    const entry = audit.body.items.find((e: { action: string }) => e.action === "model.update");
    expect(entry.before.name).toBe("Tổ tự quan đường hoa");
    expect(entry.after.name).toBe("Tổ tự quản đường hoa");
  });

  it("refuses bad corrections with a 4xx naming the field, and stores nothing", async () => {
    for (const [body, field] of [
      [{ evaluationOn: "2024-12-31" }, "evaluationOn"],
      [{ fieldCode: "no_such_field" }, "fieldCode"],
      [{ bodyId: 1 }, "bodyId"],
      [{ status: "stopped" }, "stopReason"],
    ] as const) {
      const r = await commune.json("PATCH", `/api/models/${id}`, { version, ...body });
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.details.field).toBe(field);
    }
    expect((await commune.json("PATCH", `/api/models/${id}`, { version, name: "ab" })).status).toBe(400);
    expect((await commune.json("GET", `/api/models/${id}`)).body.version).toBe(version);
  });

  it("keeps the kind once the model was assessed against that kind's criteria", async () => {
    const step = (c: TestClient, body: Record<string, unknown>) =>
      c.json("POST", `/api/models/${id}/years/2025/steps`, body);
    expect((await step(commune, { to: "implementing", version: 1 })).status).toBe(200);
    const assessed = await step(province, {
      to: "assessed",
      version: 2,
      answers: { C1: true, C2: true, C3: true, C4: true, C5: true },
    });
    expect(assessed.status, JSON.stringify(assessed.body)).toBe(200);
    const r = await commune.json("PATCH", `/api/models/${id}`, { version, kind: "individual" });
    expect(r.status).toBe(409);
    expect(r.body.error.message_vi).toMatch(/không thể đổi loại/);
  });
});

describe("stopping a model", () => {
  it("stops it with its reason: still listed, marked, no more steps, not kept up", async () => {
    const r = await commune.json("PATCH", `/api/models/${id}`, {
      version,
      status: "stopped",
      stopReason: "Ấp sáp nhập, tổ tự quản giải thể",
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({
      stoppedOn: todayInVietnam(),
      stopReason: "Ấp sáp nhập, tổ tự quản giải thể",
    });
    version = r.body.version;
    const list = await province.json("GET", "/api/models?unit=82&year=2025");
    expect(list.body.items.find((m: { id: number }) => m.id === id)?.stoppedOn).toBe(todayInVietnam());
    const step = await province.json("POST", `/api/models/${id}/years/2025/steps`, {
      to: "recognised",
      version: 3,
    });
    expect(step.status).toBe(409);
    expect(step.body.error.message_vi).toMatch(/đã dừng thực hiện/);
    const candidates = await commune.json("GET", "/api/models/carry-over?unit=30037&year=2026");
    expect(candidates.body.items.map((c: { id: number }) => c.id)).not.toContain(id);
    const audit = await admin.json("GET", "/api/audit?entity=dvk_model");
    expect(audit.body.items.some((e: { action: string }) => e.action === "model.stop")).toBe(true);
  });

  it("resumes it", async () => {
    const r = await commune.json("PATCH", `/api/models/${id}`, { version, status: "active" });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ stoppedOn: null, stopReason: "" });
  });
});
