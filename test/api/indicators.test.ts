import { beforeAll, describe, expect, it } from "vitest";
import { BUILT_IN_INDICATORS } from "../../src/domain/indicators.ts";
import { createTestApp, type TestClient } from "../helpers.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
let admin: TestClient;
let editor: TestClient;

const newIndicator = {
  code: "HAMLET_MEETINGS",
  nameVi: "Số cuộc họp thôn, tổ dân phố",
  nameEn: "Hamlet meetings",
  type: "integer",
  unitOfMeasure: "cuộc",
  aggregation: "sum",
  categories: {},
  description: "Luật Thực hiện dân chủ ở cơ sở 2022.",
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login("admin");
  editor = await t.login("dongthap");
});

describe("/api/indicators", () => {
  it("lists the built-in catalogue to any user", async () => {
    const r = await editor.json("GET", "/api/indicators");
    expect(r.status).toBe(200);
    expect(r.body.items).toHaveLength(BUILT_IN_INDICATORS.length);
    expect(r.body.items.find((i: { code: string }) => i.code === "DVK_MODELS_TOTAL")).toMatchObject({
      aggregation: "sum",
      builtIn: true,
      categories: { kind: ["tập thể", "cá nhân"] },
    });
  });

  it("lets a system admin add and edit one (versioned, audited), not an editor", async () => {
    expect((await editor.json("POST", "/api/indicators", newIndicator)).status).toBe(403);
    const created = await admin.json("POST", "/api/indicators", newIndicator);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: "HAMLET_MEETINGS", builtIn: false, version: 1 });
    expect((await admin.json("POST", "/api/indicators", newIndicator)).status).toBe(409);
    const { code: _c, ...fields } = newIndicator;
    const edited = await admin.json("PUT", "/api/indicators/HAMLET_MEETINGS", {
      ...fields,
      version: 1,
      unitOfMeasure: "buổi",
    });
    expect(edited.body).toMatchObject({ unitOfMeasure: "buổi", version: 2 });
    expect(
      (await admin.json("PUT", "/api/indicators/HAMLET_MEETINGS", { ...fields, version: 1 })).status,
    ).toBe(409);
    const audit = await admin.json("GET", "/api/audit?entity=indicator");
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
      "indicator.update",
      "indicator.create",
    ]);
  });

  it.each([
    [{ ...newIndicator, code: "lower_case" }],
    [{ ...newIndicator, code: "X2", type: "money" }],
    [{ ...newIndicator, code: "X3", aggregation: "median" }],
    [{ ...newIndicator, code: "X4", categories: { field: [] } }],
    [{ ...newIndicator, code: "X5", nameVi: "" }],
    [{ ...newIndicator, code: "X6", aggregation: "weighted_average" }],
    [{ ...newIndicator, code: "X7", weightCode: "DOSSIERS_RECEIVED" }],
    [{ ...newIndicator, code: "X8", aggregation: "weighted_average", weightCode: "ONLINE_DOSSIER_SHARE" }],
    [{ ...newIndicator, code: "X9", aggregation: "weighted_average", weightCode: "NO_SUCH_CODE" }],
  ])("rejects %j with 400", async (body) => {
    const r = await admin.json("POST", "/api/indicators", body);
    expect(r.status).toBe(400);
    expect(
      (await admin.json("GET", "/api/indicators")).body.items.map((i: { code: string }) => i.code),
    ).not.toContain(body.code);
  });

  it("weighs a weighted average by a count in the catalogue, and keeps that count a count", async () => {
    const share = await admin.json("POST", "/api/indicators", {
      ...newIndicator,
      code: "ONLINE_PAYMENT_SHARE",
      nameVi: "Tỷ lệ thanh toán trực tuyến",
      nameEn: "Share of payments made online",
      type: "percentage",
      unitOfMeasure: "%",
      aggregation: "weighted_average",
      weightCode: "DOSSIERS_RECEIVED",
    });
    expect(share.status).toBe(201);
    expect(share.body.weightCode).toBe("DOSSIERS_RECEIVED");
    const built = (await admin.json("GET", "/api/indicators")).body.items;
    expect(built.find((i: { code: string }) => i.code === "ONLINE_DOSSIER_SHARE").weightCode).toBe(
      "DOSSIERS_RECEIVED",
    );
    const weight = built.find((i: { code: string }) => i.code === "DOSSIERS_RECEIVED");
    const { code: _c, builtIn: _b, ...fields } = weight;
    const asText = await admin.json("PUT", "/api/indicators/DOSSIERS_RECEIVED", { ...fields, type: "text" });
    expect(asText.status).toBe(400);
    expect(asText.body.error.message_vi).toContain("trọng số");
  });

  it("404 for editing an unknown code", async () => {
    const { code: _c, ...fields } = newIndicator;
    expect((await admin.json("PUT", "/api/indicators/NO_SUCH", { ...fields, version: 1 })).status).toBe(404);
  });
});
