/**
 * Templates of the documents a body drafts (soạn thảo văn bản): Công văn, Kế hoạch, Quyết định, Thông báo,
 * Báo cáo, Chương trình, Hướng dẫn, Kết luận. Each gives the type's name and code, the parts its layout has
 * (căn cứ for a Quyết định; "Kính gửi" for a công văn; the table of tasks of a Kế hoạch) and a skeleton of
 * headed sections the official writes into. Sources: NĐ 30/2020/NĐ-CP Appendix I and III (State bodies, the
 * Front and mass organisations: a State công văn has no type code) and HD 36-HD/VPTW (Party bodies: a Party công
 * văn is "CV"; "Kết luận" is a Party type; a State body announces
 * conclusions in a Thông báo kết luận). A công văn prints no type name: its excerpt "V/v …" sits under the
 * number. The skeletons follow the documents in ../shared/reference and common
 * practice; they are starting text, every heading editable. Pure, no I/O.
 * @module
 */
import type { NumberingFamily } from "./document-types.ts";

export const DRAFT_KINDS = ["CV", "KH", "QĐ", "TB", "BC", "CTr", "HD", "KL"] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

export interface DraftSection {
  title: string;
  level: 1 | 2;
  text: string;
}

export interface DraftTemplate {
  kind: DraftKind;
  nameVi: string;
  nameEn: string;
  /** the code in the number-symbol; null for a State công văn ("1246/UBND-VP") */
  typeCode: string | null;
  /** printed above the excerpt ("KẾ HOẠCH"); null for a công văn, whose excerpt sits under its number */
  typeName: string | null;
  /** what the excerpt starts with ("V/v " under a State công văn's number; "Về việc " under a decision) */
  excerptLead: string;
  /** a Quyết định states its legal grounds (căn cứ) before its articles */
  grounds: boolean;
  /** a State Quyết định names the authority that decides between its excerpt and its căn cứ */
  authorityLine: boolean;
  /** a công văn names whom it is sent to ("Kính gửi:") */
  addressees: boolean;
  /** a Kế hoạch or Chương trình assigns tasks (a table: content, unit, time), which can become a tracked plan */
  tasks: boolean;
  sections: DraftSection[];
}

const s = (title: string, text = "", level: 1 | 2 = 1): DraftSection => ({ title, level, text });

type Row = Omit<DraftTemplate, "typeCode" | "typeName" | "authorityLine"> & { typeName: string };

const ROWS: Record<DraftKind, Row> = {
  CV: {
    kind: "CV",
    nameVi: "Công văn",
    nameEn: "Official letter",
    typeName: "Công văn",
    excerptLead: "V/v ",
    grounds: false,
    addressees: true,
    tasks: false,
    sections: [
      s(
        "",
        "Thực hiện ..., [cơ quan] đề nghị các đơn vị:\n- ...;\n- ...\n\nĐề nghị các đơn vị quan tâm, phối hợp thực hiện./.",
      ),
    ],
  },
  KH: {
    kind: "KH",
    nameVi: "Kế hoạch",
    nameEn: "Plan",
    typeName: "Kế hoạch",
    excerptLead: "",
    grounds: false,
    addressees: false,
    tasks: true,
    sections: [
      s("I. MỤC ĐÍCH, YÊU CẦU"),
      s("1. Mục đích", "", 2),
      s("2. Yêu cầu", "", 2),
      s("II. NỘI DUNG, NHIỆM VỤ"),
      s("III. TỔ CHỨC THỰC HIỆN"),
    ],
  },
  QĐ: {
    kind: "QĐ",
    nameVi: "Quyết định",
    nameEn: "Decision",
    typeName: "Quyết định",
    excerptLead: "Về việc ",
    grounds: true,
    addressees: false,
    tasks: false,
    sections: [
      s(
        "QUYẾT ĐỊNH:",
        "**Điều 1.** ...\n\n**Điều 2.** Quyết định này có hiệu lực kể từ ngày ký.\n\n**Điều 3.** ... chịu trách nhiệm thi hành Quyết định này./.",
      ),
    ],
  },
  TB: {
    kind: "TB",
    nameVi: "Thông báo",
    nameEn: "Notice",
    typeName: "Thông báo",
    excerptLead: "",
    grounds: false,
    addressees: false,
    tasks: false,
    sections: [
      s("", "Ngày ..., [cơ quan] đã ... Sau khi nghe ..., [người chủ trì] kết luận như sau:"),
      s("1. ...", "", 2),
    ],
  },
  BC: {
    kind: "BC",
    nameVi: "Báo cáo",
    nameEn: "Report",
    typeName: "Báo cáo",
    excerptLead: "",
    grounds: false,
    addressees: false,
    tasks: false,
    sections: [
      s("I. ĐẶC ĐIỂM TÌNH HÌNH"),
      s("II. KẾT QUẢ THỰC HIỆN"),
      s("III. ĐÁNH GIÁ CHUNG"),
      s("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ"),
    ],
  },
  CTr: {
    kind: "CTr",
    nameVi: "Chương trình",
    nameEn: "Programme",
    typeName: "Chương trình",
    excerptLead: "",
    grounds: false,
    addressees: false,
    tasks: true,
    sections: [s("I. MỤC TIÊU"), s("II. NHIỆM VỤ, GIẢI PHÁP"), s("III. TỔ CHỨC THỰC HIỆN")],
  },
  HD: {
    kind: "HD",
    nameVi: "Hướng dẫn",
    nameEn: "Guidance",
    typeName: "Hướng dẫn",
    excerptLead: "",
    grounds: false,
    addressees: false,
    tasks: false,
    sections: [s("I. MỤC ĐÍCH, YÊU CẦU"), s("II. NỘI DUNG HƯỚNG DẪN"), s("III. TỔ CHỨC THỰC HIỆN")],
  },
  KL: {
    kind: "KL",
    nameVi: "Kết luận",
    nameEn: "Conclusion",
    typeName: "Kết luận",
    excerptLead: "",
    grounds: false,
    addressees: false,
    tasks: false,
    sections: [
      s("", "Ngày ..., [cấp ủy] đã họp, nghe ... Sau khi thảo luận, [cấp ủy] kết luận như sau:"),
      s("1. ...", "", 2),
    ],
  },
};

/** The kinds a body of `family` drafts: a State body has no Kết luận (it issues a Thông báo kết luận). */
export function draftKindsOf(family: NumberingFamily): DraftKind[] {
  return DRAFT_KINDS.filter((k) => family === "party" || k !== "KL");
}

/** The template of `kind` for a body of `family`, or null when that family does not issue it. */
export function templateOf(kind: DraftKind, family: NumberingFamily): DraftTemplate | null {
  if (!draftKindsOf(family).includes(kind)) return null;
  const row = ROWS[kind];
  const letter = kind === "CV";
  return {
    ...row,
    // a công văn prints no type name, its excerpt under the number; a State one has no type code either
    typeCode: letter && family === "state" ? null : kind,
    typeName: letter ? null : row.typeName,
    // NĐ 30/2020 Appendix III, form 1.1; a Party decision names its authority in its own wording (unconfirmed)
    authorityLine: kind === "QĐ" && family === "state",
    sections: row.sections.map((x) => ({ ...x })),
  };
}

/** The prefixes of a signature's first line before the title of the one signed for (signing-rule.ts). */
const SIGNED_FOR = /^(KT\.|K\/T|Q\.|TL\.|T\/L|TUQ\.|T\/UQ)\s*/;
const COLLECTIVE = /^(TM\.|T\/M)\s*/;

/**
 * The line of the authority that issues a State decision, printed centred and bold between its excerpt and its
 * căn cứ (NĐ 30/2020/NĐ-CP Appendix III, form 1.1, "thẩm quyền ban hành": the title of the body's head, or the
 * name of the collective or body when the power is theirs). Derived from the signature block: a collective's
 * decision ("TM. ỦY BAN NHÂN DÂN") names the body ("ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP"); otherwise the head's title
 * comes before the body's name ("KT. CHỦ TỊCH": "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP"). A default the
 * drafter may change.
 */
export function issuingAuthorityLine(bodyName: string, signing: readonly string[]): string {
  const upper = (x: string) => x.trim().replace(/\s+/g, " ").toLocaleUpperCase("vi");
  const body = upper(bodyName);
  const first = upper(signing[0] ?? "");
  const collective = COLLECTIVE.exec(first);
  if (collective) {
    const name = first.slice(collective[0].length).trim();
    return !name || body.startsWith(name) ? body : `${name} ${body}`;
  }
  const head = first.replace(SIGNED_FOR, "").trim();
  return head && !body.startsWith(head) ? `${head} ${body}` : body;
}
