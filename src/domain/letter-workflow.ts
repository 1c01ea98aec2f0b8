/**
 * A letter's life (xử lý đơn, giải quyết): received and registered; then, by its classification, accepted for
 * resolution (thụ lý), transferred to the competent body (chuyển đơn), answered with guidance (hướng dẫn),
 * returned (trả lại đơn) or filed (lưu đơn: an anonymous or impersonated denunciation is kept, marked, and not
 * processed); once accepted, extended (a denunciation), suspended and resumed, withdrawn, or resolved with its
 * decision or conclusion and its outcome. A table-driven state machine, labels in both languages.
 *
 * Sources: TT 05/2021/TT-TTCP (handling received letters: accept, transfer, guide, return, file); Luật Khiếu nại
 * 2011 Art. 10, 27; Luật Tố cáo 2018 Art. 23, 25, 30, 33 (anonymous denunciations are not processed; withdrawal);
 * Luật 136/2025/QH15 (suspension and withdrawal of complaints). RULES.md §1c.
 * Pure, no I/O.
 * @module
 */
import type { LetterKind } from "./letter-clock.ts";

export const LETTER_STATUSES = [
  "received",
  "accepted",
  "suspended",
  "resolved",
  "withdrawn",
  "transferred",
  "guided",
  "returned",
  "filed",
] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];

export const LETTER_ACTIONS = [
  "accept",
  "transfer",
  "guide",
  "return",
  "file",
  "extend",
  "suspend",
  "resume",
  "withdraw",
  "resolve",
] as const;
export type LetterAction = (typeof LETTER_ACTIONS)[number];

/** The states still being handled: their clocks run (or stand, while suspended). */
export const OPEN_STATUSES: readonly LetterStatus[] = ["received", "accepted", "suspended"];

export const TRANSITIONS: Record<LetterAction, { from: readonly LetterStatus[]; to: LetterStatus | null }> = {
  accept: { from: ["received"], to: "accepted" },
  transfer: { from: ["received"], to: "transferred" },
  guide: { from: ["received"], to: "guided" },
  return: { from: ["received"], to: "returned" },
  file: { from: ["received"], to: "filed" },
  // null: the state stays
  extend: { from: ["accepted"], to: null },
  suspend: { from: ["accepted"], to: "suspended" },
  resume: { from: ["suspended"], to: "accepted" },
  withdraw: { from: ["received", "accepted", "suspended"], to: "withdrawn" },
  resolve: { from: ["accepted"], to: "resolved" },
};

export const KIND_LABELS: Record<LetterKind, { vi: string; en: string }> = {
  complaint: { vi: "Khiếu nại", en: "Complaint" },
  denunciation: { vi: "Tố cáo", en: "Denunciation" },
  petition: { vi: "Kiến nghị, phản ánh", en: "Petition" },
};

export const STATUS_LABELS: Record<LetterStatus, { vi: string; en: string }> = {
  received: { vi: "Đã tiếp nhận", en: "Received" },
  accepted: { vi: "Đang giải quyết", en: "Being resolved" },
  suspended: { vi: "Tạm đình chỉ", en: "Suspended" },
  resolved: { vi: "Đã giải quyết", en: "Resolved" },
  withdrawn: { vi: "Đã rút đơn", en: "Withdrawn" },
  transferred: { vi: "Đã chuyển đơn", en: "Transferred" },
  guided: { vi: "Đã hướng dẫn", en: "Guided" },
  returned: { vi: "Đã trả lại đơn", en: "Returned" },
  filed: { vi: "Lưu đơn", en: "Filed" },
};

export const ACTION_LABELS: Record<LetterAction, { vi: string; en: string }> = {
  accept: { vi: "Thụ lý", en: "Accept" },
  transfer: { vi: "Chuyển đơn", en: "Transfer" },
  guide: { vi: "Hướng dẫn", en: "Give guidance" },
  return: { vi: "Trả lại đơn", en: "Return" },
  file: { vi: "Lưu đơn", en: "File" },
  extend: { vi: "Gia hạn", en: "Extend" },
  suspend: { vi: "Tạm đình chỉ", en: "Suspend" },
  resume: { vi: "Tiếp tục giải quyết", en: "Resume" },
  withdraw: { vi: "Rút đơn", en: "Withdrawn" },
  resolve: { vi: "Giải quyết", en: "Resolve" },
};

export const OUTCOMES = ["justified", "unjustified", "partly_justified"] as const;
export type Outcome = (typeof OUTCOMES)[number] | "withdrawn";

export const OUTCOME_LABELS: Record<Outcome, { vi: string; en: string }> = {
  justified: { vi: "Đúng", en: "Justified" },
  unjustified: { vi: "Sai", en: "Unjustified" },
  partly_justified: { vi: "Đúng một phần", en: "Partly justified" },
  withdrawn: { vi: "Rút đơn", en: "Withdrawn" },
};

/** Flags of a case (đông người, gay gắt, vượt cấp, kéo dài, phức tạp). */
export const LETTER_FLAGS = ["crowded", "heated", "over_level", "prolonged", "complicated"] as const;
export type LetterFlag = (typeof LETTER_FLAGS)[number];
export const FLAG_LABELS: Record<LetterFlag, { vi: string; en: string }> = {
  crowded: { vi: "Đông người", en: "Crowded" },
  heated: { vi: "Gay gắt", en: "Heated" },
  over_level: { vi: "Vượt cấp", en: "Over a level" },
  prolonged: { vi: "Kéo dài", en: "Prolonged" },
  complicated: { vi: "Phức tạp", en: "Complicated" },
};

/** Fields (lĩnh vực) a letter is classified in. */
export const LETTER_FIELDS = [
  "land",
  "policy",
  "administration",
  "justice",
  "corruption",
  "environment",
  "other",
] as const;
export type LetterField = (typeof LETTER_FIELDS)[number];
export const FIELD_LABELS: Record<LetterField, { vi: string; en: string }> = {
  land: { vi: "Đất đai", en: "Land" },
  policy: { vi: "Chế độ, chính sách", en: "Benefits and policy" },
  administration: { vi: "Hành chính", en: "Administration" },
  justice: { vi: "Tư pháp", en: "Justice" },
  corruption: { vi: "Tham nhũng, tiêu cực", en: "Corruption" },
  environment: { vi: "Môi trường", en: "Environment" },
  other: { vi: "Khác", en: "Other" },
};

export interface ActionCase {
  kind: LetterKind;
  status: LetterStatus;
  anonymous: boolean;
  /** đủ điều kiện xử lý; null: not yet classified */
  eligible: boolean | null;
  /** thuộc thẩm quyền; null: not yet classified */
  competent: boolean | null;
}

export interface ActionProblem {
  field: string;
  vi: string;
  en: string;
}

/**
 * Why `action` may not be taken on the case now, or null when it may: the state it starts from, and the
 * classification it needs (accepting needs an eligible letter within the body's competence, never an anonymous
 * denunciation; a transfer, one outside its competence; an extension, a denunciation).
 */
export function actionProblem(c: ActionCase, action: LetterAction): ActionProblem | null {
  const t = TRANSITIONS[action];
  if (!t.from.includes(c.status)) {
    const s = STATUS_LABELS[c.status];
    const a = ACTION_LABELS[action];
    return {
      field: "action",
      vi: `Đơn đang ở trạng thái "${s.vi}": không thể ${a.vi.toLocaleLowerCase("vi")}`,
      en: `The letter is "${s.en}": it cannot be ${a.en.toLowerCase()}ed now`,
    };
  }
  if (action === "accept") {
    if (c.kind === "denunciation" && c.anonymous)
      return {
        field: "anonymous",
        vi: "Tố cáo nặc danh, mạo danh không được thụ lý, giải quyết: lưu đơn (Luật Tố cáo 2018, Điều 25)",
        en: "An anonymous or impersonated denunciation is not processed: file it (Luật Tố cáo 2018, Art. 25)",
      };
    if (c.eligible !== true || c.competent !== true)
      return {
        field: c.eligible !== true ? "eligible" : "competent",
        vi: "Chỉ thụ lý đơn đủ điều kiện xử lý và thuộc thẩm quyền: hãy phân loại đơn trước",
        en: "Only a letter that is eligible and within the body's competence is accepted: classify it first",
      };
  }
  if (action === "transfer" && c.competent === true)
    return {
      field: "competent",
      vi: "Đơn thuộc thẩm quyền của cơ quan: thụ lý thay vì chuyển đơn",
      en: "The letter is within the body's competence: accept it rather than transfer it",
    };
  if (action === "extend" && c.kind !== "denunciation")
    return {
      field: "action",
      vi: "Chỉ gia hạn giải quyết tố cáo",
      en: "Only a denunciation's time is extended",
    };
  return null;
}

/** The state after `action` (the same for an extension). */
export function statusAfter(status: LetterStatus, action: LetterAction): LetterStatus {
  return TRANSITIONS[action].to ?? status;
}

/** Actions that end a case: its clocks stop for good on that day. */
export const CLOSING: readonly LetterAction[] = [
  "transfer",
  "guide",
  "return",
  "file",
  "withdraw",
  "resolve",
];

/** The document a step is issued with, by kind of letter (NĐ 30/2020 types; TT 05/2021 forms): its code and name. */
export function stepDocument(
  kind: LetterKind,
  action: LetterAction,
): { typeCode: string | null; typeName: string | null; title: string } | null {
  switch (action) {
    case "accept":
      return { typeCode: "TB", typeName: "Thông báo", title: "Về việc thụ lý đơn" };
    case "transfer":
      return { typeCode: "PC", typeName: "Phiếu chuyển", title: "Chuyển đơn đến cơ quan có thẩm quyền" };
    case "guide":
      return { typeCode: null, typeName: null, title: "V/v hướng dẫn người viết đơn" };
    case "return":
      return { typeCode: null, typeName: null, title: "V/v trả lại đơn" };
    case "extend":
      return { typeCode: "QĐ", typeName: "Quyết định", title: "Về việc gia hạn giải quyết tố cáo" };
    case "suspend":
      return {
        typeCode: "QĐ",
        typeName: "Quyết định",
        title: `Về việc tạm đình chỉ giải quyết ${noun(kind)}`,
      };
    case "resume":
      return { typeCode: "QĐ", typeName: "Quyết định", title: `Về việc tiếp tục giải quyết ${noun(kind)}` };
    case "resolve":
      return kind === "complaint"
        ? { typeCode: "QĐ", typeName: "Quyết định", title: "Về việc giải quyết khiếu nại" }
        : kind === "denunciation"
          ? { typeCode: "KL", typeName: "Kết luận", title: "Nội dung tố cáo" }
          : { typeCode: null, typeName: null, title: "V/v trả lời kiến nghị, phản ánh" };
    default:
      return null;
  }
}

const noun = (kind: LetterKind) =>
  kind === "complaint" ? "khiếu nại" : kind === "denunciation" ? "tố cáo" : "kiến nghị, phản ánh";
