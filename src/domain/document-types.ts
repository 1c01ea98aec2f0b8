/**
 * Document types and their abbreviations (tên loại văn bản, chữ viết tắt), as data: the codes of NĐ 30/2020/NĐ-CP
 * Appendix III for State bodies (RULES.md §1b: BC, KH, QĐ, CT, TB, TTr, CTr, ĐA, PA, BB, GM, CĐ… — the table is
 * from TTLT 55/2005, the match with NĐ 30 Appendix III is unconfirmed [U]) and of HD 36-HD/VPTW for Party bodies
 * (Party công văn use CV; State công văn carry no type code). The legal-normative types (NĐ, TT, PL…) add the
 * year to the number. Loaded into the `document_type` table at start-up (one more type is one more row). Pure,
 * no I/O.
 * @module
 */
import type { DocumentFamily } from "./body-kinds.ts";

/** State forms (NĐ 30/2020) are used by State bodies and by the Front and mass organisations. */
export type NumberingFamily = "state" | "party";

export function numberingFamilyOf(family: DocumentFamily): NumberingFamily {
  return family === "party" ? "party" : "state";
}

export interface DocumentType {
  family: NumberingFamily;
  code: string;
  nameVi: string;
  nameEn: string;
  /** A legal-normative document: its number carries the year (06/2024/QĐ-UBND). */
  normative: boolean;
}

type Row = [
  code: string,
  nameVi: string,
  nameEn: string,
  families: "state" | "party" | "both",
  normative?: boolean,
];

const ROWS: readonly Row[] = [
  ["NQ", "Nghị quyết", "Resolution", "both"],
  ["QĐ", "Quyết định", "Decision", "both"],
  ["CT", "Chỉ thị", "Directive", "both"],
  // a State body concludes a denunciation or an inspection in a Kết luận (Luật Tố cáo 2018 Art. 35; unconfirmed
  // that NĐ 30/2020 Appendix III lists it); its meetings' conclusions go out in a Thông báo
  ["KL", "Kết luận", "Conclusion", "both"],
  ["QC", "Quy chế", "Regulation", "both"],
  ["QyĐ", "Quy định", "Rules", "both"],
  ["TC", "Thông cáo", "Communiqué", "state"],
  ["TB", "Thông báo", "Notice", "both"],
  ["TT", "Thông tri", "Circular (Party)", "party"],
  ["TT", "Thông tư", "Circular", "state", true],
  ["HD", "Hướng dẫn", "Guidance", "both"],
  ["CTr", "Chương trình", "Programme", "both"],
  ["KH", "Kế hoạch", "Plan", "both"],
  ["PA", "Phương án", "Scheme", "state"],
  ["ĐA", "Đề án", "Project", "both"],
  ["DA", "Dự án", "Investment project", "state"],
  ["BC", "Báo cáo", "Report", "both"],
  ["BB", "Biên bản", "Minutes", "both"],
  ["TTr", "Tờ trình", "Submission", "both"],
  ["HĐ", "Hợp đồng", "Contract", "state"],
  ["CĐ", "Công điện", "Telegram", "state"],
  ["BGN", "Bản ghi nhớ", "Memorandum", "state"],
  ["BTT", "Bản thỏa thuận", "Agreement", "state"],
  ["GUQ", "Giấy ủy quyền", "Power of attorney", "state"],
  ["GM", "Giấy mời", "Invitation", "both"],
  ["GGT", "Giấy giới thiệu", "Letter of introduction", "both"],
  ["GNP", "Giấy nghỉ phép", "Leave permit", "state"],
  ["PG", "Phiếu gửi", "Dispatch slip", "state"],
  ["PC", "Phiếu chuyển", "Transfer slip", "state"],
  ["PB", "Phiếu báo", "Notification slip", "state"],
  ["CV", "Công văn", "Official letter", "party"],
  ["NĐ", "Nghị định", "Decree", "state", true],
  ["PL", "Pháp lệnh", "Ordinance", "state", true],
  ["TTLT", "Thông tư liên tịch", "Joint circular", "state", true],
];

export const BUILT_IN_DOCUMENT_TYPES: readonly DocumentType[] = ROWS.flatMap(
  ([code, nameVi, nameEn, families, normative = false]) =>
    (families === "both" ? (["state", "party"] as const) : [families]).map((family) => ({
      family,
      code,
      nameVi,
      nameEn,
      normative,
    })),
);

/** A State công văn has no type code: "1246/UBND-BTCD" (RULES.md §1b [C]). */
export const STATE_LETTER = { nameVi: "Công văn", nameEn: "Official letter" } as const;
