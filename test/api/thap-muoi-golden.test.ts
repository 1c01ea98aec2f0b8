/**
 * The golden test: the reference report (test/fixtures/thap-muoi-2024-report.txt, a copy of the seed kept with
 * the project so that a fresh clone holds it: the People's Committee
 * of Tháp Mười district answering the district's Ban Dân vận in 2024) rebuilt from data through the API. The
 * Ban Dân vận Huyện ủy of district 872 (before the 2025 reform) cites its công văn 113-CV/BDVHU and the plan
 * 53-KH/HU, asks the UBND huyện with the outline of the review; the UBND writes its sections (the demo's
 * chain, src/demo/demo.thap-muoi.ts); its answer, as its own document, matches the seed section by section in
 * DOCX and PDF.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { THAP_MUOI } from "../fixtures/thap-muoi.ts";
import { createTestApp, type TestClient } from "../helpers.ts";

const SEED = readFileSync(new URL("../fixtures/thap-muoi-2024-report.txt", import.meta.url), "utf8");

let admin: TestClient;
let submissionId: number;

/** Text as compared: superscript footnote marks and bold marks dropped, "uỷ" written "ủy", spaces folded. */
const norm = (s: string) =>
  s
    .replace(/[¹²³⁴⁵⁶⁷⁸⁹⁰]/g, "")
    .replace(/\*\*/g, "")
    .replace(/uỷ/g, "ủy")
    .replace(/Uỷ/g, "Ủy")
    .replace(/\s+/g, " ")
    .trim();

/** The seed's paragraphs between its opening line and "Nơi nhận:", by heading; its footnotes apart. */
function seedSections() {
  const lines = SEED.split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  const start = lines.findIndex((l) => l.startsWith("Thực hiện Công văn"));
  const end = lines.indexOf("Nơi nhận:");
  const sections: { heading: string; paragraphs: string[] }[] = [];
  const footnotes: string[] = [];
  for (const line of lines.slice(start + 1, end)) {
    if (/^[¹²³⁴⁵]/.test(line)) footnotes.push(norm(line.slice(1)));
    else if (/^([IVX]+|\d+)\. /.test(line) && line.length < 200 && !/[.;:]$/.test(line))
      sections.push({ heading: norm(line), paragraphs: [] });
    else sections.at(-1)?.paragraphs.push(norm(line));
  }
  return {
    opening: norm(lines[start] as string),
    sections,
    footnotes,
    recipients: lines.slice(end + 1, end + 8),
  };
}

beforeAll(async () => {
  const t = await createTestApp({ demoReports: true });
  admin = await t.login("admin");
  // the demo's chain of 2024: 113-CV/BDVHU of the Ban Dân vận Huyện ủy to the UBND huyện, answered
  const issued = (await admin.json("GET", "/api/requests")).body.items as {
    id: number;
    referenceNo: string;
  }[];
  const request = issued.find((r) => r.referenceNo === "113-CV/BDVHU");
  if (!request) throw new Error("the demo's request 113-CV/BDVHU is missing");
  const detail = await admin.json("GET", `/api/requests/${request.id}`);
  expect(detail.body).toMatchObject({
    issuerUnitCode: "872",
    issuedOn: "2024-01-09",
    title: THAP_MUOI.excerpt,
  });
  expect(detail.body.planId).not.toBeNull();
  submissionId = detail.body.targets[0].id;
});

const render = async (format: "docx" | "pdf") => {
  const r = await admin.request("POST", `/api/submissions/${submissionId}/document`, { format });
  expect(r.status, r.status === 200 ? "" : await r.text()).toBe(200);
  return Buffer.from(await r.arrayBuffer());
};

/** A DOCX's paragraphs as text, in order. */
function paragraphs(xml: string): string[] {
  return xml
    .split("</w:p>")
    .map((p) => norm([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("")))
    .filter((p) => p !== "")
    .map((p) =>
      p
        .replace(/&amp;/g, "&")
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">"),
    );
}

describe("the Tháp Mười report rebuilt from data: the UBND huyện's answer to 113-CV/BDVHU", () => {
  it("in DOCX: header, title, the generated opening line, sections I–V as the seed, footnotes 1–5, Nơi nhận, signature", async () => {
    const files = unzipSync(new Uint8Array(await render("docx")));
    const doc = paragraphs(strFromU8(files["word/document.xml"] as Uint8Array));
    const seed = seedSections();
    expect(doc).toContain("ỦY BAN NHÂN DÂN HUYỆN THÁP MƯỜI");
    expect(doc).toContain("Số: /BC-UBND");
    expect(doc).toContain("Tháp Mười, ngày tháng năm 2024");
    expect(doc).toContain("BÁO CÁO");
    expect(doc).toContain(norm(THAP_MUOI.excerpt));
    // the opening line, generated from the cited công văn: the seed's, in the standard wording
    const opening = doc.find((p) => p.startsWith("Thực hiện Công văn"));
    expect(opening).toBe(
      "Thực hiện Công văn số 113-CV/BDVHU ngày 09 tháng 01 năm 2024 của Ban Dân vận Huyện ủy về việc Báo cáo sơ kết 03 năm thực hiện Kế hoạch số 53-KH/HU của Ban Chấp hành Đảng bộ huyện khóa X, Ủy ban nhân dân huyện báo cáo như sau:",
    );
    for (const part of [
      "113-CV/BDVHU",
      "ngày 09 tháng 01 năm 2024",
      "của Ban Dân vận Huyện ủy",
      "Ủy ban nhân dân huyện báo cáo",
    ])
      expect(seed.opening).toContain(part);
    // the headings in the seed's order, each followed by the seed's paragraphs of that section
    const headings = seed.sections.map((s) => s.heading);
    expect(headings.slice(0, 3)).toEqual([
      "I. ĐẶC ĐIỂM TÌNH HÌNH",
      "II. TÌNH HÌNH TRIỂN KHAI, THỰC HIỆN KẾ HOẠCH SỐ 53-KH/HU",
      "1. Công tác lãnh đạo, chỉ đạo tổ chức quán triệt, thực hiện Kế hoạch số 53-KH/HU",
    ]);
    const at = headings.map((h) => doc.indexOf(h));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    const signedAt = doc.indexOf("Nơi nhận:");
    seed.sections.forEach((s, i) => {
      const body = doc.slice((at[i] as number) + 1, at[i + 1] ?? signedAt).join(" ");
      for (const p of s.paragraphs) expect(body, s.heading).toContain(p);
    });
    // footnotes 1–5, referenced in order, with the seed's text
    const xml = strFromU8(files["word/document.xml"] as Uint8Array);
    expect([...xml.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => Number(m[1]))).toEqual([
      1, 2, 3, 4, 5,
    ]);
    const notes = paragraphs(strFromU8(files["word/footnotes.xml"] as Uint8Array)).join(" ");
    expect(seed.footnotes).toHaveLength(5);
    for (const f of seed.footnotes) expect(notes).toContain(f);
    // Nơi nhận: the body that asked first, then the UBND's usual recipients and its archive line
    expect(doc.slice(signedAt + 1, signedAt + 8)).toEqual(seed.recipients.map(norm));
    const tail = doc.slice(signedAt + 8);
    expect(tail).toEqual(
      expect.arrayContaining(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Hiệp"]),
    );
  });

  it("in PDF: the same headings in order, paragraphs, footnotes, Nơi nhận and signature", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "danvan-golden-"));
    const file = path.join(dir, "thap-muoi.pdf");
    writeFileSync(file, await render("pdf"));
    // a line may break after the slash of a number-symbol ("53-KH/" | "HU"), as in Word
    const text = norm(
      execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\f/g, " "),
    ).replace(/\/ /g, "/");
    const seed = seedSections();
    let from = 0;
    for (const s of seed.sections) {
      const i = text.indexOf(s.heading, from);
      expect(i, s.heading).toBeGreaterThanOrEqual(from);
      from = i;
      // a paragraph may be cut by a page's footnotes: its first and last words are on the page
      for (const p of s.paragraphs) {
        expect(text, p.slice(0, 60)).toContain(p.slice(0, 60));
        expect(text, p.slice(-40)).toContain(p.slice(-40));
      }
    }
    for (const f of seed.footnotes) expect(text).toContain(f.slice(0, 60));
    for (const r of seed.recipients) expect(text).toContain(norm(r));
    for (const line of ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Hiệp"])
      expect(text).toContain(line);
  });

  it("cites the chain the plan carries out: 43-KL/TW → 01-NQ/TU → 53-KH/HU", async () => {
    const found = await admin.json("GET", "/api/registry?unit=82&q=53-KH/HU");
    const plan = found.body.items.find((d: { numberSymbol: string }) => d.numberSymbol === "53-KH/HU");
    const detail = await admin.json("GET", `/api/registry/${plan.id}`);
    expect(
      detail.body.relations
        .map((r: { kind: string; numberSymbol: string }) => `${r.kind} ${r.numberSymbol}`)
        .sort(),
    ).toEqual(["implements 01-NQ/TU"]);
    const resolution = detail.body.relations[0];
    const up = await admin.json("GET", `/api/registry/${resolution.id}`);
    expect(up.body.relations).toContainEqual(
      expect.objectContaining({ kind: "implements", numberSymbol: "43-KL/TW" }),
    );
  });

  it("numbered afterwards, takes the number of the day it was sent, in the UBND huyện's sequence of 2024, once", async () => {
    const r = await admin.request("POST", `/api/submissions/${submissionId}/document`, {
      format: "docx",
      takeNumber: true,
    });
    expect(r.status, r.status === 200 ? "" : await r.text()).toBe(200);
    const symbol = decodeURIComponent(r.headers.get("x-document-number") ?? "");
    expect(symbol).toMatch(/^\d+\/BC-UBND$/);
    const doc = paragraphs(
      strFromU8(unzipSync(new Uint8Array(await r.arrayBuffer()))["word/document.xml"] as Uint8Array),
    );
    expect(doc).toContain(`Số: ${symbol}`);
    // sent on 05/02/2024: the day its number and date line carry
    expect(doc).toContain("Tháp Mười, ngày 05 tháng 02 năm 2024");
    const detail = await admin.json("GET", `/api/submissions/${submissionId}`);
    expect(detail.body.submission.document.symbol).toBe(symbol);
    const bodyId = detail.body.submission.bodyId as number;
    const numbers = await admin.json("GET", `/api/bodies/${bodyId}/document-numbers?year=2024`);
    expect(
      numbers.body.items.map((n: { symbol: string; issuedOn: string }) => [n.symbol, n.issuedOn]),
    ).toEqual([[symbol, "2024-02-05"]]);
    // asked again, it prints the same number and takes none
    const again = await admin.request("POST", `/api/submissions/${submissionId}/document`, {
      format: "docx",
      takeNumber: true,
    });
    expect(decodeURIComponent(again.headers.get("x-document-number") ?? "")).toBe(symbol);
    expect((await admin.json("GET", `/api/bodies/${bodyId}/document-numbers`)).body.items).toHaveLength(1);
    // the UBND huyện ended with the 2025 reform: it numbers nothing of today
    const today = await admin.json("POST", `/api/bodies/${bodyId}/document-numbers`, {
      typeCode: "BC",
      title: "Báo cáo",
    });
    expect(today.status).toBe(400);
    expect(today.body.error.details.field).toBe("issuedOn");
    expect(today.body.error.message_vi).toContain("không hoạt động vào ngày");
  });

  it("is refused for a signature block against the signing rule, naming the field", async () => {
    const r = await admin.json("POST", `/api/submissions/${submissionId}/document`, {
      format: "docx",
      signature: { authority: ["KT. Chủ tịch"], signer: "Nguyễn Văn Hiệp" },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.details.field).toBe("signature");
    expect(r.body.error.message_vi).toContain("chức vụ");
  });
});
