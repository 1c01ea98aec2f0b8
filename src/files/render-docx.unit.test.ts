import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { THAP_MUOI, thapMuoiDocument } from "../../test/fixtures/thap-muoi.ts";
import { renderDocx } from "./render-docx.ts";

async function parts() {
  const files = unzipSync(new Uint8Array(await renderDocx(thapMuoiDocument())));
  const text = (name: string) => strFromU8(files[name] as Uint8Array);
  return { files, text };
}

describe("renderDocx: the Tháp Mười report rebuilt from data", () => {
  it("is an A4 page with the legal margins, a first page without a number, page numbers after it", async () => {
    const { text, files } = await parts();
    const doc = text("word/document.xml");
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc).toMatch(/<w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701"/);
    expect(doc).toContain("<w:titlePg/>");
    const headers = Object.keys(files).filter((f) => /^word\/header\d+\.xml$/.test(f));
    expect(headers.some((h) => text(h).includes("PAGE"))).toBe(true);
  });

  it("sets Times New Roman, 14 pt body, and the header table with Quốc hiệu and Tiêu ngữ", async () => {
    const { text } = await parts();
    const doc = text("word/document.xml");
    expect(doc).toContain('w:ascii="Times New Roman"');
    expect(text("word/styles.xml")).toContain('w:ascii="Times New Roman"');
    expect(doc).toContain('<w:sz w:val="28"/>');
    // the header is the first table: the issuing body left, the national title and motto right, no borders
    const firstTable = doc.slice(doc.indexOf("<w:tbl>"), doc.indexOf("</w:tbl>"));
    expect(firstTable).toContain("ỦY BAN NHÂN DÂN HUYỆN THÁP MƯỜI");
    expect(firstTable).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(firstTable).toContain("Độc lập - Tự do - Hạnh phúc");
    expect(firstTable).toContain("Số:       /BC-UBND");
    expect(firstTable).toContain("Tháp Mười, ngày      tháng      năm 2024");
    expect(firstTable).toMatch(/<w:tblBorders>.*w:val="none"/s);
    expect(doc).toContain("BÁO CÁO");
    expect(doc).toContain("Sơ kết 03 năm thực hiện Kế hoạch số 53-KH/HU");
  });

  it("carries its five footnotes as real Word footnotes, referenced in order", async () => {
    const { text } = await parts();
    const doc = text("word/document.xml");
    const refs = [...doc.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(refs).toEqual([1, 2, 3, 4, 5]);
    expect(THAP_MUOI.footnoteCount).toBe(5);
    const notes = text("word/footnotes.xml");
    expect(notes).toContain("hơn 256 cuộc");
    expect(notes).toContain("2.384 hồ sơ, đạt 50,43%");
    for (const id of [1, 2, 3, 4, 5]) expect(notes).toContain(`<w:footnote w:id="${id}">`);
  });

  it("ends with Nơi nhận and the signature block, prefixes uppercase", async () => {
    const { text } = await parts();
    const doc = text("word/document.xml");
    expect(doc).toContain("Nơi nhận:");
    expect(doc).toContain("- Ban Dân vận Huyện ủy;");
    expect(doc).toContain("- Lưu: VT, NCVN.");
    for (const line of ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Hiệp"]) {
      expect(doc).toContain(line);
    }
    expect(doc.indexOf("Nơi nhận:")).toBeGreaterThan(doc.indexOf("PHƯƠNG HƯỚNG, NHIỆM VỤ"));
  });
});
