/** The Party layout (HD 36-HD/VPTW): "ĐẢNG CỘNG SẢN VIỆT NAM" on the right, the committee with its asterisk left. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { placeDateLine } from "../domain/document-text.ts";
import { numberSymbolLine } from "../domain/number-symbol.ts";
import { composeDocument } from "../domain/official-document.ts";
import { renderDocx } from "./render-docx.ts";
import { renderPdf } from "./render-pdf.ts";

const plan = composeDocument({
  family: "party",
  parentBody: "Đảng bộ tỉnh Đồng Tháp",
  issuer: "Huyện ủy Tháp Mười",
  numberLine: numberSymbolLine({ family: "party", number: 53, typeCode: "KH", issuer: "HU" }),
  placeDate: placeDateLine("Tháp Mười", "2022-01-26"),
  typeName: "Kế hoạch",
  excerpt: "Thực hiện Nghị quyết số 01-NQ/TU của Ban Chấp hành Đảng bộ tỉnh khóa XI",
  sections: [
    {
      title: "I. MỤC ĐÍCH, YÊU CẦU",
      level: 1,
      text: "Quán triệt sâu sắc Nghị quyết[^1].\n[^1]: Ngày 27/9/2021.",
    },
  ],
  recipients: ["Ban Thường vụ Tỉnh ủy", "Các chi, đảng bộ cơ sở", "Lưu: VPHU"],
  signature: { authority: ["T/M Ban Thường vụ", "Phó Bí thư"], signer: "Nguyễn Văn B" },
});

describe("the Party layout", () => {
  it("DOCX: the Party title instead of Quốc hiệu, the committee with its asterisk, Số 53-KH/HU", async () => {
    const doc = strFromU8(
      unzipSync(new Uint8Array(await renderDocx(plan)))["word/document.xml"] as Uint8Array,
    );
    const header = doc.slice(doc.indexOf("<w:tbl>"), doc.indexOf("</w:tbl>"));
    expect(header).toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(header).not.toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(header).toContain("ĐẢNG BỘ TỈNH ĐỒNG THÁP");
    expect(header).toContain("HUYỆN ỦY THÁP MƯỜI");
    expect(header).toContain(">*<");
    expect(header).toContain("Số 53-KH/HU");
    expect(header).toContain("Tháp Mười, ngày 26 tháng 01 năm 2022");
    expect(doc).toContain("T/M BAN THƯỜNG VỤ");
  });

  it("PDF: the same text", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "danvan-party-")), "kh.pdf");
    writeFileSync(file, await renderPdf(plan));
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    for (const line of [
      "ĐẢNG CỘNG SẢN VIỆT NAM",
      "HUYỆN ỦY THÁP MƯỜI",
      "Số 53-KH/HU",
      "KẾ HOẠCH",
      "¹ Ngày 27/9/2021.",
      "T/M BAN THƯỜNG VỤ",
    ]) {
      expect(text).toContain(line);
    }
    expect(text).not.toContain("Độc lập - Tự do - Hạnh phúc");
  });
});
