import { describe, expect, it } from "vitest";
import {
  docxBomb,
  docxFile,
  jpegImage,
  pdfFile,
  pdfTruncated,
  plainZip,
  pngCorrupted,
  pngImage,
  pngPixelBomb,
} from "../../test/fixtures/files.ts";
import { thapMuoiDocument } from "../../test/fixtures/thap-muoi.ts";
import type { AttachmentKind } from "../domain/document-registry.ts";
import { renderDocx } from "../files/render-docx.ts";
import { renderPdf } from "../files/render-pdf.ts";
import { buildTable } from "../files/table-xlsx.ts";
import { checkAttachmentContent, NotThatKind } from "./attachment-check.ts";
import { DEFAULT_LIMITS, LimitExceeded } from "./limits.ts";

const limits = { ...DEFAULT_LIMITS, inflatedBytes: 16 * 1024 * 1024 };

describe("an attachment's content is checked whole", () => {
  it.each<[string, AttachmentKind, () => Buffer]>([
    ["a PDF", "pdf", () => pdfFile("Kế hoạch")],
    ["a PNG", "png", () => pngImage(40, 30)],
    ["a JPEG", "jpg", () => jpegImage(64, 48)],
    ["a Word document", "docx", () => docxFile()],
    ["a PDF padded with NUL bytes after its end", "pdf", () => Buffer.concat([pdfFile(), Buffer.alloc(64)])],
    [
      "a PDF with an incremental update's trailing newline",
      "pdf",
      () => Buffer.concat([pdfFile(), Buffer.from("\r\n")]),
    ],
  ])("accepts %s", async (_, kind, file) => {
    await expect(checkAttachmentContent(kind, file(), limits)).resolves.toBeUndefined();
  });

  it.each<[string, AttachmentKind, () => Buffer, RegExp]>([
    ["a PDF cut short", "pdf", pdfTruncated, /end of file/],
    [
      "a PDF whose end points nowhere",
      "pdf",
      () => Buffer.from("%PDF-1.4\n1 0 obj\n<<>>\nendobj\nstartxref\n9999\n%%EOF\n"),
      /outside the file/,
    ],
    ["a PNG whose data is damaged", "png", pngCorrupted, /does not decode/],
    ["a PNG named .jpg", "jpg", () => pngImage(), /\.png file/],
    ["a JPEG cut after its header", "jpg", () => jpegImage(64, 64).subarray(0, 200), /does not decode/],
    ["a plain ZIP named .docx", "docx", plainZip, /\.zip file/],
    ["a Word document named .xlsx", "xlsx", () => docxFile(), /\.docx file/],
    ["text named .doc", "doc", () => Buffer.from("\xd0\xcf\x11\xe0 not really", "latin1"), /not recognised/],
  ])("refuses %s, saying why", async (_, kind, file, why) => {
    const err = await checkAttachmentContent(kind, file(), limits).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotThatKind);
    expect((err as Error).message).toMatch(why);
  });

  it.each<[string, AttachmentKind, () => Buffer, string]>([
    ["a PNG claiming 100,000 × 100,000 pixels", "png", () => pngPixelBomb(100_000, 100_000), "imagePixels"],
    ["a Word document unpacking past the limit", "docx", () => docxBomb(20), "inflatedBytes"],
  ])("refuses %s before its memory grows, naming the limit", async (_, kind, file, limit) => {
    const err = await checkAttachmentContent(kind, file(), limits).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LimitExceeded);
    expect((err as LimitExceeded).report.limit).toBe(limit);
  });
});

describe("the files danvan itself writes pass the same checks", () => {
  it("its official documents, as PDF and as Word", { timeout: 30_000 }, async () => {
    const doc = thapMuoiDocument();
    await expect(checkAttachmentContent("pdf", await renderPdf(doc), limits)).resolves.toBeUndefined();
    await expect(checkAttachmentContent("docx", await renderDocx(doc), limits)).resolves.toBeUndefined();
  });
  it("its exported workbooks", async () => {
    const file = await buildTable({ title: "Bảng", columns: ["Đơn vị", "Số"], rows: [["Xã Tháp Mười", 12]] });
    await expect(checkAttachmentContent("xlsx", Buffer.from(file), limits)).resolves.toBeUndefined();
  });
});
