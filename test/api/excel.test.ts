/** Excel templates for a request: download, fill offline, upload — all valid or nothing stored. */
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { bodyOf, createTestApp, type TestClient } from "../helpers.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
let province: TestClient;
let commune: TestClient;
let requestId: number;
let otherRequestId: number;
let subId: number;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

beforeAll(async () => {
  t = await createTestApp();
  province = await t.login("dongthap");
  commune = await t.login("xa.thapmuoi");
  const formId = (await province.json("GET", "/api/forms")).body.items.find(
    (f: { code: string }) => f.code === "dvcq-thap-muoi",
  ).id;
  const issue = async (period: string) =>
    (
      await province.json("POST", "/api/requests", {
        issuerUnitCode: "82",
        formId,
        period: { code: period },
        targetLevel: "commune",
      })
    ).body.id as number;
  requestId = await issue("2026");
  otherRequestId = await issue("2027");
  subId = (await province.json("GET", `/api/requests/${requestId}`)).body.targets.find(
    (x: { unitCode: string }) => x.unitCode === "30037",
  ).id;
});

async function download(c: TestClient, id: number, query = "") {
  const res = await c.request("GET", `/api/requests/${id}/excel${query}`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe(XLSX);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
  return wb;
}

async function upload(c: TestClient, id: number, wb: ExcelJS.Workbook, query = "") {
  const body = new Uint8Array(await wb.xlsx.writeBuffer());
  return c.request("POST", `/api/requests/${id}/excel${query}`, body, { "content-type": XLSX });
}

function rowOf(ws: ExcelJS.Worksheet, code: string, combo = ""): number {
  for (let r = 5; r <= ws.rowCount; r++) {
    if (ws.getCell(`C${r}`).value === code && (ws.getCell(`D${r}`).value ?? "") === combo) return r;
  }
  throw new Error(`no row for ${code} ${combo}`);
}

describe("Excel template", () => {
  it("gives the commune its own rows, with the request's number and period", async () => {
    const wb = await download(commune, requestId);
    const ws = wb.getWorksheet("Số liệu");
    if (!ws) throw new Error("sheet missing");
    expect(ws.getCell("B2").value).toBe(requestId);
    expect(ws.getCell("D2").value).toBe("2026");
    expect(ws.getRow(4).values).toEqual([
      undefined,
      "Mã đơn vị",
      "Đơn vị",
      "Mã chỉ tiêu",
      "Phân tổ",
      "Chỉ tiêu",
      "Đơn vị tính",
      "Giá trị",
    ]);
    const units = new Set<string>();
    for (let r = 5; r <= ws.rowCount; r++) units.add(String(ws.getCell(`A${r}`).value));
    expect([...units]).toEqual(["30037"]);
    expect(ws.getCell(`D${rowOf(ws, "DVK_MODELS_TOTAL", "field=kinh tế")}`).value).toBe("field=kinh tế");
  });

  it("gives the province every commune", async () => {
    const wb = await download(province, requestId);
    const ws = wb.getWorksheet("Số liệu");
    const units = new Set<string>();
    for (let r = 5; r <= (ws?.rowCount ?? 0); r++) units.add(String(ws?.getCell(`A${r}`).value));
    expect(units.size).toBeGreaterThan(90);
  });

  it("refuses a file with one bad cell, naming it, and stores nothing", async () => {
    const wb = await download(commune, requestId);
    const ws = wb.getWorksheet("Số liệu") as ExcelJS.Worksheet;
    ws.getCell(`G${rowOf(ws, "DVK_MODELS_NEW")}`).value = 1354;
    const badRow = rowOf(ws, "DVK_MODELS_KEPT");
    ws.getCell(`G${badRow}`).value = "sáu trăm";
    const res = await upload(commune, requestId, wb);
    expect(res.status).toBe(400);
    const body = await bodyOf(res);
    expect(body.error.code).toBe("import_failed");
    expect(body.error.details).toContainEqual(expect.objectContaining({ field: `Số liệu!G${badRow}` }));
    const s = (await commune.json("GET", `/api/submissions/${subId}`)).body.submission;
    expect(s.values).toEqual({});
  });

  it("imports a valid file (numbers or Vietnamese-formatted text) into the draft", async () => {
    const wb = await download(commune, requestId);
    const ws = wb.getWorksheet("Số liệu") as ExcelJS.Worksheet;
    ws.getCell(`G${rowOf(ws, "DVK_MODELS_TOTAL")}`).value = "2.011";
    ws.getCell(`G${rowOf(ws, "DVK_MODELS_NEW")}`).value = 1354;
    ws.getCell(`G${rowOf(ws, "DVK_MODELS_KEPT")}`).value = 657;
    ws.getCell(`G${rowOf(ws, "ONLINE_DOSSIER_SHARE")}`).value = "50,43";
    const dry = await upload(commune, requestId, wb, "?dryRun=true");
    expect((await bodyOf(dry)).importCount.imported).toBe(4);
    expect((await commune.json("GET", `/api/submissions/${subId}`)).body.submission.values).toEqual({});
    const res = await upload(commune, requestId, wb);
    expect(res.status).toBe(200);
    expect((await bodyOf(res)).importCount).toEqual({ imported: 4, updated: 0, ignored: 0, deleted: 0 });
    const s = (await commune.json("GET", `/api/submissions/${subId}`)).body.submission;
    expect(s.values).toEqual({
      DVK_MODELS_TOTAL: { "": "2011" },
      DVK_MODELS_NEW: { "": "1354" },
      DVK_MODELS_KEPT: { "": "657" },
      ONLINE_DOSSIER_SHARE: { "": "50.43" },
    });
    // the next download carries the values
    const again = (await download(commune, requestId)).getWorksheet("Số liệu") as ExcelJS.Worksheet;
    expect(again.getCell(`G${rowOf(again, "DVK_MODELS_TOTAL")}`).value).toBe(2011);
  });

  it("finds the sheet “Số liệu” behind a sheet the official added in front of it", async () => {
    const template = (await download(commune, requestId)).getWorksheet("Số liệu") as ExcelJS.Worksheet;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Ghi chú").addRow(["Mã yêu cầu", 999, "Kỳ", "1999"]); // row 1 of a sheet read before
    const notes = wb.addWorksheet("Ghi chú 2");
    notes.getCell("B2").value = 999; // what the template keeps in B2, on the wrong sheet
    const ws = wb.addWorksheet("Số liệu");
    template.eachRow((row, n) => {
      ws.getRow(n).values = row.values as ExcelJS.CellValue[];
    });
    ws.getCell(`G${rowOf(ws, "DVK_MODELS_NEW")}`).value = "1.400";
    const res = await upload(commune, requestId, wb, "?dryRun=true");
    expect(res.status).toBe(200);
    expect((await bodyOf(res)).importCount).toEqual({ imported: 0, updated: 1, ignored: 3, deleted: 0 });
  });

  it("refuses another request's template, a changed header and a file that is not Excel", async () => {
    const wb = await download(commune, otherRequestId);
    const res = await upload(commune, requestId, wb);
    expect(res.status).toBe(400);
    expect((await bodyOf(res)).error.message_vi).toMatch(/^Số liệu!B2: /);
    const wb2 = await download(commune, requestId);
    (wb2.getWorksheet("Số liệu") as ExcelJS.Worksheet).getCell("G4").value = "Số";
    expect((await upload(commune, requestId, wb2)).status).toBe(400);
    const junk = await commune.request(
      "POST",
      `/api/requests/${requestId}/excel`,
      new TextEncoder().encode("not a zip"),
      {
        "content-type": XLSX,
      },
    );
    expect(junk.status).toBe(400);
    expect((await bodyOf(junk)).error.message_vi).toBe("Không đọc được tệp Excel (.xlsx)");
  });

  it("is not available outside one's units", async () => {
    const other = await t.login("thainguyen");
    expect((await other.request("GET", `/api/requests/${requestId}/excel`)).status).toBe(404);
  });
});

describe("POST /api/export/xlsx", () => {
  it("turns any table into a workbook, numbers kept numeric", async () => {
    const res = await commune.request("POST", "/api/export/xlsx", {
      title: "Tổng hợp số liệu",
      columns: ["Chỉ tiêu", "Giá trị"],
      rows: [
        ["Mô hình “Dân vận khéo”", 2011],
        ["Tỷ lệ hồ sơ trực tuyến", 50.43],
        ["Ghi chú", null],
      ],
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("filename*=UTF-8''T%E1%BB%95ng");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(ws.getCell("A1").value).toBe("Tổng hợp số liệu");
    expect(ws.getRow(3).values).toEqual([undefined, "Chỉ tiêu", "Giá trị"]);
    expect(ws.getCell("B4").value).toBe(2011);
    expect(ws.getCell("B5").value).toBe(50.43);
    expect(
      (await commune.json("POST", "/api/export/xlsx", { title: "", columns: [], rows: [] })).status,
    ).toBe(400);
  });
});
