/**
 * A consolidated report as an official document: the requester's text and the rolled-up figures,
 * numbered from the registry, in DOCX and PDF with the same content.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestClient } from "../helpers.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
let province: TestClient;
let requestId: number;
let committee: number;

const SIGNATURE = {
  authority: ["TM. Ủy ban nhân dân", "KT. Chủ tịch", "Phó Chủ tịch"],
  signer: "Nguyễn Văn A",
};
const RECIPIENTS = ["Ban Tuyên giáo và Dân vận Tỉnh ủy", "Lưu: VT, NC"];

beforeAll(async () => {
  t = await createTestApp({ demoReports: true });
  province = await t.login("dongthap");
  const list = await province.json("GET", "/api/requests");
  requestId = list.body.items.find((r: { periodCode: string }) => r.periodCode === "2025").id;
  const bodies = await province.json("GET", "/api/units/82/bodies");
  committee = bodies.body.items.find((b: { kind: string }) => b.kind === "people_committee").id;
  const summary = await province.json("GET", `/api/requests/${requestId}/summary`);
  const saved = await province.json("PUT", `/api/requests/${requestId}/summary`, {
    version: summary.body.version,
    narrative: {
      I: "Tình hình chính trị ổn định[^1]; Nhân dân tin tưởng.\n[^1]: Theo báo cáo của các xã, phường.",
      "IV.1": "Các xã triển khai nghiêm túc công tác dân vận chính quyền.",
    },
  });
  expect(saved.status).toBe(200);
});

async function download(body: object) {
  const res = await province.request("POST", `/api/requests/${requestId}/document`, {
    bodyId: committee,
    place: "Đồng Tháp",
    recipients: RECIPIENTS,
    signature: SIGNATURE,
    ...body,
  });
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

function pdfText(bytes: Uint8Array): string {
  const dir = mkdtempSync(path.join(tmpdir(), "danvan-pdf-"));
  const file = path.join(dir, "doc.pdf");
  writeFileSync(file, bytes);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}

describe("POST /api/requests/{id}/document", () => {
  it("fills a section the requester did not write with the units' accepted text, under their names", async () => {
    const { res, bytes } = await download({ format: "docx" });
    expect(res.status).toBe(200);
    const doc = strFromU8(unzipSync(bytes)["word/document.xml"] as Uint8Array);
    // V. Phương hướng: written by no one at the province, compiled from the communes
    expect(doc).toContain("V. PHƯƠNG HƯỚNG, NHIỆM VỤ");
    expect(doc).toMatch(/Xã [^<]+: Tiếp tục thực hiện tốt quy chế dân chủ ở cơ sở/);
    // the excerpt names the report, not how its form was chosen; the place is the unit's name by default
    expect(doc).toContain("Kết quả thực hiện công tác dân vận chính quyền năm 2025");
    expect(doc).not.toContain("đề cương Tháp Mười");
    const placed = await province.request("POST", `/api/requests/${requestId}/document`, {
      format: "docx",
      bodyId: committee,
      recipients: RECIPIENTS,
      signature: SIGNATURE,
    });
    expect(placed.status).toBe(200);
    expect(
      strFromU8(unzipSync(new Uint8Array(await placed.arrayBuffer()))["word/document.xml"] as Uint8Array),
    ).toMatch(/Đồng Tháp, ngày/);
  });

  it("names the empty sections before taking a number, and takes one only when confirmed", async () => {
    const forms = (await province.json("GET", "/api/forms")).body.items;
    const fresh = await province.json("POST", "/api/requests", {
      issuerUnitCode: "82",
      formId: forms.find((f: { code: string }) => f.code === "dvcq-thap-muoi").id,
      period: { start: "2026-10-01", end: "2026-10-31" },
      targetLevel: "commune",
      deadline: "2026-11-20",
    });
    expect(fresh.status).toBe(201);
    const body = { format: "docx", bodyId: committee, recipients: RECIPIENTS, signature: SIGNATURE };
    const refused = await province.json("POST", `/api/requests/${fresh.body.id}/document`, {
      ...body,
      takeNumber: true,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe("empty_sections");
    expect(refused.body.error.message_vi).toContain("V. Phương hướng, nhiệm vụ");
    expect(refused.body.error.details.sections).toContain("V");
    // nothing was taken: the registry did not move
    const numbers = await province.json("GET", `/api/bodies/${committee}/document-numbers`);
    const before = numbers.body.items.length;
    // a draft without a number is fine; a number once confirmed
    expect((await province.request("POST", `/api/requests/${fresh.body.id}/document`, body)).status).toBe(
      200,
    );
    const confirmed = await province.request("POST", `/api/requests/${fresh.body.id}/document`, {
      ...body,
      takeNumber: true,
      allowEmptySections: true,
    });
    expect(confirmed.status).toBe(200);
    expect((await province.json("GET", `/api/bodies/${committee}/document-numbers`)).body.items.length).toBe(
      before + 1,
    );
  });

  it("takes a number and writes the DOCX: header, the requester's text with its footnote, the figures", async () => {
    const { res, bytes } = await download({ format: "docx", takeNumber: true });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("wordprocessingml");
    const symbol = decodeURIComponent(res.headers.get("x-document-number") ?? "");
    expect(symbol).toMatch(/^\d{2,}\/BC-UBND$/);
    expect(res.headers.get("content-disposition")).toContain(
      `${symbol.replace("/", "-").toLowerCase()}.docx`,
    );
    const files = unzipSync(bytes);
    const doc = strFromU8(files["word/document.xml"] as Uint8Array);
    expect(doc).toContain("ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP");
    expect(doc).toContain(`Số: ${symbol}`);
    expect(doc).toMatch(/Đồng Tháp, ngày \d{2} tháng \d{1,2} năm \d{4}/);
    expect(doc).toContain("I. ĐẶC ĐIỂM TÌNH HÌNH");
    expect(doc).toContain("Tình hình chính trị ổn định");
    expect(strFromU8(files["word/footnotes.xml"] as Uint8Array)).toContain(
      "Theo báo cáo của các xã, phường.",
    );
    expect(doc).toContain("Tổng số mô hình “Dân vận khéo”");
    expect(doc).toMatch(/>\d{1,3}(\.\d{3})*</); // figures the Vietnamese way
    expect(doc).toContain("- Lưu: VT, NC.");
    expect(doc).toContain("KT. CHỦ TỊCH");
    // the number is in the registry, and the same number serves the PDF
    const registry = await province.json("GET", `/api/bodies/${committee}/document-numbers`);
    const entry = registry.body.items.find((x: { symbol: string }) => x.symbol === symbol);
    expect(entry.title).toContain("Báo cáo");
    const pdf = await download({ format: "pdf", numberId: Number(res.headers.get("x-document-number-id")) });
    expect(pdf.res.status).toBe(200);
    expect(pdf.res.headers.get("content-type")).toBe("application/pdf");
    const text = pdfText(pdf.bytes);
    for (const line of [
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      `Số: ${symbol}`,
      "I. ĐẶC ĐIỂM TÌNH HÌNH",
      "Tình hình chính trị ổn định¹",
      "¹ Theo báo cáo của các xã, phường.",
      "Nơi nhận:",
      "TM. ỦY BAN NHÂN DÂN",
      "Nguyễn Văn A",
    ]) {
      expect(text).toContain(line);
    }
  });

  it("enters the numbered report once in the unit's registry, requested by the công văn it cites", async () => {
    const request = (await province.json("GET", `/api/requests/${requestId}`)).body;
    expect(request.referenceNo).toMatch(/-CV\/BTGDVTU$/);
    const cited = await province.json("POST", "/api/registry", {
      unitCode: "82",
      direction: "incoming",
      numberSymbol: request.referenceNo,
      issuerName: "Ban Tuyên giáo và Dân vận Tỉnh ủy Đồng Tháp",
      issuedOn: "2025-11-20",
      excerpt: "Về việc báo cáo công tác dân vận năm 2025",
    });
    expect(cited.status).toBe(201);
    const first = await download({ format: "docx", takeNumber: true });
    expect(first.res.status).toBe(200);
    const numberId = Number(first.res.headers.get("x-document-number-id"));
    const symbol = decodeURIComponent(first.res.headers.get("x-document-number") ?? "");
    const entryId = Number(first.res.headers.get("x-registry-document-id"));
    expect(entryId).toBeGreaterThan(0);
    const entry = await province.json("GET", `/api/registry/${entryId}`);
    expect(entry.status).toBe(200);
    expect(entry.body).toMatchObject({
      unitCode: "82",
      direction: "outgoing",
      typeCode: "BC",
      numberSymbol: symbol,
      issuerName: "Ủy ban nhân dân tỉnh Đồng Tháp",
      documentNumberId: numberId,
    });
    expect(entry.body.excerpt).toMatch(/^Báo cáo /);
    expect(entry.body.bodyText).toContain("Tình hình chính trị ổn định");
    expect(entry.body.relations).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: "requested_by", id: cited.body.id })]),
    );
    // the report's own text is searchable in the registry
    const found = await province.json(
      "GET",
      `/api/registry?unit=82&q=${encodeURIComponent("chinh tri on dinh")}`,
    );
    expect(found.body.items.map((d: { id: number }) => d.id)).toContain(entryId);
    // rendering the same number again (the PDF) keeps the one entry
    const again = await download({ format: "pdf", numberId });
    expect(Number(again.res.headers.get("x-registry-document-id"))).toBe(entryId);
    const bySymbol = await province.json("GET", `/api/registry?unit=82&q=${encodeURIComponent(symbol)}`);
    expect(bySymbol.body.items).toHaveLength(1);
    // a draft is not an issued document: no entry
    const draft = await download({ format: "docx" });
    expect(draft.res.headers.get("x-registry-document-id")).toBeNull();
  });

  it("leaves the number blank on a draft, and refuses bad input with a 4xx", async () => {
    const draft = await download({ format: "docx" });
    expect(draft.res.status).toBe(200);
    expect(strFromU8(unzipSync(draft.bytes)["word/document.xml"] as Uint8Array)).toContain(
      "Số:       /BC-UBND",
    );
    const thai = await t.login("thainguyen");
    const foreign = (await thai.json("GET", "/api/units/19/bodies")).body.items[0].id;
    expect((await download({ format: "docx", bodyId: foreign })).res.status).toBe(400);
    expect((await download({ format: "docx", numberId: 99999999 })).res.status).toBe(400);
    const numbers = async () =>
      (await province.json("GET", `/api/bodies/${committee}/document-numbers`)).body.items.length as number;
    const before = await numbers();
    const badPrefix = await download({
      format: "docx",
      takeNumber: true,
      signature: { authority: ["XX. Chủ tịch"], signer: "A" },
    });
    expect(badPrefix.res.status).toBe(400);
    expect(await numbers()).toBe(before); // bad input never uses a number up
    expect((await download({ format: "odt" })).res.status).toBe(400);
    const outsider = await thai.request("POST", `/api/requests/${requestId}/document`, {
      format: "docx",
      bodyId: committee,
      place: "Đồng Tháp",
      recipients: [],
      signature: SIGNATURE,
    });
    expect(outsider.status).toBe(404);
  });
});
