/**
 * An official document as DOCX (Word, LibreOffice), in the national layout (NĐ 30/2020/NĐ-CP Appendix I; Party:
 * HD 36-HD/VPTW): A4, margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman; a borderless header
 * table (issuing body and number left, Quốc hiệu and Tiêu ngữ — or ĐẢNG CỘNG SẢN VIỆT NAM — and the date right);
 * type name and excerpt centred and bold; justified body at 14 pt with a first-line indent; real Word footnotes;
 * page numbers centred at the top from page 2; "Nơi nhận:" left and the signature block right.
 * @module
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  FootnoteReferenceRun,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import {
  type Block,
  NATIONAL_MOTTO,
  NATIONAL_TITLE,
  type OfficialDocument,
  PARTY_TITLE,
} from "../domain/official-document.ts";

/** Twentieths of a point per millimetre. */
const MM = 56.7;
const PAGE = { width: 11906, height: 16838 };
const MARGIN = {
  top: Math.round(20 * MM),
  bottom: Math.round(20 * MM),
  left: Math.round(30 * MM),
  right: Math.round(15 * MM),
};
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** Sizes in half-points. */
const PT = (n: number) => n * 2;
const FONT = "Times New Roman";
const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" } as const;
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};

const run = (text: string, o: { size?: number; bold?: boolean; italics?: boolean } = {}) =>
  new TextRun({ text, font: FONT, size: PT(o.size ?? 14), bold: o.bold, italics: o.italics });

function centred(text: string, o: { size?: number; bold?: boolean; italics?: boolean; rule?: number } = {}) {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 0 },
    children: [run(text, o)],
    // a short rule under the line, `rule` twips on each side narrower than the column (NĐ 30: "đường kẻ ngang")
    ...(o.rule !== undefined
      ? {
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
          indent: { left: o.rule, right: o.rule },
        }
      : {}),
  });
}

const cell = (width: number, children: (Paragraph | Table)[]) =>
  new TableCell({ width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS, children });

function borderless(widths: number[], cells: (Paragraph | Table)[][]) {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ children: cells.map((c, i) => cell(widths[i] as number, c)) })],
  });
}

function header(d: OfficialDocument): Table {
  const left = Math.round(TEXT_WIDTH * 0.42);
  const right = TEXT_WIDTH - left;
  const party = d.family === "party";
  const leftCells = [
    ...(d.parentBody ? [centred(d.parentBody.toLocaleUpperCase("vi"), { size: 13 })] : []),
    centred(d.issuer.toLocaleUpperCase("vi"), {
      size: 13,
      bold: true,
      ...(party ? {} : { rule: Math.round(left * 0.32) }),
    }),
    ...(party ? [centred("*", { size: 13 })] : []),
    new Paragraph({
      spacing: { before: 120, after: 0 },
      alignment: AlignmentType.CENTER,
      children: [run(d.numberLine, { size: 13 })],
    }),
    ...(d.typeName === null ? [centred(d.excerpt, { size: 12 })] : []),
    // secrecy and urgency under the number (NĐ 30/2020 Phụ lục I, ô 10a–10b; HD 36-HD/VPTW)
    ...d.marks.map((m) => centred(m, { size: 13, bold: true })),
  ];
  const rightCells = party
    ? [
        centred(PARTY_TITLE, { size: 15, bold: true, rule: Math.round(right * 0.2) }),
        new Paragraph({
          spacing: { before: 240 },
          alignment: AlignmentType.RIGHT,
          children: [run(d.placeDate, { italics: true })],
        }),
      ]
    : [
        centred(NATIONAL_TITLE, { size: 13, bold: true }),
        centred(NATIONAL_MOTTO, { size: 14, bold: true, rule: Math.round(right * 0.2) }),
        new Paragraph({
          spacing: { before: 240 },
          alignment: AlignmentType.CENTER,
          children: [run(d.placeDate, { italics: true })],
        }),
      ];
  return borderless([left, right], [leftCells, rightCells]);
}

function block(b: Block): Paragraph | Table {
  if (b.kind === "heading") {
    return new Paragraph({
      alignment: b.centred ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
      spacing: { before: 120, after: 120 },
      ...(b.centred ? {} : { indent: { firstLine: 567 } }),
      children: [run(b.text, { bold: true })],
    });
  }
  if (b.kind === "paragraph") {
    return new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      spacing: { after: 120, line: 300 },
      indent: { firstLine: 567 },
      children: b.runs.map((r) =>
        "text" in r ? run(r.text, { bold: r.bold, italics: r.italic }) : new FootnoteReferenceRun(r.footnote),
      ),
    });
  }
  const widths = b.header.map((_, i) =>
    i === 0 ? Math.round(TEXT_WIDTH * 0.5) : Math.round((TEXT_WIDTH * 0.5) / (b.header.length - 1)),
  );
  const row = (cells: string[], bold: boolean) =>
    new TableRow({
      children: cells.map(
        (c, i) =>
          new TableCell({
            width: { size: widths[i] as number, type: WidthType.DXA },
            children: [
              new Paragraph({
                alignment: i === 0 ? AlignmentType.LEFT : AlignmentType.RIGHT,
                children: [run(c, { size: 13, bold })],
              }),
            ],
          }),
      ),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [row(b.header, true), ...b.rows.map((r) => row(r, false))],
  });
}

function closing(d: OfficialDocument): Table {
  const left = Math.round(TEXT_WIDTH * 0.5);
  const recipients = [
    new Paragraph({ children: [run("Nơi nhận:", { size: 12, bold: true, italics: true })] }),
    ...d.recipients.map((r) => new Paragraph({ children: [run(r, { size: 11 })] })),
  ];
  const signature = [
    ...d.signature.authority.map((l) => centred(l, { bold: true })),
    ...Array.from({ length: 4 }, () => new Paragraph({ children: [] })), // room for the signature and seal
    centred(d.signature.signer, { bold: true }),
  ];
  return borderless([left, TEXT_WIDTH - left], [recipients, signature]);
}

/** The document as a .docx file. */
export async function renderDocx(d: OfficialDocument): Promise<Buffer> {
  const doc = new Document({
    creator: "danvan",
    title: d.excerpt,
    styles: { default: { document: { run: { font: FONT, size: PT(14) } } } },
    footnotes: Object.fromEntries(
      d.footnotes.map((text, i) => [
        i + 1,
        {
          children: [
            new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: [run(text, { size: 12 })] }),
          ],
        },
      ]),
    ),
    sections: [
      {
        properties: { titlePage: true, page: { size: PAGE, margin: MARGIN } },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ font: FONT, size: PT(13), children: [PageNumber.CURRENT] })],
              }),
            ],
          }),
        },
        children: [
          header(d),
          ...(d.typeName !== null
            ? [
                new Paragraph({ spacing: { before: 360 }, children: [] }),
                centred(d.typeName.toLocaleUpperCase("vi"), { bold: true }),
                centred(d.excerpt, { bold: true, rule: Math.round(TEXT_WIDTH * 0.38) }),
                new Paragraph({ spacing: { after: 120 }, children: [] }),
              ]
            : [new Paragraph({ spacing: { after: 240 }, children: [] })]),
          ...d.blocks.map(block),
          new Paragraph({ spacing: { after: 120 }, children: [] }),
          closing(d),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
