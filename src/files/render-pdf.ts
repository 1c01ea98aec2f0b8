/**
 * An official document as PDF, with the same content and layout as the DOCX (render-docx.ts): A4, margins
 * 20/20/30/15 mm, Tinos — metric-compatible with Times New Roman, every Vietnamese glyph, Apache 2.0, shipped
 * through npm (@expo-google-fonts/tinos) and embedded as a subset; footnotes at the foot of the page that
 * refers to them (the space is reserved before the paragraph is laid out), page numbers centred at the top
 * from page 2.
 * @module
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { create, type Font } from "fontkit";
import PDFDocument from "pdfkit";
import {
  type Block,
  NATIONAL_MOTTO,
  NATIONAL_TITLE,
  type OfficialDocument,
  PARTY_TITLE,
  type Run,
} from "../domain/official-document.ts";

const require = createRequire(import.meta.url);
const FONT_DIR = path.dirname(require.resolve("@expo-google-fonts/tinos/package.json"));
const FONTS = {
  regular: path.join(FONT_DIR, "400Regular", "Tinos_400Regular.ttf"),
  bold: path.join(FONT_DIR, "700Bold", "Tinos_700Bold.ttf"),
  italic: path.join(FONT_DIR, "400Regular_Italic", "Tinos_400Regular_Italic.ttf"),
  boldItalic: path.join(FONT_DIR, "700Bold_Italic", "Tinos_700Bold_Italic.ttf"),
} as const;
type Face = keyof typeof FONTS;
let loaded: [Face, Font][] | null = null;
/**
 * The fonts, read and parsed once per process: pdfkit takes a parsed fontkit font, whose tables and glyph
 * layouts then serve every document (each document still embeds its own subset).
 */
function fonts(): [Face, Font][] {
  loaded ??= (Object.entries(FONTS) as [Face, string][]).map(([face, file]) => [
    face,
    rememberingLayouts(create(readFileSync(file))),
  ]);
  return loaded;
}

interface GlyphRun {
  positions: Record<string, number>[];
}

/**
 * Shaping a word (OpenType substitutions and positioning) costs far more than drawing it, and official
 * documents repeat their words: the font remembers each word's shaped run across documents (up to 50,000
 * words). pdfkit scales a run's positions in place, so each caller gets its own copy of them.
 */
function rememberingLayouts(font: Font): Font {
  const runs = new Map<string, GlyphRun>();
  const layout = (text: string, features?: unknown): unknown => {
    const key = features === undefined ? text : `${JSON.stringify(features)}\u0000${text}`;
    let run = runs.get(key);
    if (!run) {
      if (runs.size >= 50_000) runs.clear();
      run = font.layout(text, features) as GlyphRun;
      runs.set(key, run);
    }
    const copy = Object.create(Object.getPrototypeOf(run)) as GlyphRun;
    Object.assign(copy, run, { positions: run.positions.map((p) => ({ ...p })) });
    return copy;
  };
  return new Proxy(font, {
    get: (target, prop) => (prop === "layout" ? layout : Reflect.get(target, prop, target)),
  });
}

const MM = 72 / 25.4;
const MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
const BODY = 14;
const NOTE = 12;
const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/** 12 → "¹²": footnote marks as superscript digits (Tinos has them). */
export function superscript(n: number): string {
  return [...String(n)].map((d) => SUPERSCRIPT[Number(d)]).join("");
}

type Doc = PDFKit.PDFDocument;

function face(doc: Doc, f: Face, size: number): Doc {
  return doc.font(f).fontSize(size);
}

/** Centred text in a column; returns the y below it. */
function centredIn(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  width: number,
  f: Face,
  size: number,
): number {
  face(doc, f, size).text(text, x, y, { width, align: "center" });
  return doc.y;
}

/** A rule under a line of text, `ratio` of its width, centred on the column. */
function ruleUnder(doc: Doc, x: number, width: number, y: number, length: number): void {
  const start = x + (width - length) / 2;
  doc
    .moveTo(start, y + 1)
    .lineTo(start + length, y + 1)
    .lineWidth(0.6)
    .stroke();
}

function header(doc: Doc, d: OfficialDocument): void {
  const x = MARGINS.left;
  const width = doc.page.width - MARGINS.left - MARGINS.right;
  const leftW = width * 0.42;
  const rightX = x + leftW;
  const rightW = width - leftW;
  const top = MARGINS.top;
  let ly = top;
  if (d.parentBody) ly = centredIn(doc, d.parentBody.toLocaleUpperCase("vi"), x, ly, leftW, "regular", 13);
  const issuer = d.issuer.toLocaleUpperCase("vi");
  ly = centredIn(doc, issuer, x, ly, leftW, "bold", 13);
  if (d.family === "party") {
    ly = centredIn(doc, "*", x, ly, leftW, "regular", 13);
  } else {
    ruleUnder(doc, x, leftW, ly, Math.min(leftW * 0.4, doc.widthOfString(issuer) * 0.5));
  }
  ly = centredIn(doc, d.numberLine, x, ly + 6, leftW, "regular", 13);
  if (d.typeName === null) ly = centredIn(doc, d.excerpt, x, ly + 2, leftW, "regular", 12);
  // secrecy and urgency under the number (NĐ 30/2020 Phụ lục I, ô 10a–10b; HD 36-HD/VPTW)
  for (const m of d.marks) ly = centredIn(doc, m, x, ly + 4, leftW, "bold", 13);

  let ry = top;
  if (d.family === "party") {
    ry = centredIn(doc, PARTY_TITLE, rightX, ry, rightW, "bold", 15);
    ruleUnder(doc, rightX, rightW, ry, face(doc, "bold", 15).widthOfString(PARTY_TITLE));
    face(doc, "italic", BODY).text(d.placeDate, rightX, ry + 12, { width: rightW, align: "right" });
    ry = doc.y;
  } else {
    ry = centredIn(doc, NATIONAL_TITLE, rightX, ry, rightW, "bold", 13);
    ry = centredIn(doc, NATIONAL_MOTTO, rightX, ry, rightW, "bold", 14);
    ruleUnder(doc, rightX, rightW, ry, face(doc, "bold", 14).widthOfString(NATIONAL_MOTTO));
    ry = centredIn(doc, d.placeDate, rightX, ry + 12, rightW, "italic", BODY);
  }
  doc.x = x;
  doc.y = Math.max(ly, ry) + 18;
}

interface Layout {
  doc: Doc;
  width: number;
  /** footnote numbers placed on each page (by page index) */
  notesByPage: Map<number, number[]>;
  notes: string[];
  page: number;
  noteHeights: number[];
  /** the page each footnote is reserved on */
  notePage: Map<number, number>;
}

/** The height the footnotes take, from the heights measured before the layout starts (see `layout`). */
function notesHeight(l: Layout, numbers: number[]): number {
  return numbers.reduce((h, n) => h + (l.noteHeights[n - 1] ?? 0) + 2, 0);
}

/**
 * Each footnote's height at the width of the text: measured once, before any text flows, since measuring
 * switches the font and a page can start in the middle of a paragraph.
 */
function measureNotes(doc: Doc, notes: string[], width: number): number[] {
  face(doc, "regular", NOTE);
  return notes.map((text, i) =>
    doc.heightOfString(`${superscript(i + 1)} ${text}`, { width, align: "justify" }),
  );
}

/** Reserves room at the foot of the current page for these footnotes; the rule above the first takes 10 pt. */
function reserve(l: Layout, numbers: number[]): void {
  if (numbers.length === 0) return;
  const list = l.notesByPage.get(l.page) ?? [];
  l.doc.page.margins.bottom += notesHeight(l, numbers) + (list.length === 0 ? 10 : 0);
  l.notesByPage.set(l.page, [...list, ...numbers]);
  for (const n of numbers) l.notePage.set(n, l.page);
}

/** A piece of a paragraph as pdfkit sets it: text in one face, with the footnote marks it carries. */
export interface Piece {
  text: string;
  face: Face;
  notes: number[];
}

const faceOf = (r: { bold?: true; italic?: true }): Face =>
  r.bold && r.italic ? "boldItalic" : r.bold ? "bold" : r.italic ? "italic" : "regular";

/** Punctuation that belongs to what precedes it: never at the start of a line. */
const TRAILING = /^[.,;:!?…)\]”’»%]+/;

/**
 * A paragraph's runs as pieces pdfkit can set without breaking a line where a reader would not: a footnote mark
 * sits on the word before it and keeps the punctuation after it ("ổn định¹;", never "ổn định¹" then ";" on
 * the next line).
 */
export function pdfPieces(runs: Run[]): Piece[] {
  const pieces: Piece[] = [];
  for (const r of runs) {
    const last = pieces.at(-1);
    if ("footnote" in r) {
      const mark = superscript(r.footnote);
      if (last) {
        // the word before the mark joins it
        const cut = Math.max(last.text.lastIndexOf(" "), last.text.lastIndexOf("\n")) + 1;
        const word = last.text.slice(cut);
        last.text = last.text.slice(0, cut);
        pieces.push({ text: `${word}${mark}`, face: last.face, notes: [r.footnote] });
      } else pieces.push({ text: mark, face: "regular", notes: [r.footnote] });
      continue;
    }
    const face = faceOf(r);
    let text = r.text;
    if (last && last.notes.length > 0) {
      // punctuation right after a mark stays on its line
      const tail = TRAILING.exec(text)?.[0] ?? "";
      last.text += tail;
      text = text.slice(tail.length);
    }
    if (text === "") continue;
    if (last && last.face === face && last.notes.length === 0) last.text += text;
    else pieces.push({ text, face, notes: [] });
  }
  return pieces.filter((p) => p.text !== "");
}

/**
 * A paragraph: its footnotes are reserved at the foot of the page it starts on (a new page when they do not
 * fit). When a reference is set on a later page than that, its note moves there — the earlier page then ends
 * a little short, as in Word — so a note always sits at the foot of its reference's page.
 */
function paragraph(l: Layout, b: Extract<Block, { kind: "paragraph" }>): void {
  const doc = l.doc;
  const numbers = b.runs.flatMap((r) => ("footnote" in r ? [r.footnote] : []));
  if (numbers.length > 0) {
    const line = face(doc, "regular", BODY).currentLineHeight(true);
    const need = notesHeight(l, numbers) + 10;
    if (doc.y + need + line * 2 > doc.page.height - doc.page.margins.bottom) doc.addPage();
    reserve(l, numbers);
  }
  const options = { width: l.width, align: "justify" as const, indent: 28.35, paragraphGap: 6, lineGap: 2 };
  face(doc, "regular", BODY);
  doc.x = MARGINS.left;
  const pieces = pdfPieces(b.runs);
  pieces.forEach((piece, i) => {
    face(doc, piece.face, BODY).text(piece.text, { ...options, continued: i < pieces.length - 1 });
    for (const n of piece.notes) {
      const reservedOn = l.notePage.get(n);
      const room = doc.page.height - doc.page.margins.bottom - doc.y;
      if (reservedOn !== undefined && reservedOn !== l.page && room > notesHeight(l, [n]) + 10) {
        l.notesByPage.set(
          reservedOn,
          (l.notesByPage.get(reservedOn) ?? []).filter((x) => x !== n),
        );
        reserve(l, [n]);
      }
    }
  });
}

function heading(l: Layout, b: Extract<Block, { kind: "heading" }>): void {
  const doc = l.doc;
  face(doc, "bold", BODY);
  if (doc.y + doc.currentLineHeight(true) * 3 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.text(b.text, MARGINS.left, doc.y + 4, {
    width: l.width,
    align: b.centred ? "center" : "justify",
    indent: b.centred ? 0 : 28.35,
    paragraphGap: 6,
  });
}

function table(l: Layout, b: Extract<Block, { kind: "table" }>): void {
  const doc = l.doc;
  const first = l.width * 0.5;
  const rest = (l.width - first) / Math.max(1, b.header.length - 1);
  const widths = b.header.map((_, i) => (i === 0 ? first : rest));
  const rows = [b.header, ...b.rows];
  rows.forEach((cells, r) => {
    face(doc, r === 0 ? "bold" : "regular", 13);
    const height =
      Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: (widths[i] as number) - 8 }))) + 6;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    let x = MARGINS.left;
    cells.forEach((c, i) => {
      const w = widths[i] as number;
      doc.rect(x, y, w, height).lineWidth(0.5).stroke();
      doc.text(c, x + 4, y + 3, { width: w - 8, align: i === 0 ? "left" : "right" });
      x += w;
    });
    doc.x = MARGINS.left;
    doc.y = y + height;
  });
  doc.y += 8;
}

function closing(l: Layout, d: OfficialDocument): void {
  const doc = l.doc;
  const leftW = l.width * 0.5;
  const rightX = MARGINS.left + leftW;
  const rightW = l.width - leftW;
  face(doc, "regular", 11);
  const recipientsHeight = d.recipients.length * doc.currentLineHeight(true) + 20;
  const signatureHeight =
    (d.signature.authority.length + 6) * face(doc, "bold", BODY).currentLineHeight(true);
  if (doc.y + Math.max(recipientsHeight, signatureHeight) > doc.page.height - doc.page.margins.bottom) {
    doc.addPage();
  }
  const top = doc.y + 6;
  face(doc, "boldItalic", 12).text("Nơi nhận:", MARGINS.left, top, { width: leftW });
  for (const r of d.recipients) face(doc, "regular", 11).text(r, MARGINS.left, doc.y, { width: leftW });
  let y = top;
  for (const a of d.signature.authority) y = centredIn(doc, a, rightX, y, rightW, "bold", BODY);
  y += face(doc, "bold", BODY).currentLineHeight(true) * 4;
  centredIn(doc, d.signature.signer, rightX, y, rightW, "bold", BODY);
}

/** The document as a PDF file. */
export async function renderPdf(d: OfficialDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margins: { ...MARGINS },
    bufferPages: true,
    info: { Title: d.excerpt, Creator: "danvan", Producer: "danvan" },
  });
  // pdfkit accepts a parsed fontkit font where its types say a file or bytes
  for (const [name, font] of fonts()) doc.registerFont(name, font as unknown as Buffer);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const width = doc.page.width - MARGINS.left - MARGINS.right;
  const l: Layout = {
    doc,
    width,
    notesByPage: new Map(),
    notes: d.footnotes,
    noteHeights: measureNotes(doc, d.footnotes, width),
    page: 0,
    notePage: new Map(),
  };
  doc.on("pageAdded", () => {
    l.page += 1;
  });

  header(doc, d);
  if (d.typeName !== null) {
    centredIn(doc, d.typeName.toLocaleUpperCase("vi"), MARGINS.left, doc.y + 6, width, "bold", BODY);
    const y = centredIn(doc, d.excerpt, MARGINS.left + width * 0.05, doc.y, width * 0.9, "bold", BODY);
    ruleUnder(doc, MARGINS.left, width, y + 2, width * 0.25);
    doc.y = y + 16;
  }
  for (const b of d.blocks) {
    if (b.kind === "heading") heading(l, b);
    else if (b.kind === "paragraph") paragraph(l, b);
    else table(l, b);
  }
  closing(l, d);

  // footnotes at the foot of their pages, page numbers from page 2
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // drawing in the margins must not start a new page
    doc.page.margins.bottom = 0;
    doc.page.margins.top = 0;
    const numbers = l.notesByPage.get(i) ?? [];
    if (numbers.length > 0) {
      const bottom = doc.page.height - MARGINS.bottom;
      let y = bottom - notesHeight(l, numbers);
      doc
        .moveTo(MARGINS.left, y - 5)
        .lineTo(MARGINS.left + width * 0.3, y - 5)
        .lineWidth(0.5)
        .stroke();
      for (const n of numbers) {
        face(doc, "regular", NOTE).text(`${superscript(n)} ${l.notes[n - 1] ?? ""}`, MARGINS.left, y, {
          width,
          align: "justify",
          lineBreak: true,
          height: bottom - y + 2,
        });
        y = doc.y + 2;
      }
    }
    if (i > range.start) {
      face(doc, "regular", 13).text(String(i - range.start + 1), MARGINS.left, 10 * MM, {
        width,
        align: "center",
        lineBreak: false,
      });
    }
  }
  doc.end();
  return done;
}
