/**
 * The baseline of bench:docx: the same text as the official document, written by the same libraries with
 * no layout of ours (one paragraph per block in one font: no national header, footnotes at the end, tables
 * as tab-separated lines). What the app costs on top of the libraries is the ratio to this.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Document, Packer, Paragraph, TextRun } from "docx";
import PDFDocument from "pdfkit";
import type { OfficialDocument } from "../../src/domain/official-document.ts";

/** Every text of the document, one line per block, row or footnote. */
export function plainLines(doc: OfficialDocument): string[] {
  const lines: string[] = [
    ...(doc.parentBody ? [doc.parentBody] : []),
    doc.issuer,
    doc.numberLine,
    doc.placeDate,
    ...(doc.typeName ? [doc.typeName] : []),
    doc.excerpt,
  ];
  for (const b of doc.blocks) {
    if (b.kind === "heading") lines.push(b.text);
    else if (b.kind === "paragraph")
      lines.push(b.runs.map((r) => ("text" in r ? r.text : `[${r.footnote}]`)).join(""));
    else for (const row of [b.header, ...b.rows]) lines.push(row.join("\t"));
  }
  return [
    ...lines,
    ...doc.recipients,
    ...doc.signature.authority,
    doc.signature.signer,
    ...doc.footnotes.map((f, i) => `[${i + 1}] ${f}`),
  ];
}

export function plainDocx(lines: string[]): Promise<Buffer> {
  const children = lines.map(
    (text) => new Paragraph({ children: [new TextRun({ text, font: "Times New Roman" })] }),
  );
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

const require = createRequire(import.meta.url);
const TINOS = readFileSync(
  path.join(
    path.dirname(require.resolve("@expo-google-fonts/tinos/package.json")),
    "400Regular",
    "Tinos_400Regular.ttf",
  ),
);

export function plainPdf(lines: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({ size: "A4", margin: 57 });
    const chunks: Buffer[] = [];
    pdf.on("data", (c: Buffer) => chunks.push(c));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
    pdf.registerFont("tinos", TINOS);
    pdf.font("tinos").fontSize(14);
    for (const line of lines) pdf.text(line, { align: "justify" });
    pdf.end();
  });
}
