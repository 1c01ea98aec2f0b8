import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { thapMuoiDocument } from "../../test/fixtures/thap-muoi.ts";
import { pdfPieces, renderPdf, superscript } from "./render-pdf.ts";

let file: string;
let pages: string[];

beforeAll(async () => {
  file = path.join(mkdtempSync(path.join(tmpdir(), "danvan-pdf-")), "thap-muoi.pdf");
  writeFileSync(file, await renderPdf(thapMuoiDocument()));
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))?.[1]);
  pages = Array.from({ length: count }, (_, i) =>
    execFileSync("pdftotext", ["-layout", "-f", String(i + 1), "-l", String(i + 1), file, "-"], {
      encoding: "utf8",
    }),
  );
});

const squash = (s: string) => s.replace(/\s+/g, " ");

describe("renderPdf: the Tháp Mười report rebuilt from data", () => {
  it("is A4 with the font embedded (Tinos, Times-metric, every Vietnamese glyph)", () => {
    expect(execFileSync("pdfinfo", [file], { encoding: "utf8" })).toMatch(
      /Page size:\s+595\.28 x 841\.89 pts \(A4\)/,
    );
    const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" });
    expect(fonts).toMatch(/Tinos-Bold\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
    expect(fonts).toMatch(/Tinos-Italic/);
  });

  it("has the State header, the type name and the excerpt on page 1, and no page number there", () => {
    const first = squash(pages[0] as string);
    for (const text of [
      "ỦY BAN NHÂN DÂN HUYỆN",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Số: /BC-UBND",
      "Tháp Mười, ngày tháng năm 2024",
      "BÁO CÁO",
      "Sơ kết 03 năm thực hiện Kế hoạch số 53-KH/HU",
      "Thực hiện Công văn 113-CV/BDVHU",
    ]) {
      expect(first).toContain(text);
    }
    expect((pages[0] as string).trimStart().startsWith("1")).toBe(false);
  });

  it("numbers pages from 2, at the top", () => {
    pages.slice(1).forEach((p, i) => {
      expect(p.trimStart().split("\n")[0]?.trim()).toBe(String(i + 2));
    });
  });

  it("prints each of the five footnotes at the foot of the page that refers to it", () => {
    for (let n = 1; n <= 5; n++) {
      const mark = superscript(n);
      const page = pages.find((p) => p.includes(`\n${mark} `) || p.includes(` ${mark} `));
      expect(page, `footnote ${n}`).toBeDefined();
      const text = page as string;
      const note = text.lastIndexOf(`${mark} `);
      const ref = text.indexOf(mark);
      expect(ref, `reference ${n} above its note`).toBeLessThan(note);
    }
    expect(squash(pages.join(" "))).toContain("2.384 hồ sơ, đạt 50,43%");
  });

  it("ends with Nơi nhận and the signature block", () => {
    const last = squash(pages.at(-1) as string);
    for (const text of [
      "Nơi nhận:",
      "- Ban Dân vận Huyện ủy;",
      "- Lưu: VT, NCVN.",
      "TM. ỦY BAN NHÂN DÂN",
      "KT. CHỦ TỊCH",
      "PHÓ CHỦ TỊCH",
      "Nguyễn Văn Hiệp",
    ]) {
      expect(last).toContain(text);
    }
  });
});

describe("pdfPieces: where pdfkit may break a line", () => {
  it("keeps a footnote mark on its word and the punctuation after it on the same line", () => {
    expect(
      pdfPieces([
        { text: "Tình hình chính trị ổn định" },
        { footnote: 1 },
        { text: "; Nhân dân tin tưởng." },
      ]),
    ).toEqual([
      { text: "Tình hình chính trị ổn ", face: "regular", notes: [] },
      { text: `định${superscript(1)};`, face: "regular", notes: [1] },
      { text: " Nhân dân tin tưởng.", face: "regular", notes: [] },
    ]);
  });
  it("sets bold and italic text in their own faces", () => {
    expect(
      pdfPieces([
        { text: "Đạt " },
        { text: "2.011 mô hình", bold: true },
        { text: ", " },
        { text: "rất tốt", italic: true },
      ]),
    ).toEqual([
      { text: "Đạt ", face: "regular", notes: [] },
      { text: "2.011 mô hình", face: "bold", notes: [] },
      { text: ", ", face: "regular", notes: [] },
      { text: "rất tốt", face: "italic", notes: [] },
    ]);
  });
});

describe("renderPdf: a footnote mark before punctuation, in a narrow line", () => {
  it("never starts a line with the punctuation that follows a mark", async () => {
    const base = thapMuoiDocument();
    // the mark and its ";" swept across the end of the first line, one character at a time
    const blocks = Array.from({ length: 60 }, (_, i) => ({
      kind: "paragraph" as const,
      runs: [
        { text: `Thực hiện tốt công tác dân vận chính quyền trên địa bàn tỉnh ${"m".repeat(i + 1)}` },
        { footnote: 1 },
        { text: "; Nhân dân đồng thuận, tin tưởng." },
      ],
    }));
    const pdf = await renderPdf({ ...base, blocks, footnotes: ["Ghi chú."] });
    const f = path.join(mkdtempSync(path.join(tmpdir(), "danvan-pdf-")), "marks.pdf");
    writeFileSync(f, pdf);
    const text = execFileSync("pdftotext", ["-layout", f, "-"], { encoding: "utf8" });
    const lines = text.split("\n").map((l) => l.trim());
    expect(lines.some((l) => l.startsWith(";"))).toBe(false);
    expect(text).toContain("¹;");
  });
});
