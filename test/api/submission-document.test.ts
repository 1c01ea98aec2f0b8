/**
 * Every body's answer is its own document: a commune's Đảng ủy answers in the Party layout and a commune's
 * Front in the Front's, each numbered from its own registry and entered as outgoing, related to the công văn
 * that asked; secrecy and urgency printed under the number; the signature block checked by the family's rule,
 * where it is kept (the body) and where it is given (the document).
 */
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestClient } from "../helpers.ts";

let admin: TestClient;
let province: TestClient;
let commune: TestClient;
const bodies: Record<string, { id: number; version: number }> = {};
const subs: Record<string, number> = {};
let cvId: number;

beforeAll(async () => {
  const t = await createTestApp();
  admin = await t.login("admin");
  province = await t.login("dongthap");
  commune = await t.login("xa.thapmuoi");
  for (const unit of ["82", "30037"]) {
    for (const b of (await province.json("GET", `/api/units/${unit}/bodies`)).body.items)
      bodies[`${unit}.${b.kind}`] = b;
  }
  const formId = (await province.json("GET", "/api/forms")).body.items.find(
    (f: { code: string }) => f.code === "dvcq-thap-muoi",
  ).id;
  const cv = await province.json("POST", "/api/registry", {
    unitCode: "82",
    direction: "outgoing",
    numberSymbol: "45-CV/BTGDVTU",
    issuerName: "Ban Tuyên giáo và Dân vận Tỉnh ủy",
    issuedOn: "2026-07-03",
    excerpt: "V/v báo cáo công tác dân vận quý III năm 2026",
  });
  cvId = cv.body.id;
  const r = await province.json("POST", "/api/requests", {
    issuerUnitCode: "82",
    issuerBodyId: bodies["82.propaganda_mass_mobilization_board"]?.id,
    formId,
    period: { code: "2026Q3" },
    citedDocumentId: cvId,
    targetBodyIds: [bodies["30037.party_committee"]?.id, bodies["30037.fatherland_front"]?.id],
    allowOverlap: true,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const detail = await province.json("GET", `/api/requests/${r.body.id}`);
  for (const target of detail.body.targets as { id: number; bodyId: number }[]) {
    const kind = Object.entries(bodies).find(([, b]) => b.id === target.bodyId)?.[0] ?? "";
    subs[kind] = target.id;
  }
});

const docx = async (sub: number, body: object) => {
  const r = await commune.request("POST", `/api/submissions/${sub}/document`, { format: "docx", ...body });
  const text =
    r.status === 200
      ? strFromU8(unzipSync(new Uint8Array(await r.arrayBuffer()))["word/document.xml"] as Uint8Array)
      : await r.text();
  return { status: r.status, text, headers: r.headers };
};

describe("a body's answer as its own document", () => {
  it("keeps the signature block with the body, checked by its family's rule", async () => {
    const party = bodies["30037.party_committee"] as { id: number; version: number };
    const wrong = await commune.json("PATCH", `/api/bodies/${party.id}`, {
      version: party.version,
      signing: { authority: ["TM. Ban Thường vụ", "Bí thư"], signer: "Lê Văn C" },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details.field).toBe("signing.authority");
    expect(wrong.body.error.message_vi).toContain("T/M");
    const kept = await commune.json("PATCH", `/api/bodies/${party.id}`, {
      version: party.version,
      signing: { authority: ["T/M Ban Thường vụ", "Bí thư"], signer: "Lê Văn C" },
      usualRecipients: ["Các đồng chí Ủy viên Ban Thường vụ"],
      archiveLine: "Lưu: VPĐU",
    });
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
    expect(kept.body.signing.authority).toEqual(["T/M Ban Thường vụ", "Bí thư"]);
    const audit = await admin.json("GET", "/api/audit?entity=body");
    expect(audit.body.items.some((e: { entityId: string }) => e.entityId === String(party.id))).toBe(true);
  });

  it("the Đảng ủy xã answers in the Party layout, numbered from its own sequence, marked secret and urgent", async () => {
    const sub = subs["30037.party_committee"] as number;
    const cur = await commune.json("GET", `/api/submissions/${sub}`);
    await commune.json("PUT", `/api/submissions/${sub}`, {
      version: cur.body.submission.version,
      narrative: { I: "Tình hình ổn định.[^a]\n\n[^a]: Theo báo cáo của các chi bộ." },
    });
    const r = await docx(sub, {
      takeNumber: true,
      allowEmptySections: true,
      secrecy: "Mật",
      urgency: "Khẩn",
    });
    expect(r.status, r.text.slice(0, 300)).toBe(200);
    expect(r.text).toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(r.text).not.toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    const symbol = decodeURIComponent(r.headers.get("x-document-number") ?? "");
    expect(symbol).toMatch(/^\d+-BC\/ĐU$/);
    expect(r.text).toContain(`Số ${symbol}`);
    for (const line of ["MẬT", "KHẨN", "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Lê Văn C"])
      expect(r.text).toContain(line);
    // Nơi nhận: the body that asked (of another unit: its full name), the usual ones, the archive line
    expect(r.text).toContain("- Ban Tuyên giáo và Dân vận Tỉnh ủy Đồng Tháp;");
    expect(r.text).toContain("- Các đồng chí Ủy viên Ban Thường vụ;");
    expect(r.text).toContain("- Lưu: VPĐU.");
    expect(r.text).toContain("Đảng ủy xã Tháp Mười báo cáo như sau:");
    // entered in the commune's registry as outgoing, related to the công văn that asked
    const entry = await province.json("GET", `/api/registry/${r.headers.get("x-registry-document-id")}`);
    expect(entry.body).toMatchObject({ unitCode: "30037", direction: "outgoing", numberSymbol: symbol });
    expect(entry.body.relations).toContainEqual(expect.objectContaining({ kind: "requested_by", id: cvId }));
    // the answer keeps its number: both sides see it, and asking again prints the same one, never a second
    const detail = await province.json("GET", `/api/submissions/${sub}`);
    expect(detail.body.submission.document).toEqual({
      symbol,
      registryDocumentId: Number(r.headers.get("x-registry-document-id")),
    });
    const again = await docx(sub, { takeNumber: true, allowEmptySections: true });
    expect(again.status).toBe(200);
    expect(decodeURIComponent(again.headers.get("x-document-number") ?? "")).toBe(symbol);
    const plain = await docx(sub, { allowEmptySections: true });
    expect(plain.text).toContain(`Số ${symbol}`);
  });

  it("the Front answers under the Quốc hiệu, and needs a signature block when its body keeps none", async () => {
    const sub = subs["30037.fatherland_front"] as number;
    const none = await docx(sub, {});
    expect(none.status).toBe(400);
    expect(JSON.parse(none.text).error.details.field).toBe("signature");
    const r = await docx(sub, {
      signature: { authority: ["TM. Ban Thường trực", "Chủ tịch"], signer: "Trần Thị D" },
      urgency: "Thượng khẩn",
    });
    expect(r.status, r.text.slice(0, 300)).toBe(200);
    expect(r.text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(r.text).toContain("THƯỢNG KHẨN");
    expect(r.text).toContain("/BC-MTTQ");
    // a Party prefix on a Front document is refused, naming the field
    const wrong = await docx(sub, {
      signature: { authority: ["T/M Ban Thường trực", "Chủ tịch"], signer: "D" },
    });
    expect(wrong.status).toBe(400);
    expect(JSON.parse(wrong.text).error.details.field).toBe("signature");
  });

  it("numbered by two at once, takes one number: the other is told to reload, and no second number is left", async () => {
    const sub = subs["30037.fatherland_front"] as number;
    const front = bodies["30037.fatherland_front"] as { id: number };
    const numbers = async () =>
      (await province.json("GET", `/api/registry?unit=30037&direction=outgoing&limit=200`)).body.items.filter(
        (e: { numberSymbol: string }) => e.numberSymbol.endsWith("/BC-MTTQ"),
      ).length;
    const before = await numbers();
    const take = () =>
      docx(sub, {
        takeNumber: true,
        allowEmptySections: true,
        bodyId: front.id,
        signature: { authority: ["TM. Ban Thường trực", "Chủ tịch"], signer: "Trần Thị D" },
      });
    const answers = await Promise.all([take(), take(), take()]);
    const ok = answers.filter((a) => a.status === 200);
    // a request that began after the first had kept its number prints that number again
    for (const a of answers.filter((x) => x.status !== 200)) {
      expect(a.status).toBe(409);
      expect(JSON.parse(a.text).error.message_vi).toContain("tải lại");
    }
    expect(new Set(ok.map((a) => a.headers.get("x-document-number"))).size).toBe(1);
    expect(await numbers()).toBe(before + 1);
  });

  it("is the reporting body's: the requester's editors may read the answer but not issue it", async () => {
    const r = await province.request("POST", `/api/submissions/${subs["30037.fatherland_front"]}/document`, {
      format: "docx",
      bodyId: bodies["82.people_committee"]?.id,
    });
    expect([400, 403]).toContain(r.status);
  });
});
