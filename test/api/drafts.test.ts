import { strFromU8, unzipSync } from "fflate";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, pdfText, type TestClient } from "../helpers.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
let province: TestClient;
let commune: TestClient;
let other: TestClient;
const bodies: Record<string, number> = {};
const SIGNATURE = {
  authority: ["TM. Ủy ban nhân dân", "KT. Chủ tịch", "Phó Chủ tịch"],
  signer: "Nguyễn Văn A",
};

beforeAll(async () => {
  t = await createTestApp();
  province = await t.login("dongthap");
  commune = await t.login("xa.thapmuoi");
  other = await t.login("thainguyen");
  for (const unit of ["82", "30037"])
    for (const b of (await province.json("GET", `/api/units/${unit}/bodies`)).body.items)
      bodies[`${unit}.${b.kind}`] = b.id;
});

const docxText = async (r: Response) =>
  strFromU8(unzipSync(new Uint8Array(await r.arrayBuffer()))["word/document.xml"] as Uint8Array);

describe("templates", () => {
  it("give a State body every kind but Kết luận, a Party body all eight", async () => {
    const state = await province.json(
      "GET",
      `/api/bodies/${bodies["82.people_committee"]}/document-templates`,
    );
    expect(state.status).toBe(200);
    expect(state.body.items.map((x: { kind: string }) => x.kind)).toEqual([
      "CV",
      "KH",
      "QĐ",
      "TB",
      "BC",
      "CTr",
      "HD",
    ]);
    const party = await province.json(
      "GET",
      `/api/bodies/${bodies["82.propaganda_mass_mobilization_board"]}/document-templates`,
    );
    expect(party.body.items.map((x: { kind: string }) => x.kind)).toContain("KL");
    expect(party.body.items.find((x: { kind: string }) => x.kind === "CV")).toMatchObject({ typeCode: "CV" });
  });
  it("are refused for a body one may not read", async () => {
    const r = await other.json("GET", `/api/bodies/${bodies["82.people_committee"]}/document-templates`);
    expect(r.status).toBe(404);
  });
});

describe("a Kế hoạch drafted, issued, then tracked", () => {
  let id: number;
  let version: number;
  it("starts from the template, with the body's recipients", async () => {
    const r = await province.json("POST", "/api/drafts", {
      bodyId: bodies["82.people_committee"],
      kind: "KH",
      excerpt: "Triển khai công tác dân vận chính quyền năm 2027",
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.sections.map((s: { title: string }) => s.title)).toContain("II. NỘI DUNG, NHIỆM VỤ");
    expect(r.body.recipients.at(-1)).toMatch(/^Lưu/);
    expect(r.body.status).toBe("draft");
    id = r.body.id;
    version = r.body.version;
  });

  it("is corrected with its version: a stale one is refused, a task outside the unit too", async () => {
    const edit = {
      version,
      sections: [
        {
          title: "I. MỤC ĐÍCH, YÊU CẦU",
          level: 1,
          text: "Nâng cao chất lượng[^1].\n[^1]: Theo Nghị quyết 01-NQ/TU.",
        },
        {
          title: "II. NỘI DUNG, NHIỆM VỤ",
          level: 1,
          text: "- Tiếp công dân định kỳ;\n- Đối thoại với Nhân dân.",
        },
      ],
      tasks: [{ title: "Tổ chức đối thoại với Nhân dân", assigneeUnitCode: "30037", dueOn: "2027-06-30" }],
      signature: SIGNATURE,
    };
    const ok = await province.json("PUT", `/api/drafts/${id}`, edit);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.version).toBe(version + 1);
    const stale = await province.json("PUT", `/api/drafts/${id}`, { ...edit, excerpt: "Khác" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message_vi).toBeTruthy();
    const far = await province.json("PUT", `/api/drafts/${id}`, {
      version: ok.body.version,
      tasks: [{ title: "Ngoài tỉnh", assigneeUnitCode: "19", dueOn: "2027-06-30" }],
    });
    expect(far.status).toBe(400);
    expect(far.body.error.details.field).toBe("tasks.0.assigneeUnitCode");
    version = ok.body.version;
  });

  it("is previewed without a number", async () => {
    const r = await province.request("POST", `/api/drafts/${id}/document`, { format: "pdf" });
    expect(r.status).toBe(200);
    expect(r.headers.get("x-document-number")).toBeNull();
    const text = await pdfText(r);
    for (const line of [
      "KẾ HOẠCH",
      "Triển khai công tác dân vận chính quyền năm 2027",
      "Đơn vị thực hiện",
      "Xã Tháp Mười",
    ])
      expect(text).toContain(line);
    expect(text).toMatch(/Số:\s+\/KH-UBND/);
    expect(text).toContain("Tổ chức đối thoại với Nhân dân");
    expect(text).toContain("30/06/2027");
  });

  it("is issued: numbered from the body's registry and entered there; then it cannot change", async () => {
    const r = await province.request("POST", `/api/drafts/${id}/document`, {
      format: "docx",
      issue: { version },
    });
    expect(r.status).toBe(200);
    const symbol = decodeURIComponent(r.headers.get("x-document-number") ?? "");
    expect(symbol).toMatch(/^\d+\/KH-UBND$/);
    expect(await docxText(r)).toContain(`Số: ${symbol}`);
    const d = await province.json("GET", `/api/drafts/${id}`);
    expect(d.body).toMatchObject({
      status: "issued",
      registryDocumentId: Number(r.headers.get("x-registry-document-id")),
    });
    const entry = await province.json("GET", `/api/registry/${d.body.registryDocumentId}`);
    expect(entry.body.numberSymbol).toBe(symbol);
    expect(entry.body.excerpt).toBe("Kế hoạch triển khai công tác dân vận chính quyền năm 2027");
    const again = await province.json("PUT", `/api/drafts/${id}`, {
      version: d.body.version,
      excerpt: "Khác",
    });
    expect(again.status).toBe(409);
    version = d.body.version;
  });

  it("becomes the tracked plan with its tasks, once", async () => {
    const r = await province.json("POST", `/api/drafts/${id}/plan`, { version });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const plan = await province.json("GET", `/api/plans/${r.body.planId}`);
    expect(plan.body.title).toBe("Triển khai công tác dân vận chính quyền năm 2027");
    expect(plan.body.tasks.map((t: { title: string }) => t.title)).toEqual([
      "Tổ chức đối thoại với Nhân dân",
    ]);
    const twice = await province.json("POST", `/api/drafts/${id}/plan`, { version: r.body.version });
    expect(twice.status).toBe(409);
  });
});

describe("a State công văn and a decision", () => {
  it("a công văn needs its drafting unit, prints Kính gửi and its excerpt under the number", async () => {
    const d = await province.json("POST", "/api/drafts", {
      bodyId: bodies["82.people_committee"],
      kind: "CV",
      excerpt: "V/v báo cáo công tác dân vận năm 2026",
    });
    const edited = await province.json("PUT", `/api/drafts/${d.body.id}`, {
      version: d.body.version,
      addressees: ["Ủy ban nhân dân các xã, phường"],
      signature: SIGNATURE,
    });
    const none = await province.request("POST", `/api/drafts/${d.body.id}/document`, {
      format: "pdf",
      issue: { version: edited.body.version },
    });
    expect(none.status).toBe(400);
    expect(((await none.json()) as { error: { details: { field: string } } }).error.details.field).toBe(
      "draftingUnit",
    );
    const fixed = await province.json("PUT", `/api/drafts/${d.body.id}`, {
      version: edited.body.version,
      draftingUnit: "VP",
    });
    const r = await province.request("POST", `/api/drafts/${d.body.id}/document`, {
      format: "pdf",
      issue: { version: fixed.body.version },
    });
    expect(r.status).toBe(200);
    expect(decodeURIComponent(r.headers.get("x-document-number") ?? "")).toMatch(/^\d+\/UBND-VP$/);
    const text = await pdfText(r);
    expect(text).toContain("Kính gửi: Ủy ban nhân dân các xã, phường");
    expect(text).toContain("V/v báo cáo công tác dân vận năm 2026");
    expect(text).not.toContain("CÔNG VĂN");
  });

  it("a decision prints its grounds; a signature its family may not use is refused", async () => {
    const d = await province.json("POST", "/api/drafts", {
      bodyId: bodies["82.people_committee"],
      kind: "QĐ",
    });
    expect(d.body.excerpt).toBe("Về việc");
    const edited = await province.json("PUT", `/api/drafts/${d.body.id}`, {
      version: d.body.version,
      excerpt: "Về việc công nhận mô hình “Dân vận khéo” năm 2026",
      grounds: ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;"],
      signature: { authority: ["T/M Ban Thường vụ", "Bí thư"], signer: "Nguyễn Văn A" },
    });
    const bad = await province.request("POST", `/api/drafts/${d.body.id}/document`, { format: "pdf" });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { details: { field: string } } }).error.details.field).toBe(
      "signature",
    );
    const ok = await province.json("PUT", `/api/drafts/${d.body.id}`, {
      version: edited.body.version,
      signature: SIGNATURE,
    });
    const r = await province.request("POST", `/api/drafts/${d.body.id}/document`, { format: "pdf" });
    expect(r.status, String(ok.status)).toBe(200);
    const text = await pdfText(r);
    expect(text).toMatch(/QUYẾT ĐỊNH\s/);
    expect(text).toContain("Căn cứ Luật Tổ chức chính quyền");
    expect(text).toContain("Điều 1.");
    expect(text.indexOf("Căn cứ")).toBeLessThan(text.indexOf("Điều 1."));
    // the authority that decides, between the excerpt and the căn cứ: the collective that signs (TM.)
    const after = text.slice(text.indexOf("năm 2026"), text.indexOf("Căn cứ"));
    expect(after).toMatch(/ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP/);
    // the drafter names it otherwise: a decision of the chair
    const chair = await province.json("PUT", `/api/drafts/${d.body.id}`, {
      version: ok.body.version,
      authorityLine: "Chủ tịch Ủy ban nhân dân tỉnh Đồng Tháp",
    });
    expect(chair.body.authorityLine).toBe("Chủ tịch Ủy ban nhân dân tỉnh Đồng Tháp");
    const word = await province.request("POST", `/api/drafts/${d.body.id}/document`, { format: "docx" });
    const xml = await docxText(word);
    const paragraphs = xml.split("</w:p>");
    const at = (words: string) => paragraphs.findIndex((p) => p.includes(words));
    const authority = paragraphs[at("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP")] ?? "";
    expect(authority).toContain('<w:jc w:val="center"/>');
    expect(at("CHỦ TỊCH ỦY BAN")).toBeGreaterThan(at("công nhận mô hình"));
    expect(at("CHỦ TỊCH ỦY BAN")).toBeLessThan(at("Căn cứ Luật"));
    // the enacting words stand centred before the articles
    expect(paragraphs[at("QUYẾT ĐỊNH:")]).toContain('<w:jc w:val="center"/>');
    expect(at("QUYẾT ĐỊNH:")).toBeLessThan(at("Điều 1."));
    // left empty again: derived from the signature block
    const back = await province.json("PUT", `/api/drafts/${d.body.id}`, {
      version: chair.body.version,
      authorityLine: "",
    });
    expect(back.body.authorityLine).toBeNull();
  });
});

describe("issued by two people at once", () => {
  it("takes one number: the other is refused as stale and leaves no number or registry entry behind", async () => {
    const d = await province.json("POST", "/api/drafts", {
      bodyId: bodies["82.people_committee"],
      kind: "TB",
      excerpt: "Kết luận của Chủ tịch tại buổi đối thoại",
    });
    const signed = await province.json("PUT", `/api/drafts/${d.body.id}`, {
      version: d.body.version,
      signature: SIGNATURE,
    });
    const count = async () =>
      (
        await sql<{ numbers: number; entries: number }>`
          select (select count(*)::int from document_number where issuer_body_id = ${bodies["82.people_committee"]}) as numbers,
                 (select count(*)::int from registry_document where unit_code = '82') as entries`.execute(
          t.db,
        )
      ).rows[0];
    const before = await count();
    const issue = () =>
      province.request("POST", `/api/drafts/${d.body.id}/document`, {
        format: "pdf",
        issue: { version: signed.body.version },
      });
    const answers = await Promise.all([issue(), issue(), issue()]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect(await count()).toEqual({
      numbers: (before?.numbers ?? 0) + 1,
      entries: (before?.entries ?? 0) + 1,
    });
    const issued = await province.json("GET", `/api/drafts/${d.body.id}`);
    const ok = answers.find((r) => r.status === 200) as Response;
    expect(issued.body.numberSymbol).toBe(decodeURIComponent(ok.headers.get("x-document-number") ?? ""));
  });
});

describe("who may draft, and cancelling", () => {
  it("a State body drafts no Kết luận; a commune's editor drafts for its commune, not for the province", async () => {
    const kl = await province.json("POST", "/api/drafts", {
      bodyId: bodies["82.people_committee"],
      kind: "KL",
    });
    expect(kl.status).toBe(400);
    expect(kl.body.error.details.field).toBe("kind");
    const mine = await commune.json("POST", "/api/drafts", {
      bodyId: bodies["30037.party_committee"],
      kind: "KL",
    });
    expect(mine.status, JSON.stringify(mine.body)).toBe(201);
    const theirs = await commune.json("POST", "/api/drafts", {
      bodyId: bodies["82.people_committee"],
      kind: "BC",
    });
    expect(theirs.status).toBe(404);
    expect((await other.json("GET", `/api/drafts/${mine.body.id}`)).status).toBe(404);
    expect((await other.json("GET", "/api/drafts?unit=30037")).status).toBe(404);
  });

  it("a cancelled draft stays listed, marked, with its reason", async () => {
    const d = await commune.json("POST", "/api/drafts", {
      bodyId: bodies["30037.party_committee"],
      kind: "TB",
    });
    const noReason = await commune.json("POST", `/api/drafts/${d.body.id}/cancel`, {
      version: d.body.version,
      reason: " ",
    });
    expect(noReason.status).toBe(400);
    const r = await commune.json("POST", `/api/drafts/${d.body.id}/cancel`, {
      version: d.body.version,
      reason: "Soạn trùng",
    });
    expect(r.status).toBe(200);
    const list = await commune.json("GET", "/api/drafts?unit=30037");
    expect(list.body.items.find((x: { id: number }) => x.id === d.body.id)).toMatchObject({
      status: "cancelled",
      cancelReason: "Soạn trùng",
    });
  });

  it("bad input is a clear 400", async () => {
    for (const body of [
      { bodyId: bodies["82.people_committee"], kind: "XX" },
      { bodyId: 0, kind: "KH" },
      { bodyId: bodies["82.people_committee"], kind: "KH", excerpt: "x".repeat(1001) },
    ]) {
      const r = await province.json("POST", "/api/drafts", body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.message_vi).toBeTruthy();
    }
    const d = await province.json("POST", "/api/drafts", {
      bodyId: bodies["82.people_committee"],
      kind: "QĐ",
    });
    for (const authorityLine of ["x".repeat(301), 7]) {
      const r = await province.json("PUT", `/api/drafts/${d.body.id}`, {
        version: d.body.version,
        authorityLine,
      });
      expect(r.status, String(authorityLine)).toBe(400);
      expect(JSON.stringify(r.body.error.details)).toContain("authorityLine");
    }
    expect((await province.json("GET", `/api/drafts/${d.body.id}`)).body.version).toBe(d.body.version);
  });
});
