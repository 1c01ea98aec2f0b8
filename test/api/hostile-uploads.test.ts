/**
 * Hostile uploads from a commune editor: each is refused with the limit it passed named (413 for what a file
 * unpacks to, 422 for what it holds), nothing is stored, and the server goes on answering.
 */
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../src/errors.ts";
import { XLSX_TYPE } from "../../src/http/schemas.ts";
import { DEFAULT_LIMITS } from "../../src/offload/limits.ts";
import { Offload } from "../../src/offload/pool.ts";
import { docxBomb, pngPixelBomb } from "../fixtures/files.ts";
import { endlessQuotedField, manyRows, spacesBetweenRows, spacesInARow } from "../fixtures/hostile.ts";
import { createTestApp, type TestClient } from "../helpers.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
let commune: TestClient;
let requestId = 0;
let modelId = 0;

beforeAll(async () => {
  // time enough that each file meets the limit it is about, however busy the machine (the time limit is
  // tested on its own below)
  t = await createTestApp({ limits: { seconds: 60 } });
  const admin = await t.login("admin");
  commune = await t.login("xa.thapmuoi");
  requestId = (
    await admin.json("POST", "/api/requests", {
      issuerUnitCode: "82",
      formId: (await admin.json("GET", "/api/forms")).body.items[0].id,
      period: { start: "2026-01-01", end: "2027-12-31" },
      targetLevel: "commune",
      deadline: "2028-01-10",
    })
  ).body.id;
  const model = await commune.json("POST", "/api/models", {
    unitCode: "30037",
    year: 2026,
    name: "Mô hình nhận tệp đính kèm",
    fieldCode: "economy",
    kind: "collective",
    details: {},
    startedOn: "2026-01-01",
  });
  expect(model.status, JSON.stringify(model.body)).toBe(201);
  modelId = model.body.id;
});

async function stored(): Promise<string> {
  const r = await sql<{ f: string }>`
    select concat_ws('|', (select count(*) from dvk_model), (select count(*) from dvk_model_year),
      (select coalesce(sum(version), 0) from submission), (select count(*) from submission_revision)) as f`.execute(
    t.db,
  );
  return r.rows[0]?.f ?? "";
}

async function refused(res: Response, status: number, limit: string) {
  const body = (await res.json()) as {
    error: { code: string; message_vi: string; message_en: string; details: { limit: string } };
  };
  expect(res.status, JSON.stringify(body)).toBe(status);
  expect(body.error.code).toBe("limit_exceeded");
  expect(body.error.details.limit).toBe(limit);
  expect(body.error.message_vi.length).toBeGreaterThan(10);
  expect(body.error.message_en.length).toBeGreaterThan(10);
}

const modelsUpload = (file: Buffer) =>
  commune.request("POST", "/api/models/excel?unit=30037&year=2026", new Uint8Array(file), {
    "content-type": XLSX_TYPE,
  });
const templateUpload = (file: Buffer) =>
  commune.request("POST", `/api/requests/${requestId}/excel`, new Uint8Array(file), {
    "content-type": XLSX_TYPE,
  });

describe("hostile uploads are refused, naming the limit, and store nothing", () => {
  it("a models workbook of 1,000,000 rows", { timeout: 60_000 }, async () => {
    const before = await stored();
    const file = manyRows("Mô hình", 1_000_000);
    expect(file.length).toBeLessThan(32 * 1024 * 1024);
    await refused(await modelsUpload(file), 422, "rows");
    expect(await stored()).toBe(before);
  });

  it("a 300 KB workbook whose one row unpacks to 300 MB of spaces", { timeout: 60_000 }, async () => {
    const before = await stored();
    const file = spacesInARow("Mô hình", 300);
    expect(file.length).toBeLessThan(1024 * 1024);
    await refused(await modelsUpload(file), 422, "rowBytes");
    await refused(await templateUpload(spacesInARow("Số liệu", 300)), 422, "rowBytes");
    expect(await stored()).toBe(before);
  });

  it("a workbook of ordinary rows that unpacks to 300 MB", { timeout: 60_000 }, async () => {
    const before = await stored();
    await refused(await templateUpload(spacesBetweenRows("Số liệu", 300)), 413, "inflatedBytes");
    expect(await stored()).toBe(before);
  });

  it("a DHIS2 CSV with one 10 MB quoted field", { timeout: 60_000 }, async () => {
    const before = await stored();
    const res = await commune.request(
      "POST",
      `/api/requests/${requestId}/dataValueSets.csv`,
      new Uint8Array(endlessQuotedField(10)),
      {
        "content-type": "text/csv",
      },
    );
    await refused(res, 422, "cellChars");
    expect(await stored()).toBe(before);
  });

  it("a table to export of more rows than an export may have", async () => {
    const res = await commune.request("POST", "/api/export/xlsx", {
      title: "'Bảng' quá lớn",
      columns: ["A"],
      rows: Array.from({ length: 50_001 }, (_, i) => [i]),
    });
    await refused(res, 422, "exportRows");
    // a title with apostrophes at its ends is a good sheet name once they are dropped
    const ok = await commune.request("POST", "/api/export/xlsx", {
      title: "'Bảng'",
      columns: ["A"],
      rows: [[1]],
    });
    expect(ok.status).toBe(200);
  });

  it("attachments that unpack past the limit or claim 10 gigapixels", { timeout: 60_000 }, async () => {
    const attach = (name: string, file: Buffer) =>
      commune.request("POST", `/api/models/${modelId}/attachments?filename=${name}`, new Uint8Array(file), {
        "content-type": "application/octet-stream",
      });
    await refused(await attach("bao-cao.docx", docxBomb(300)), 413, "inflatedBytes");
    await refused(await attach("anh.png", pngPixelBomb(100_000, 100_000)), 422, "imagePixels");
    const m = await commune.json("GET", `/api/models/${modelId}`);
    expect(m.body.attachments).toEqual([]);
  });

  it("a read that takes longer than its limit is stopped, naming the limit", {
    timeout: 60_000,
  }, async () => {
    const slow = new Offload({ limits: { ...DEFAULT_LIMITS, rows: 2_000_000, seconds: 1 } });
    try {
      const err = await slow
        .readSheet(new Uint8Array(manyRows("Mô hình", 1_000_000)), "Mô hình")
        .catch((e) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).status).toBe(422);
      expect((err as AppError).details).toEqual({ limit: "seconds", max: 1 });
    } finally {
      await slow.close();
    }
  });

  it("the server is still answering", async () => {
    expect((await t.anonymous.request("GET", "/api/health")).status).toBe(200);
  });
});
