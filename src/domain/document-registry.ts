/**
 * The registry of directives, plans and other documents: how documents relate (a plan implements
 * a resolution; a report reports on a plan at the request of a công văn — the Tháp Mười report of 02/2024
 * reports on 53-KH/HU, requested by 113-CV/BDVHU; 53-KH/HU implements 01-NQ/TU), which attachments are
 * accepted, and the accent-insensitive search text and query. Pure, no I/O.
 * @module
 */
import { foldVietnamese } from "./vn-text.ts";

/** How one document relates to another (the registry's `document_relation.kind`). */
export type RelationKind = "implements" | "replaces" | "amends" | "guides" | "reports_on" | "requested_by";

export const RELATION_KINDS: readonly { kind: RelationKind; vi: string; en: string; inverseVi: string }[] = [
  { kind: "implements", vi: "thực hiện", en: "implements", inverseVi: "được thực hiện bởi" },
  { kind: "replaces", vi: "thay thế", en: "replaces", inverseVi: "bị thay thế bởi" },
  { kind: "amends", vi: "sửa đổi, bổ sung", en: "amends", inverseVi: "được sửa đổi, bổ sung bởi" },
  { kind: "guides", vi: "hướng dẫn", en: "guides", inverseVi: "được hướng dẫn bởi" },
  { kind: "reports_on", vi: "báo cáo về", en: "reports on", inverseVi: "được báo cáo bởi" },
  { kind: "requested_by", vi: "theo yêu cầu của", en: "requested by", inverseVi: "yêu cầu" },
];

export const RELATION_KIND_CODES = RELATION_KINDS.map((k) => k.kind) as [RelationKind, ...RelationKind[]];

/**
 * Attachments: at most 20 MB each, of the kinds an office sends, recognised here by their first bytes; their
 * content is then checked whole on a worker thread (offload/attachment-check.ts).
 */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** An attachment's kind, named by its usual extension. */
export type AttachmentKind = "pdf" | "docx" | "xlsx" | "doc" | "xls" | "png" | "jpg";

const KINDS: { ext: [AttachmentKind, ...string[]]; type: string; magic: number[] }[] = [
  { ext: ["pdf"], type: "application/pdf", magic: [0x25, 0x50, 0x44, 0x46] },
  {
    ext: ["docx"],
    type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  {
    ext: ["xlsx"],
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  { ext: ["doc"], type: "application/msword", magic: [0xd0, 0xcf, 0x11, 0xe0] },
  { ext: ["xls"], type: "application/vnd.ms-excel", magic: [0xd0, 0xcf, 0x11, 0xe0] },
  { ext: ["png"], type: "image/png", magic: [0x89, 0x50, 0x4e, 0x47] },
  { ext: ["jpg", "jpeg"], type: "image/jpeg", magic: [0xff, 0xd8, 0xff] },
];

/**
 * The kind among `among` that a file's first bytes say it is, when the sender gives no name to go by (a scan);
 * null when none. Kinds sharing their first bytes (docx, xlsx) are told apart only by their name.
 */
export function kindByContent(bytes: Uint8Array, among: readonly AttachmentKind[]): AttachmentKind | null {
  const kind = KINDS.find((k) => among.includes(k.ext[0]) && k.magic.every((b, i) => bytes[i] === b));
  return kind ? kind.ext[0] : null;
}

/** The usual extension of an accepted content type ("application/pdf" → "pdf"). */
export function extensionOf(contentType: string): AttachmentKind | null {
  return KINDS.find((k) => k.type === contentType)?.ext[0] ?? null;
}

export type AttachmentCheck =
  | { ok: true; contentType: string; kind: AttachmentKind }
  | { ok: false; messageVi: string; messageEn: string };

/** Checks an attachment's name, size and first bytes against the kinds accepted. */
export function checkAttachment(filename: string, bytes: Uint8Array): AttachmentCheck {
  if (bytes.length === 0) return { ok: false, messageVi: "Tệp rỗng", messageEn: "The file is empty" };
  if (bytes.length > MAX_ATTACHMENT_BYTES) {
    return {
      ok: false,
      messageVi: "Tệp đính kèm không quá 20 MB",
      messageEn: "An attachment may not exceed 20 MB",
    };
  }
  const ext = /\.([A-Za-z0-9]{1,5})$/.exec(filename)?.[1]?.toLowerCase() ?? "";
  const kind = KINDS.find((k) => k.ext.includes(ext));
  if (!kind) {
    return {
      ok: false,
      messageVi: "Chỉ nhận tệp PDF, Word, Excel, PNG hoặc JPEG",
      messageEn: "Only PDF, Word, Excel, PNG or JPEG files are accepted",
    };
  }
  if (!kind.magic.every((b, i) => bytes[i] === b)) {
    return {
      ok: false,
      messageVi: `Nội dung tệp không phải là tệp .${ext}`,
      messageEn: `The file's content is not a .${ext} file`,
    };
  }
  return { ok: true, contentType: kind.type, kind: kind.ext[0] };
}

/**
 * What a document is found by: number-symbol, issuer, excerpt and text, folded (no diacritics, đ → d) and cut
 * into plain words, the same way `searchQuery` cuts the search box ("53-KH/HU" → "53 kh hu").
 */
export function searchText(d: {
  numberSymbol: string;
  issuerName: string;
  excerpt: string;
  bodyText: string;
}): string {
  return foldVietnamese([d.numberSymbol, d.issuerName, d.excerpt, d.bodyText].join(" "))
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .slice(0, 200_000);
}

/**
 * A search box's text as a PostgreSQL tsquery over the folded words, whole words except the last, which may
 * still be being typed: "kế hoạch 53-KH" → "ke & hoach & 53 & kh:*". (Vietnamese words are short: a prefix on
 * every word would match most of the registry.) Null when nothing searchable is left.
 */
export function searchQuery(q: string): string | null {
  const words = foldVietnamese(q)
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "")
    .slice(0, 12);
  return words.length === 0 ? null : words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(" & ");
}

/** A number-symbol as stored for exact look-up: folded, no spaces ("Số 53-KH/HU" → "53-kh/hu"). */
export function symbolKey(numberSymbol: string): string {
  return foldVietnamese(numberSymbol.replace(/^\s*s[ốo]\s*:?\s*/i, "")).replace(/\s+/g, "");
}
