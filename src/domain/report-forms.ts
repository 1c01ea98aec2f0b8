/**
 * Report forms (đề cương / biểu mẫu báo cáo): ordered sections, each a narrative block (rich text with
 * footnotes) or an indicator table, with the validation rules checked on the form's values, and who fills it.
 * Forms are versioned data; two are shipped:
 * - the Tháp Mười outline (../shared/reference/thap-muoi-2024-report.txt: I. Đặc điểm tình hình … V. Phương
 *   hướng, nhiệm vụ, with II.1–2, III.1–2 and IV.1–3);
 * - the annual dân vận outline of the Ban Dân vận Trung ương (RULES.md §3 [S77], confirmed): Phần I. Đánh giá
 *   (I. Tình hình; II. by cấp ủy, chính quyền, MTTQ and đoàn thể, ethnicity and religion; III. the Ban Dân
 *   vận's own activities; IV. Kiến nghị); Phần II. Phương hướng, nhiệm vụ.
 * Pure, no I/O.
 * @module
 */
import {
  type ExpressionError,
  parseExpression,
  referencedCodes,
  type ValidationRule,
} from "./validation-rules.ts";

export type UnitLevel = "province" | "district" | "commune" | "hamlet";

export interface TableRow {
  indicator: string;
  /** Show one row per option of this category (plus the total), e.g. "field". */
  by?: string;
}

export interface FormSection {
  /** Stable key within the form: "I", "II.1"… */
  key: string;
  /** 1 = a Roman-numbered part, 2 = a numbered sub-part. */
  depth: 1 | 2;
  titleVi: string;
  titleEn: string;
  kind: "narrative" | "table" | "heading";
  guidanceVi?: string;
  rows?: TableRow[];
}

export interface FormRule extends ValidationRule {
  /** Shown when violated. */
  messageVi: string;
  messageEn: string;
}

export interface FormDefinition {
  code: string;
  nameVi: string;
  nameEn: string;
  description: string;
  /** Unit levels whose units fill it. */
  levels: UnitLevel[];
  sections: FormSection[];
  rules: FormRule[];
  /** Relative change against the previous period above which a value is flagged (percent). */
  outlierPercent: string;
  /**
   * Shipped forms only: the revision of the definition. A database that holds an older one gets this one as
   * its next version at start-up (requests already issued keep the version they name).
   */
  revision?: number;
}

/** The indicator codes a form's tables use, in order. */
export function formIndicators(f: Pick<FormDefinition, "sections">): readonly string[] {
  const held = indicatorsOf.get(f.sections);
  if (held) return held;
  const codes = Object.freeze([
    ...new Set(f.sections.flatMap((s) => (s.rows ?? []).map((r) => r.indicator))),
  ]);
  indicatorsOf.set(f.sections, codes);
  return codes;
}
/** Remembered per sections array (forms are read once per version and never changed in place). */
const indicatorsOf = new WeakMap<readonly unknown[], readonly string[]>();

export interface FormProblem {
  path: string;
  messageVi: string;
  messageEn: string;
}

/**
 * Structural checks on a form before it is stored: unique section keys, tables have rows, every indicator
 * and category exists, every weighted average has its weight on the form, every rule parses and names only
 * the form's indicators.
 */
export function checkForm(
  f: FormDefinition,
  catalogue: ReadonlyMap<
    string,
    { categories: Record<string, string[]>; type: string; weightCode?: string | null }
  >,
): FormProblem[] {
  const problems: FormProblem[] = [];
  const keys = new Set<string>();
  f.sections.forEach((s, i) => {
    const path = `sections.${i}`;
    if (keys.has(s.key)) {
      problems.push({
        path,
        messageVi: `Trùng mã mục "${s.key}"`,
        messageEn: `Duplicate section key "${s.key}"`,
      });
    }
    keys.add(s.key);
    if (s.kind === "table" && (s.rows ?? []).length === 0) {
      problems.push({
        path,
        messageVi: "Bảng chỉ tiêu chưa có dòng nào",
        messageEn: "The table has no rows",
      });
    }
    if (s.kind !== "table" && (s.rows ?? []).length > 0) {
      problems.push({ path, messageVi: "Chỉ bảng mới có dòng chỉ tiêu", messageEn: "Only tables have rows" });
    }
    (s.rows ?? []).forEach((r, j) => {
      const ind = catalogue.get(r.indicator);
      if (!ind) {
        problems.push({
          path: `${path}.rows.${j}`,
          messageVi: `Không có chỉ tiêu ${r.indicator}`,
          messageEn: `No indicator ${r.indicator}`,
        });
      } else if (r.by !== undefined && !ind.categories[r.by]) {
        problems.push({
          path: `${path}.rows.${j}`,
          messageVi: `Chỉ tiêu ${r.indicator} không phân tổ theo "${r.by}"`,
          messageEn: `Indicator ${r.indicator} has no category "${r.by}"`,
        });
      }
    });
  });
  const used = new Set(formIndicators(f));
  for (const code of used) {
    const weight = catalogue.get(code)?.weightCode;
    if (weight && !used.has(weight)) {
      problems.push({
        path: "sections",
        messageVi: `Chỉ tiêu ${code} là bình quân có trọng số theo ${weight}: biểu mẫu cần cả ${weight}`,
        messageEn: `${code} is a weighted average by ${weight}: the form needs ${weight} too`,
      });
    }
  }
  f.rules.forEach((r, i) => {
    for (const side of ["left", "right"] as const) {
      try {
        for (const code of referencedCodes(parseExpression(r[side]))) {
          if (!used.has(code)) {
            problems.push({
              path: `rules.${i}.${side}`,
              messageVi: `Quy tắc dùng chỉ tiêu ${code} không có trong biểu mẫu`,
              messageEn: `The rule uses ${code}, which is not on the form`,
            });
          }
        }
      } catch (e) {
        const err = e as ExpressionError;
        problems.push({ path: `rules.${i}.${side}`, messageVi: err.messageVi, messageEn: err.message });
      }
    }
  });
  return problems;
}

/** The key under which a value is stored: "" for the total, "field=kinh tế" for one option. */
export function comboKey(category?: string, option?: string): string {
  return category && option ? `${category}=${option}` : "";
}

/** The option a combo key names ("field=kinh tế" → "kinh tế"; "" for the total). */
export function comboOption(combo: string): string {
  return combo.slice(combo.indexOf("=") + 1);
}

/**
 * The value keys each indicator of a form takes, in form order: "" (the total), then one per option of every
 * category a row of it breaks down by. `categoriesOf` gives an indicator's categories from the catalogue;
 * indicators missing there are left out.
 */
export function formCombos(
  f: Pick<FormDefinition, "sections">,
  categoriesOf: (code: string) => Record<string, string[]> | undefined,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const s of f.sections) {
    for (const r of s.rows ?? []) {
      const categories = categoriesOf(r.indicator);
      if (!categories) continue;
      const combos = out.get(r.indicator) ?? [""];
      for (const o of r.by ? (categories[r.by] ?? []) : []) {
        const key = comboKey(r.by, o);
        if (!combos.includes(key)) combos.push(key);
      }
      out.set(r.indicator, combos);
    }
  }
  return out;
}

const MODELS_RULE: FormRule = {
  left: "DVK_MODELS_TOTAL",
  operator: "==",
  right: "DVK_MODELS_NEW + DVK_MODELS_KEPT",
  severity: "error",
  missing: "skip_if_all",
  messageVi: "Tổng số mô hình phải bằng số đăng ký mới cộng số duy trì",
  messageEn: "Total models must equal newly registered plus kept up",
};
const LETTERS_RULE: FormRule = {
  left: "LETTERS_RESOLVED",
  operator: "<=",
  right: "LETTERS_RECEIVED",
  severity: "warning",
  missing: "skip_if_any",
  messageVi: "Số đơn thư giải quyết lớn hơn số tiếp nhận trong kỳ (kiểm tra đơn tồn kỳ trước)",
  messageEn: "More letters resolved than received in the period (check last period's backlog)",
};
const ON_TIME_RULE: FormRule = {
  left: "LETTERS_RESOLVED_ON_TIME",
  operator: "<=",
  right: "LETTERS_RESOLVED",
  severity: "error",
  missing: "skip_if_any",
  messageVi: "Số đơn giải quyết đúng hạn không quá số đơn đã giải quyết",
  messageEn: "Letters resolved on time cannot exceed letters resolved",
};
const CROWDS_RULE: FormRule = {
  left: "CITIZENS_RECEIVED",
  operator: ">=",
  right: "RECEPTION_SESSIONS",
  severity: "warning",
  missing: "skip_if_any",
  messageVi: "Số lượt công dân ít hơn số buổi tiếp: mỗi buổi tiếp có ít nhất một công dân",
  messageEn: "Fewer citizens than reception sessions: every session received someone",
};
const SCHEDULE_RULE: FormRule = {
  left: "RECEPTION_DAYS",
  operator: ">=",
  right: "RECEPTION_DAYS_SCHEDULED",
  severity: "warning",
  missing: "skip_if_any",
  messageVi:
    "Người đứng đầu trực tiếp tiếp công dân ít ngày hơn lịch đã thông báo (ghi rõ lý do trong báo cáo)",
  messageEn:
    "The heads received citizens in person on fewer days than their schedules gave (say why in the report)",
};
const SHARE_RULE: FormRule = {
  left: "ONLINE_DOSSIER_SHARE",
  operator: "<=",
  right: "100",
  severity: "error",
  missing: "skip_if_any",
  messageVi: "Tỷ lệ hồ sơ trực tuyến không quá 100%",
  messageEn: "The online dossier share cannot exceed 100%",
};

const ATTENDEES_RULE: FormRule = {
  left: "DISSEMINATION_ATTENDEES",
  operator: ">=",
  right: "DISSEMINATION_SESSIONS",
  severity: "warning",
  missing: "skip_if_any",
  messageVi: "Số lượt người tham dự ít hơn số buổi tuyên truyền: mỗi buổi có ít nhất một người dự",
  messageEn: "Fewer attendees than dissemination sessions: every session has someone attending",
};
const RECOGNISED_RULE: FormRule = {
  left: "DVK_MODELS_RECOGNISED",
  operator: "<=",
  right: "DVK_MODELS_TOTAL",
  severity: "warning",
  missing: "skip_if_any",
  messageVi: "Số mô hình được công nhận lớn hơn tổng số mô hình (kiểm tra mô hình của các năm trước)",
  messageEn: "More models recognised than models in all (check models of earlier years)",
};
const EXEMPLARY_RULE: FormRule = {
  left: "DVK_MODELS_EXEMPLARY",
  operator: "<=",
  right: "DVK_MODELS_RECOGNISED",
  severity: "warning",
  missing: "skip_if_any",
  messageVi: "Số mô hình điển hình lớn hơn số mô hình được công nhận",
  messageEn: "More exemplary models than recognised ones",
};

const n = (key: string, titleVi: string, titleEn: string, guidanceVi?: string): FormSection => ({
  key,
  depth: key.includes(".") ? 2 : 1,
  titleVi,
  titleEn,
  kind: "narrative",
  ...(guidanceVi ? { guidanceVi } : {}),
});
const h = (key: string, titleVi: string, titleEn: string): FormSection => ({
  key,
  depth: key.includes(".") ? 2 : 1,
  titleVi,
  titleEn,
  kind: "heading",
});
const t = (key: string, titleVi: string, titleEn: string, rows: TableRow[]): FormSection => ({
  key,
  depth: 2,
  titleVi,
  titleEn,
  kind: "table",
  rows,
});

export const BUILT_IN_FORMS: readonly FormDefinition[] = [
  {
    code: "dvcq-thap-muoi",
    nameVi: "Báo cáo kết quả thực hiện công tác dân vận chính quyền (đề cương Tháp Mười)",
    nameEn: "Report on government mass-mobilisation work (Tháp Mười outline)",
    description: "Theo cấu trúc Báo cáo của UBND huyện Tháp Mười năm 2024 (sơ kết 3 năm Kế hoạch 53-KH/HU).",
    levels: ["commune", "district", "province"],
    sections: [
      n("I", "Đặc điểm tình hình", "Situation", "Thuận lợi, khó khăn trong kỳ."),
      h("II", "Tình hình triển khai, thực hiện", "Implementation"),
      n("II.1", "Công tác lãnh đạo, chỉ đạo, tổ chức quán triệt", "Leadership and dissemination"),
      t("II.T", "Số liệu tuyên truyền", "Dissemination figures", [
        { indicator: "DISSEMINATION_SESSIONS" },
        { indicator: "DISSEMINATION_ATTENDEES" },
      ]),
      n("II.2", "Đánh giá sự chuyển biến nhận thức và hành động", "Change in awareness and action"),
      h("III", "Kết quả thực hiện", "Results"),
      n("III.1", "Nâng cao nhận thức và thống nhất hành động", "Awareness and unity of action"),
      n(
        "III.2",
        "Nâng cao chất lượng công tác dân vận chính quyền",
        "Quality of government mass mobilisation",
      ),
      t("III.T", "Số liệu kết quả", "Result figures", [
        { indicator: "RECEPTION_DAYS" },
        { indicator: "LETTERS_RECEIVED" },
        { indicator: "LETTERS_RESOLVED" },
        { indicator: "DOSSIERS_RECEIVED" },
        { indicator: "ONLINE_DOSSIER_SHARE" },
        { indicator: "DVK_MODELS_TOTAL", by: "field" },
        { indicator: "DVK_MODELS_NEW" },
        { indicator: "DVK_MODELS_KEPT" },
        { indicator: "FUNDS_MOBILISED" },
        { indicator: "DVCQ_SCORE" },
        { indicator: "DVCQ_RANK" },
        { indicator: "PAR_INDEX_RANK" },
        { indicator: "SIPAS_RANK" },
      ]),
      h("IV", "Đánh giá chung", "Overall assessment"),
      n("IV.1", "Ưu điểm", "Strengths"),
      n("IV.2", "Hạn chế", "Shortcomings"),
      n("IV.3", "Đề xuất, kiến nghị", "Proposals"),
      n("V", "Phương hướng, nhiệm vụ", "Directions and tasks"),
    ],
    rules: [MODELS_RULE, LETTERS_RULE, SHARE_RULE, ATTENDEES_RULE],
    outlierPercent: "50",
    revision: 2,
  },
  {
    code: "dan-van-annual",
    nameVi: "Báo cáo công tác dân vận năm (đề cương Ban Dân vận Trung ương)",
    nameEn: "Annual mass-mobilisation report (Central Mass Mobilisation Board outline)",
    description: "Phần I. Đánh giá; Phần II. Phương hướng, nhiệm vụ.",
    levels: ["commune", "district", "province"],
    sections: [
      h("P1", "Phần I. Đánh giá", "Part I. Assessment"),
      n("I", "Tình hình", "Situation", "Tình hình Nhân dân, tư tưởng, dư luận xã hội."),
      h("II", "Công tác dân vận của hệ thống chính trị", "Mass mobilisation by the political system"),
      n("II.1", "Cấp ủy đảng", "Party committees"),
      n("II.2", "Chính quyền", "Government"),
      n("II.3", "Mặt trận Tổ quốc và các đoàn thể", "The Fatherland Front and mass organisations"),
      n("II.4", "Công tác dân tộc, tôn giáo", "Ethnicity and religion"),
      t("II.T", "Phong trào thi đua “Dân vận khéo”", "“Dân vận khéo” emulation movement", [
        { indicator: "DVK_MODELS_TOTAL", by: "field" },
        { indicator: "DVK_MODELS_NEW" },
        { indicator: "DVK_MODELS_KEPT" },
        { indicator: "DVK_MODELS_RECOGNISED" },
        { indicator: "DVK_MODELS_EXEMPLARY" },
        { indicator: "DISSEMINATION_SESSIONS" },
      ]),
      n("III", "Hoạt động của Ban Dân vận", "Activities of the Mass Mobilisation Board"),
      n("IV", "Kiến nghị", "Recommendations"),
      n("P2", "Phần II. Phương hướng, nhiệm vụ", "Part II. Directions and tasks"),
    ],
    rules: [MODELS_RULE, RECOGNISED_RULE, EXEMPLARY_RULE],
    outlierPercent: "50",
    revision: 2,
  },
  {
    code: "tiep-cong-dan",
    nameVi: "Báo cáo công tác tiếp công dân, xử lý đơn, giải quyết khiếu nại, tố cáo, kiến nghị, phản ánh",
    nameEn: "Report on citizen reception and the handling of complaints, denunciations and petitions",
    description:
      "Số liệu lấy từ sổ tiếp công dân, đối thoại và đơn thư trên danvan (Luật Tiếp công dân 2013; Luật Khiếu nại 2011; Luật Tố cáo 2018).",
    levels: ["commune", "district", "province"],
    sections: [
      n("I", "Tình hình chung", "Overview", "Tình hình khiếu nại, tố cáo, kiến nghị, phản ánh trong kỳ."),
      h("II", "Công tác tiếp công dân, đối thoại", "Citizen reception and dialogues"),
      t("II.T", "Biểu 01. Kết quả tiếp công dân, đối thoại", "Table 01. Reception and dialogues", [
        { indicator: "RECEPTION_DAYS_SCHEDULED" },
        { indicator: "RECEPTION_DAYS" },
        { indicator: "RECEPTION_SESSIONS" },
        { indicator: "CITIZENS_RECEIVED" },
        { indicator: "CROWD_GROUPS" },
        { indicator: "DIALOGUES_HELD" },
      ]),
      n("II.1", "Đánh giá công tác tiếp công dân, đối thoại", "Assessment of reception and dialogues"),
      h("III", "Tiếp nhận, xử lý và giải quyết đơn", "Letters received, handled and resolved"),
      t("III.T", "Biểu 02. Kết quả tiếp nhận, giải quyết đơn", "Table 02. Letters received and resolved", [
        { indicator: "LETTERS_RECEIVED", by: "kind" },
        { indicator: "LETTERS_RESOLVED", by: "kind" },
        { indicator: "LETTERS_RESOLVED_ON_TIME", by: "kind" },
      ]),
      n(
        "III.1",
        "Vụ việc đông người, phức tạp, kéo dài; điểm nóng",
        "Crowded, complex and lasting cases; hot spots",
      ),
      n("IV", "Đánh giá chung", "Overall assessment", "Ưu điểm, hạn chế và nguyên nhân."),
      n("V", "Phương hướng, nhiệm vụ; kiến nghị, đề xuất", "Directions and tasks; proposals"),
    ],
    rules: [LETTERS_RULE, ON_TIME_RULE, CROWDS_RULE, SCHEDULE_RULE],
    outlierPercent: "50",
    revision: 2,
  },
];
