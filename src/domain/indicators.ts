/**
 * The indicator catalogue shipped with danvan: what the reference reports count (../shared/reference: the
 * Bắc Kạn 2021 review — models total/new/kept; the Tháp Mười 2024 report — dissemination, citizen reception,
 * letters, online dossiers, dân vận chính quyền score/band/rank, PAR Index and SIPAS ranks) and RULES.md §3.
 * Data, not code: admins add their own. Pure, no I/O.
 * @module
 */
import type { AggregationRule } from "./aggregation.ts";
import { add, compare, isDecimal } from "./decimal.ts";
import { formatDecimalEn, formatDecimalVi } from "./vn-format.ts";

export type IndicatorType = "integer" | "decimal" | "percentage" | "text";

export interface IndicatorDefinition {
  code: string;
  nameVi: string;
  nameEn: string;
  type: IndicatorType;
  unitOfMeasure: string;
  aggregation: AggregationRule;
  /** Optional disaggregation: category name → options (e.g. field × new/kept). */
  categories: Record<string, string[]>;
  description: string;
  /**
   * Weighted averages only: the indicator whose value in the same report weighs this one (the share of
   * dossiers filed online is weighted by the dossiers received).
   */
  weightCode?: string | null;
  /**
   * The largest value a report can sensibly give (a count of models, sessions, letters; an amount in VND), so a
   * slip of the keyboard ("20110000000000000000000") is refused where it is typed. Null: no bound beyond the
   * type's. The shipped bounds are danvan's own choice (no legal source sets them): data, editable per
   * indicator.
   */
  maxValue?: string | null;
}

const MODEL_FIELDS = ["kinh tế", "văn hóa – xã hội", "quốc phòng – an ninh", "xây dựng hệ thống chính trị"];

export const BUILT_IN_INDICATORS: readonly IndicatorDefinition[] = [
  {
    code: "DVK_MODELS_TOTAL",
    nameVi: "Tổng số mô hình “Dân vận khéo”",
    nameEn: "“Dân vận khéo” models, total",
    type: "integer",
    unitOfMeasure: "mô hình",
    aggregation: "sum",
    categories: { field: MODEL_FIELDS, kind: ["tập thể", "cá nhân"] },
    description: "Mô hình đăng ký mới và duy trì trong năm (Bắc Kạn 2021: 2.011).",
    maxValue: "1000000",
  },
  {
    code: "DVK_MODELS_NEW",
    nameVi: "Mô hình “Dân vận khéo” đăng ký mới",
    nameEn: "“Dân vận khéo” models newly registered",
    type: "integer",
    unitOfMeasure: "mô hình",
    aggregation: "sum",
    categories: { field: MODEL_FIELDS },
    description: "Bắc Kạn 2021: 1.354.",
    maxValue: "1000000",
  },
  {
    code: "DVK_MODELS_KEPT",
    nameVi: "Mô hình “Dân vận khéo” duy trì",
    nameEn: "“Dân vận khéo” models kept up",
    type: "integer",
    unitOfMeasure: "mô hình",
    aggregation: "sum",
    categories: { field: MODEL_FIELDS },
    description: "Bắc Kạn 2021: 657.",
    maxValue: "1000000",
  },
  {
    code: "DVK_MODELS_RECOGNISED",
    nameVi: "Mô hình được công nhận",
    nameEn: "Models recognised",
    type: "integer",
    unitOfMeasure: "mô hình",
    aggregation: "sum",
    categories: {},
    description: "Đã bình xét, công nhận trong kỳ.",
    maxValue: "1000000",
  },
  {
    code: "DVK_MODELS_EXEMPLARY",
    nameVi: "Mô hình điển hình",
    nameEn: "Exemplary models",
    type: "integer",
    unitOfMeasure: "mô hình",
    aggregation: "sum",
    categories: {},
    description: "",
    maxValue: "1000000",
  },
  {
    code: "DISSEMINATION_SESSIONS",
    nameVi: "Số buổi tuyên truyền, phổ biến",
    nameEn: "Dissemination sessions",
    type: "integer",
    unitOfMeasure: "buổi",
    aggregation: "sum",
    categories: {},
    description: "Học tập, quán triệt, tuyên truyền chủ trương, nghị quyết.",
    maxValue: "1000000",
  },
  {
    code: "DISSEMINATION_ATTENDEES",
    nameVi: "Lượt người dự tuyên truyền",
    nameEn: "Dissemination attendees",
    type: "integer",
    unitOfMeasure: "lượt người",
    aggregation: "sum",
    categories: {},
    description: "",
    maxValue: "200000000",
  },
  {
    code: "RECEPTION_DAYS",
    nameVi: "Số ngày tiếp công dân định kỳ của người đứng đầu",
    nameEn: "Regular citizen-reception days held by the head",
    type: "integer",
    unitOfMeasure: "ngày",
    aggregation: "sum",
    categories: {},
    description: "Luật Tiếp công dân 2013: chủ tịch UBND xã ít nhất 1 ngày/tuần.",
    maxValue: "1000000",
  },
  {
    code: "RECEPTION_DAYS_SCHEDULED",
    nameVi: "Số ngày tiếp công dân định kỳ theo lịch",
    nameEn: "Regular citizen-reception days scheduled",
    type: "integer",
    unitOfMeasure: "ngày",
    aggregation: "sum",
    categories: {},
    description:
      "Ngày người đứng đầu tiếp công dân theo lịch đã thông báo, đến hết kỳ (ngày nghỉ chuyển sang ngày làm việc kế tiếp); so với số ngày đã trực tiếp tiếp.",
    maxValue: "1000000",
  },
  {
    code: "RECEPTION_SESSIONS",
    nameVi: "Số buổi tiếp công dân",
    nameEn: "Citizen-reception sessions",
    type: "integer",
    unitOfMeasure: "buổi",
    aggregation: "sum",
    categories: {},
    description: "Mọi buổi tiếp: người đứng đầu, cấp phó tiếp thay, Ban tiếp công dân thường xuyên.",
    maxValue: "1000000",
  },
  {
    code: "CITIZENS_RECEIVED",
    nameVi: "Số lượt công dân được tiếp",
    nameEn: "Citizens received",
    type: "integer",
    unitOfMeasure: "lượt công dân",
    aggregation: "sum",
    categories: {},
    description: "",
    maxValue: "100000000",
  },
  {
    code: "CROWD_GROUPS",
    nameVi: "Số đoàn đông người được tiếp",
    nameEn: "Crowds received",
    type: "integer",
    unitOfMeasure: "đoàn",
    aggregation: "sum",
    categories: {},
    description:
      "Luật Tiếp công dân 2013, Điều 30: từ 5 người trở lên cùng khiếu nại, tố cáo, kiến nghị một nội dung.",
    maxValue: "1000000",
  },
  {
    code: "DIALOGUES_HELD",
    nameVi: "Số buổi đối thoại với Nhân dân",
    nameEn: "Dialogues with the people",
    type: "integer",
    unitOfMeasure: "buổi",
    aggregation: "sum",
    categories: {},
    description: "Đối thoại, gặp gỡ, tiếp xúc Nhân dân của người đứng đầu cấp ủy, chính quyền.",
    maxValue: "1000000",
  },
  {
    code: "LETTERS_RECEIVED",
    nameVi: "Số đơn thư tiếp nhận",
    nameEn: "Letters received",
    type: "integer",
    unitOfMeasure: "đơn",
    aggregation: "sum",
    categories: { kind: ["khiếu nại", "tố cáo", "kiến nghị, phản ánh"] },
    description: "",
    maxValue: "10000000",
  },
  {
    code: "LETTERS_RESOLVED",
    nameVi: "Số đơn thư đã giải quyết",
    nameEn: "Letters resolved",
    type: "integer",
    unitOfMeasure: "đơn",
    aggregation: "sum",
    categories: { kind: ["khiếu nại", "tố cáo", "kiến nghị, phản ánh"] },
    description: "",
    maxValue: "10000000",
  },
  {
    code: "LETTERS_RESOLVED_ON_TIME",
    nameVi: "Số đơn thư giải quyết đúng hạn",
    nameEn: "Letters resolved on time",
    type: "integer",
    unitOfMeasure: "đơn",
    aggregation: "sum",
    categories: { kind: ["khiếu nại", "tố cáo", "kiến nghị, phản ánh"] },
    description:
      "Giải quyết xong trong thời hạn luật định (kể cả thời gian gia hạn; không tính thời gian tạm đình chỉ).",
    maxValue: "10000000",
  },
  {
    code: "DOSSIERS_RECEIVED",
    nameVi: "Số hồ sơ thủ tục hành chính tiếp nhận",
    nameEn: "Administrative dossiers received",
    type: "integer",
    unitOfMeasure: "hồ sơ",
    aggregation: "sum",
    categories: {},
    description: "Trọng số của tỷ lệ hồ sơ nộp trực tuyến.",
    maxValue: "500000000",
  },
  {
    code: "ONLINE_DOSSIER_SHARE",
    nameVi: "Tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến",
    nameEn: "Share of administrative dossiers filed online",
    type: "percentage",
    unitOfMeasure: "%",
    aggregation: "weighted_average",
    categories: {},
    description: "Bình quân có trọng số theo số hồ sơ tiếp nhận.",
    weightCode: "DOSSIERS_RECEIVED",
  },
  {
    code: "ONLINE_DOSSIERS",
    nameVi: "Số hồ sơ thủ tục hành chính tiếp nhận trực tuyến",
    nameEn: "Administrative dossiers received online",
    type: "integer",
    unitOfMeasure: "hồ sơ",
    aggregation: "sum",
    // before the 2025 reform a district counted its own level and its communes' apart
    categories: { level: ["cấp huyện", "cấp xã"] },
    description: "Tháp Mười: 2.384 (cấp huyện), 16.021 (cấp xã) năm 2022; 3.447 và 18.888 năm 2023.",
    maxValue: "500000000",
  },
  {
    code: "ONLINE_DOSSIER_SHARE_BY_LEVEL",
    nameVi: "Tỷ lệ hồ sơ tiếp nhận trực tuyến so với tổng số hồ sơ của từng cấp",
    nameEn: "Share of each level's dossiers received online",
    type: "percentage",
    unitOfMeasure: "%",
    aggregation: "none",
    categories: { level: ["cấp huyện", "cấp xã"] },
    description: "Tháp Mười: 50,43% (cấp huyện), 34,83% (cấp xã) năm 2022; 82,82% và 69,90% năm 2023.",
  },
  {
    code: "DVCQ_SCORE",
    nameVi: "Điểm đánh giá công tác dân vận chính quyền",
    nameEn: "“Dân vận chính quyền” evaluation score",
    type: "decimal",
    unitOfMeasure: "điểm",
    aggregation: "none",
    categories: {},
    description: "Tháp Mười: 95,5 (2021); 96 (2022); 97,05 (2023).",
    maxValue: "1000",
  },
  {
    code: "DVCQ_BAND",
    nameVi: "Xếp loại công tác dân vận chính quyền",
    nameEn: "“Dân vận chính quyền” band",
    type: "text",
    unitOfMeasure: "",
    aggregation: "none",
    categories: {},
    description: "Hoàn thành xuất sắc / tốt / hoàn thành / không hoàn thành nhiệm vụ.",
  },
  {
    code: "DVCQ_RANK",
    nameVi: "Thứ hạng công tác dân vận chính quyền",
    nameEn: "“Dân vận chính quyền” rank",
    type: "integer",
    unitOfMeasure: "hạng",
    aggregation: "none",
    categories: {},
    description: "Tháp Mười: hạng 7 (2022), hạng 5 (2023).",
    maxValue: "100000",
  },
  {
    code: "PAR_INDEX_RANK",
    nameVi: "Thứ hạng Chỉ số cải cách hành chính (PAR Index)",
    nameEn: "PAR Index rank",
    type: "integer",
    unitOfMeasure: "hạng",
    aggregation: "none",
    categories: {},
    description: "",
    maxValue: "100000",
  },
  {
    code: "SIPAS_RANK",
    nameVi: "Thứ hạng Chỉ số hài lòng (SIPAS)",
    nameEn: "SIPAS rank",
    type: "integer",
    unitOfMeasure: "hạng",
    aggregation: "none",
    categories: {},
    description: "",
    maxValue: "100000",
  },
  {
    code: "FUNDS_MOBILISED",
    nameVi: "Kinh phí vận động",
    nameEn: "Funds mobilised",
    type: "decimal",
    unitOfMeasure: "đồng",
    aggregation: "sum",
    categories: { source: ["Nhân dân", "ngân sách", "khác"] },
    description: "Tam Nông 2025: hơn 4,5 tỷ đồng, khoảng 4,4 tỷ từ Nhân dân.",
    maxValue: "100000000000000000",
  },
];

export type ValueCheck = { ok: true; value: string } | { ok: false; messageVi: string; messageEn: string };

const MAX_TEXT = 2000;

/** "0", "12", "2011": no sign, no leading zero, no point, at most 15 digits (exact as a JavaScript number). */
const PLAIN_WHOLE = /^(0|[1-9]\d{0,14})$/;
/** Digits a number may have before and after its decimal point (exact as a JavaScript number, and sensible). */
const MAX_WHOLE_DIGITS = 18;
const MAX_DECIMALS = 6;

const tooLarge = (max: string): ValueCheck => ({
  ok: false,
  messageVi: `Số quá lớn so với thực tế của chỉ tiêu này (tối đa ${formatDecimalVi(max)}): kiểm tra lại số đã nhập`,
  messageEn: `Larger than this indicator can sensibly be (at most ${formatDecimalEn(max)}): check the number typed`,
});

/**
 * Checks one entered value against its indicator's type and bound, and gives it in canonical form ("2011",
 * "50.43"). Counts and ranks are whole numbers ≥ 0; a percentage lies in 0–100; decimals are exact, with at
 * most 18 digits before the point and 6 after; no value exceeds the indicator's `maxValue`.
 */
export function checkValue(type: IndicatorType, raw: string, maxValue?: string | null): ValueCheck {
  const s = raw.trim();
  if (type === "text") {
    return s.length <= MAX_TEXT
      ? { ok: true, value: s }
      : { ok: false, messageVi: `Tối đa ${MAX_TEXT} ký tự`, messageEn: `At most ${MAX_TEXT} characters` };
  }
  // the common case, a plain whole number, is canonical already (a burst checks 200,000 of them)
  if (PLAIN_WHOLE.test(s)) {
    if (type === "percentage" && Number(s) > 100) {
      return {
        ok: false,
        messageVi: "Tỷ lệ phải từ 0 đến 100",
        messageEn: "A percentage lies between 0 and 100",
      };
    }
    return maxValue && compare(s, maxValue) > 0 ? tooLarge(maxValue) : { ok: true, value: s };
  }
  if (!isDecimal(s)) {
    return { ok: false, messageVi: `"${raw}" không phải là số`, messageEn: `"${raw}" is not a number` };
  }
  const value = add(s); // canonical: no trailing zeros, "-0" → "0"
  const [whole = "", fraction = ""] = value.replace("-", "").split(".");
  if (whole.length > MAX_WHOLE_DIGITS) return tooLarge(maxValue ?? "9".repeat(MAX_WHOLE_DIGITS));
  if (fraction.length > MAX_DECIMALS) {
    return {
      ok: false,
      messageVi: `Tối đa ${MAX_DECIMALS} chữ số sau dấu phẩy`,
      messageEn: `At most ${MAX_DECIMALS} digits after the decimal point`,
    };
  }
  if (type === "integer" && (value.includes(".") || value.startsWith("-"))) {
    return { ok: false, messageVi: "Phải là số nguyên không âm", messageEn: "Must be a whole number ≥ 0" };
  }
  if (type === "percentage" && (compare(value, "0") < 0 || compare(value, "100") > 0)) {
    return {
      ok: false,
      messageVi: "Tỷ lệ phải từ 0 đến 100",
      messageEn: "A percentage lies between 0 and 100",
    };
  }
  if (maxValue && compare(value, maxValue) > 0) return tooLarge(maxValue);
  return { ok: true, value };
}

/**
 * A weighted average names its weight, and only a weighted average does: a whole or decimal count (not a
 * share, not text), not itself, in the catalogue. Null when the definition is sound.
 */
export function checkWeight(
  i: Pick<IndicatorDefinition, "code" | "aggregation" | "weightCode">,
  catalogue: ReadonlyMap<string, { type: IndicatorType }>,
): { messageVi: string; messageEn: string } | null {
  const w = i.weightCode ?? null;
  if (i.aggregation !== "weighted_average") {
    return w === null
      ? null
      : {
          messageVi: "Chỉ bình quân có trọng số mới có chỉ tiêu trọng số",
          messageEn: "Only a weighted average has a weight indicator",
        };
  }
  if (w === null) {
    return {
      messageVi: "Bình quân có trọng số cần chỉ tiêu trọng số (ví dụ số hồ sơ tiếp nhận)",
      messageEn: "A weighted average needs a weight indicator (e.g. dossiers received)",
    };
  }
  const weight = catalogue.get(w);
  if (w === i.code || !weight || (weight.type !== "integer" && weight.type !== "decimal")) {
    return {
      messageVi: `Chỉ tiêu trọng số ${w} phải là một chỉ tiêu số lượng khác có trong danh mục`,
      messageEn: `The weight ${w} must be another count in the catalogue`,
    };
  }
  return null;
}
