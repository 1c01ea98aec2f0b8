/**
 * One model of an official document, rendered to DOCX and PDF with the same content: the header
 * (issuing body left; Quốc hiệu and Tiêu ngữ — or, for Party bodies, "ĐẢNG CỘNG SẢN VIỆT NAM" — right),
 * number-symbol, place and date, type name and excerpt, body (headings, paragraphs with footnotes, tables),
 * "Nơi nhận:" and the signature block. Layout rules: NĐ 30/2020/NĐ-CP Appendix I (State) and HD 36-HD/VPTW
 * (Party), RULES.md §1b. Built from narrative text in the `[^1]` footnote form of src/domain/narrative.ts, so a
 * consolidated report and a hand-made fixture (the Tháp Mười report) make the same model.
 * Pure, no I/O.
 * @module
 */
import type { DocumentFamily } from "./body-kinds.ts";
import { parseNarrative } from "./narrative.ts";
import { checkSigning } from "./signing-rule.ts";

/** A piece of a paragraph: text (bold and/or italic, as written) or a footnote mark. */
export type Run = { text: string; bold?: true; italic?: true } | { footnote: number };

export type Block =
  | { kind: "heading"; level: 1 | 2; text: string; centred?: true }
  | { kind: "paragraph"; runs: Run[] }
  | { kind: "table"; header: string[]; rows: string[][] };

export interface SignatureBlock {
  /** "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH": printed uppercase and bold */
  authority: string[];
  signer: string;
}

export interface OfficialDocument {
  /** the Front writes under the Quốc hiệu like the State (unconfirmed: no Front layout guide was retrieved) */
  family: DocumentFamily;
  /** Left column: the parent body (cơ quan chủ quản / đảng bộ cấp trên), if any, then the issuing body. */
  parentBody: string | null;
  issuer: string;
  numberLine: string;
  /** the secrecy and urgency marks printed under the number ("MẬT", "KHẨN"), in that order */
  marks: string[];
  placeDate: string;
  /** "BÁO CÁO", "KẾ HOẠCH"… — none for a State công văn, whose excerpt sits under the number instead */
  typeName: string | null;
  excerpt: string;
  blocks: Block[];
  /** Footnote texts; a run `{ footnote: n }` refers to footnotes[n - 1]. */
  footnotes: string[];
  recipients: string[];
  signature: SignatureBlock;
}

/** State documents: Quốc hiệu and Tiêu ngữ (NĐ 30/2020 Appendix I). */
export const NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
export const NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc";
/** Party documents: the header on the right (HD 36-HD/VPTW). */
export const PARTY_TITLE = "ĐẢNG CỘNG SẢN VIỆT NAM";

/** Secrecy marks (Luật Bảo vệ bí mật nhà nước 2018, Art. 8) and urgency marks (NĐ 30/2020 Art. 15; HD 36). */
export const SECRECY_MARKS = ["Mật", "Tối mật", "Tuyệt mật"] as const;
export const URGENCY_MARKS = ["Khẩn", "Thượng khẩn", "Hỏa tốc"] as const;
export type SecrecyMark = (typeof SECRECY_MARKS)[number];
export type UrgencyMark = (typeof URGENCY_MARKS)[number];

export class DocumentError extends Error {
  constructor(
    readonly messageVi: string,
    messageEn: string,
    /** the part of the document at fault */
    readonly field: "excerpt" | "signature" = "signature",
  ) {
    super(messageEn);
  }
}

/** The signature block's lines in their printed form, by the family's signing rule (signing-rule.ts). */
export function signatureLines(family: DocumentFamily, lines: string[]): string[] {
  const r = checkSigning(family, lines);
  if (!r.ok) throw new DocumentError(r.problem.vi, r.problem.en);
  return r.lines;
}

/**
 * "Nơi nhận:" lines as printed: each starts with "- " and ends with ";", the last is the archive line
 * ("- Lưu: VT, NCVN.") ending with a full stop. `archive` is the archive line without its dash.
 */
export function recipientLines(recipients: string[], archive: string): string[] {
  const clean = recipients
    .map((r) =>
      r
        .trim()
        .replace(/^[-–•]\s*/, "")
        .replace(/[;.,]+$/, ""),
    )
    .filter((r) => r !== "" && !/^lưu\b/i.test(r));
  const last = archive
    .trim()
    .replace(/^[-–•]\s*/, "")
    .replace(/[;.,]+$/, "");
  return [...clean.map((r) => `- ${r};`), `- ${last || "Lưu: VT"}.`];
}

/**
 * Blocks from narrative sections: each section's title as a heading, then its paragraphs with their
 * footnotes numbered 1, 2, 3… across the whole document in order of first reference.
 */
export interface SectionSpec {
  title: string;
  level: 1 | 2;
  text: string;
  /** figures shown after the section's text */
  table?: { header: string[]; rows: string[][] };
}

/**
 * A decision's enacting words ("QUYẾT ĐỊNH:", a council's "QUYẾT NGHỊ:"): upper case ending in a colon, printed
 * centred before its articles (NĐ 30/2020 Appendix III, form 1.1); a numbered heading ("I. …") never is one.
 */
const ENACTING = /^[\p{Lu} ]+:$/u;

export function blocksFromSections(sections: SectionSpec[]): { blocks: Block[]; footnotes: string[] } {
  const blocks: Block[] = [];
  const footnotes: string[] = [];
  for (const s of sections) {
    const title = s.title.trim();
    if (title)
      blocks.push({
        kind: "heading",
        level: s.level,
        text: title,
        ...(ENACTING.test(title) ? { centred: true as const } : {}),
      });
    const n = parseNarrative(s.text);
    const numbers = new Map<string, number>();
    for (const p of n.paragraphs) {
      // an item is printed as written: its dash, then its text, with the paragraph's first-line indent
      const runs: Run[] = [...(p.item ? [{ text: "- " }] : []), ...p.parts].map((part) => {
        if ("text" in part) return part;
        let num = numbers.get(part.ref);
        if (num === undefined) {
          const note = n.footnotes.find((f) => f.label === part.ref);
          footnotes.push(note?.text ?? "");
          num = footnotes.length;
          numbers.set(part.ref, num);
        }
        return { footnote: num };
      });
      blocks.push({ kind: "paragraph", runs });
    }
    if (s.table && s.table.rows.length > 0) blocks.push({ kind: "table", ...s.table });
  }
  return { blocks, footnotes };
}

/** The plain text of a document, in reading order (what a PDF's text and a DOCX's text must both contain). */
export function documentText(d: OfficialDocument): string[] {
  const lines = [
    ...(d.parentBody ? [d.parentBody] : []),
    d.issuer,
    d.family === "party" ? PARTY_TITLE : NATIONAL_TITLE,
    ...(d.family === "party" ? [] : [NATIONAL_MOTTO]),
    d.numberLine,
    ...d.marks,
    d.placeDate,
    ...(d.typeName ? [d.typeName] : []),
    d.excerpt,
  ];
  for (const b of d.blocks) {
    if (b.kind === "heading") lines.push(b.text);
    else if (b.kind === "paragraph") lines.push(b.runs.map((r) => ("text" in r ? r.text : "")).join(""));
    else lines.push(b.header.join(" "), ...b.rows.map((r) => r.join(" ")));
  }
  lines.push(...d.footnotes, "Nơi nhận:", ...d.recipients, ...d.signature.authority, d.signature.signer);
  return lines;
}

/** What a document is made from: the parts a user or a consolidated report supplies. */
export interface DocumentSpec {
  family: DocumentFamily;
  parentBody: string | null;
  issuer: string;
  /** the header line as printed ("Số: 12/BC-UBND", "Số       /BC-UBND" for a draft): see number-symbol.ts */
  numberLine: string;
  secrecy?: SecrecyMark | null;
  urgency?: UrgencyMark | null;
  /** the place and date line: see document-text.ts */
  placeDate: string;
  typeName: string | null;
  excerpt: string;
  sections: SectionSpec[];
  /** a công văn's addressees, printed "Kính gửi: …" before its text */
  addressees?: string[];
  /** a State decision's issuing authority, printed centred and bold before its grounds ("CHỦ TỊCH ỦY BAN …") */
  authorityLine?: string | null;
  /** a decision's legal grounds, printed in italics before its text ("Căn cứ Luật …;") */
  grounds?: string[];
  /** the recipients, the last being the archive line ("Lưu: VT, NCVN") */
  recipients: string[];
  signature: { authority: string[]; signer: string };
}

/** The document model from its parts: footnotes numbered across the document, lines in their legal form. */
export function composeDocument(s: DocumentSpec): OfficialDocument {
  if (!s.excerpt.trim())
    throw new DocumentError("Văn bản cần trích yếu nội dung", "A document needs an excerpt", "excerpt");
  if (!s.signature.signer.trim())
    throw new DocumentError("Văn bản cần họ tên người ký", "A document needs its signer");
  const body = blocksFromSections(s.sections);
  const addressees = (s.addressees ?? []).map((x) => x.trim()).filter(Boolean);
  const opening: Block[] =
    addressees.length === 1
      ? [{ kind: "paragraph", runs: [{ text: `Kính gửi: ${addressees[0]}` }] }]
      : addressees.length > 1
        ? [
            { kind: "paragraph", runs: [{ text: "Kính gửi:" }] },
            ...addressees.map(
              (x, i): Block => ({
                kind: "paragraph",
                runs: [{ text: `- ${x}${i === addressees.length - 1 ? "." : ";"}` }],
              }),
            ),
          ]
        : [];
  const grounds = (s.grounds ?? [])
    .map((x) => x.trim())
    .filter(Boolean)
    .map((x): Block => ({ kind: "paragraph", runs: [{ text: x, italic: true }] }));
  const authority = s.authorityLine?.trim();
  const decides: Block[] = authority
    ? [{ kind: "heading", level: 1, text: authority.toLocaleUpperCase("vi"), centred: true }]
    : [];
  const blocks = [...opening, ...decides, ...grounds, ...body.blocks];
  const { footnotes } = body;
  const archive = s.recipients.findLast((r) => /^[-–•]?\s*lưu\b/i.test(r.trim())) ?? "Lưu: VT";
  return {
    family: s.family,
    parentBody: s.parentBody,
    issuer: s.issuer,
    numberLine: s.numberLine,
    marks: [s.secrecy, s.urgency].flatMap((m) => (m ? [m.toLocaleUpperCase("vi")] : [])),
    placeDate: s.placeDate,
    typeName: s.typeName,
    excerpt: s.excerpt.trim(),
    blocks,
    footnotes,
    recipients: recipientLines(s.recipients, archive),
    signature: {
      authority: signatureLines(s.family, s.signature.authority),
      signer: s.signature.signer.trim(),
    },
  };
}
