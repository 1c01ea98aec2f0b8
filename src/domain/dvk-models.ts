/**
 * "Dân vận khéo" models: fields, kinds, the yearly registration (new or kept up), the lifecycle
 * of a model within a year, likely duplicates, and evaluation against a province's criteria.
 *
 * Sources (../shared/domain/RULES.md §1d):
 * - four fields: kinh tế; văn hóa – xã hội; quốc phòng – an ninh; xây dựng hệ thống chính trị [S40][S41]
 *   (confirmed; some provinces add "nông thôn mới" [S42], so the list is data: table `model_field`);
 * - kind ∈ {tập thể, cá nhân} [S44] (confirmed); registration status {mới, duy trì} (Bắc Kạn 2021 review:
 *   "2.011 mô hình, trong đó 1.354 mô hình đăng ký mới, 657 mô hình duy trì");
 * - lifecycle đăng ký → thực hiện → bình xét → công nhận → điển hình → khen thưởng [S42][S44][S45]
 *   (confirmed); a recognised model may be commended without being made exemplary (Bắc Kạn 2021: >800
 *   recognised, 222 điển hình, commendations among both) — partly confirmed, so the skip is allowed;
 * - criteria are local (Đà Lạt: 5 for collectives, 5 for individuals [S43]): sets are data per province.
 * @module
 */
import { foldVietnamese } from "./vn-text.ts";

export interface ModelField {
  code: string;
  nameVi: string;
  nameEn: string;
}

/** The four fields every province uses (RULES §1d [S40][S41]); a province may add more as data. */
export const BUILT_IN_FIELDS: readonly ModelField[] = [
  { code: "economy", nameVi: "Kinh tế", nameEn: "Economy" },
  { code: "culture_society", nameVi: "Văn hóa – xã hội", nameEn: "Culture and society" },
  { code: "defence_security", nameVi: "Quốc phòng – an ninh", nameEn: "Defence and security" },
  {
    code: "political_system",
    nameVi: "Xây dựng hệ thống chính trị",
    nameEn: "Building the political system",
  },
];

export const MODEL_KINDS = ["collective", "individual"] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];
export const KIND_VI: Record<ModelKind, string> = { collective: "Tập thể", individual: "Cá nhân" };

export const REGISTRATIONS = ["new", "kept"] as const;
export type Registration = (typeof REGISTRATIONS)[number];
export const REGISTRATION_VI: Record<Registration, string> = { new: "Đăng ký mới", kept: "Duy trì" };

/** A model's status within one year, in order. */
export const MODEL_STATUSES = [
  "registered",
  "implementing",
  "assessed",
  "recognised",
  "exemplary",
  "commended",
] as const;
export type ModelStatus = (typeof MODEL_STATUSES)[number];
export const STATUS_VI: Record<ModelStatus, string> = {
  registered: "Đăng ký",
  implementing: "Đang thực hiện",
  assessed: "Đã bình xét",
  recognised: "Được công nhận",
  exemplary: "Điển hình",
  commended: "Được khen thưởng",
};

/** Who takes a step: the registering unit itself, or a unit above it (the one that evaluates and commends). */
export type StepActor = "unit" | "superior";

export const STEP_ACTOR: Record<ModelStatus, StepActor> = {
  registered: "unit",
  implementing: "unit",
  assessed: "superior",
  recognised: "superior",
  exemplary: "superior",
  commended: "superior",
};

/** The statuses a model may move to from `from`: the next one, and from "recognised" straight to "commended". */
export function nextStatuses(from: ModelStatus): ModelStatus[] {
  const i = MODEL_STATUSES.indexOf(from);
  const next = MODEL_STATUSES[i + 1];
  const out: ModelStatus[] = next ? [next] : [];
  if (from === "recognised") out.push("commended");
  return out;
}

/** Why a step is refused, in both languages, or null when it is allowed. */
export function stepProblem(
  from: ModelStatus,
  to: ModelStatus,
): { messageVi: string; messageEn: string } | null {
  if (nextStatuses(from).includes(to)) return null;
  return {
    messageVi: `Không thể chuyển mô hình từ "${STATUS_VI[from]}" sang "${STATUS_VI[to]}"`,
    messageEn: `A model cannot go from ${from} to ${to}`,
  };
}

/** Counted as "recognised" in the totals: recognised and every later status. */
export function isRecognised(s: ModelStatus): boolean {
  return MODEL_STATUSES.indexOf(s) >= MODEL_STATUSES.indexOf("recognised");
}

/** Counted as "exemplary": exemplary, and commended after being made exemplary. */
export function isExemplary(s: ModelStatus, wasExemplary: boolean): boolean {
  return s === "exemplary" || (s === "commended" && wasExemplary);
}

// ---- likely duplicates -------------------------------------------------------------------------------------

/** Words that say nothing about which model it is ("mô hình", "dân vận khéo"…), ignored when comparing. */
const NOISE = new Set([
  "mo",
  "hinh",
  "dan",
  "van",
  "kheo",
  "trong",
  "cua",
  "va",
  "voi",
  "cho",
  "tai",
  "o",
  "so",
]);

function words(name: string): Set<string> {
  return new Set(
    foldVietnamese(name)
      .split(/[^a-z0-9]+/)
      .filter((w) => w !== "" && !NOISE.has(w)),
  );
}

const numbersOf = (w: Set<string>) => [...w].filter((x) => /^\d+$/.test(x)).sort();

/**
 * How alike two model names are, 0–1, ignoring accents, case, punctuation and the words every name has. Two
 * names that each carry a number and differ in it name different models ("Tổ tự quản số 1" and "… số 2"): 0.
 */
export function nameSimilarity(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  if (x.size === 0 || y.size === 0) return foldVietnamese(a).trim() === foldVietnamese(b).trim() ? 1 : 0;
  const [nx, ny] = [numbersOf(x), numbersOf(y)];
  if (nx.length > 0 && ny.length > 0 && nx.join(" ") !== ny.join(" ")) return 0;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  // the smaller name's share of words found in the other: "Tổ tự quản" inside "Tổ tự quản đường hoa" is alike
  return shared / Math.min(x.size, y.size);
}

/** Above this, a name is shown as a likely duplicate before saving (the user may still save it). */
export const DUPLICATE_THRESHOLD = 0.75;

/** The candidates whose name is likely the same model as `name`, most alike first. */
export function likelyDuplicates<T extends { name: string }>(name: string, candidates: readonly T[]) {
  return candidates
    .map((c) => ({ item: c, similarity: nameSimilarity(name, c.name) }))
    .filter((c) => c.similarity >= DUPLICATE_THRESHOLD)
    .sort((p, q) => q.similarity - p.similarity);
}

// ---- evaluation against criteria ---------------------------------------------------------------------------

export interface Criterion {
  code: string;
  textVi: string;
  /** Must be met for the model to be recognised. */
  required: boolean;
}

export interface CriteriaSet {
  kind: ModelKind;
  criteria: Criterion[];
  /** How many criteria must be met in all (required ones included) to recognise the model. */
  minimumMet: number;
}

export interface Assessment {
  met: number;
  total: number;
  missingRequired: string[];
  /** Enough criteria met, every required one among them: the model may be recognised. */
  passes: boolean;
}

/** Scores a model's answers (criterion code → met) against a criteria set; unknown codes are an error. */
export function assess(set: CriteriaSet, answers: Record<string, boolean>): Assessment {
  const codes = new Set(set.criteria.map((c) => c.code));
  const unknown = Object.keys(answers).filter((k) => !codes.has(k));
  if (unknown.length) throw new RangeError(`Unknown criteria: ${unknown.join(", ")}`);
  const met = set.criteria.filter((c) => answers[c.code] === true).length;
  const missingRequired = set.criteria
    .filter((c) => c.required && answers[c.code] !== true)
    .map((c) => c.code);
  return {
    met,
    total: set.criteria.length,
    missingRequired,
    passes: missingRequired.length === 0 && met >= set.minimumMet,
  };
}

/** Where the example criteria come from, as a page shows it. */
export const EXAMPLE_CRITERIA_SOURCE =
  "Ví dụ theo 5 tiêu chuẩn nhân rộng mô hình “Dân vận khéo” của thành phố Đà Lạt (Báo Lâm Đồng, tháng 10/2017)";

/**
 * Example criteria sets after Đà Lạt (5 for collectives, 5 for individuals [S43]) and the model criteria of
 * RULES §1d [S41]; marked as examples: each province keeps its own.
 */
export const EXAMPLE_CRITERIA: readonly CriteriaSet[] = [
  {
    kind: "collective",
    minimumMet: 4,
    criteria: [
      {
        code: "C1",
        textVi: "Có tên mô hình cụ thể, thuộc một lĩnh vực, gắn với sự lãnh đạo của cấp ủy",
        required: true,
      },
      {
        code: "C2",
        textVi: "Đăng ký với cơ quan phát động, có kế hoạch và phân công thực hiện",
        required: true,
      },
      { code: "C3", textVi: "Huy động được nhiều lực lượng, nhiều người dân tham gia", required: false },
      {
        code: "C4",
        textVi: "Giải quyết được vấn đề bức xúc, có kết quả cụ thể, được Nhân dân đồng tình",
        required: false,
      },
      { code: "C5", textVi: "Duy trì bền vững, có khả năng nhân rộng", required: false },
    ],
  },
  {
    kind: "individual",
    minimumMet: 4,
    criteria: [
      { code: "I1", textVi: "Có việc làm, cách làm cụ thể, thuộc một lĩnh vực", required: true },
      { code: "I2", textVi: "Đăng ký với cơ quan phát động", required: true },
      { code: "I3", textVi: "Vận động được người dân cùng tham gia", required: false },
      { code: "I4", textVi: "Mang lại kết quả cụ thể, được cộng đồng ghi nhận", required: false },
      { code: "I5", textVi: "Là tấm gương để người khác học tập, làm theo", required: false },
    ],
  },
];

// ---- the counts that feed report indicators ----------------------------------------------------------------

/** The report indicators the model registry fills by itself (the report indicators' catalogue), and the count each takes. */
export const FED_INDICATORS = {
  DVK_MODELS_TOTAL: "total",
  DVK_MODELS_NEW: "new",
  DVK_MODELS_KEPT: "kept",
  DVK_MODELS_RECOGNISED: "recognised",
  DVK_MODELS_EXEMPLARY: "exemplary",
} as const;
export type FedCount = (typeof FED_INDICATORS)[keyof typeof FED_INDICATORS];

export interface CountRow extends Record<FedCount, number> {
  field_code: string;
  kind: ModelKind;
}

/**
 * A report's values for the fed indicators, from the registry's counts under the reporting unit: the total of
 * each and, where the form breaks it down, one value per field and per kind (the form's options are matched to
 * the fields' names ignoring accents and case: "văn hóa – xã hội" ~ "Văn hóa – xã hội"). Only the indicators
 * and breakdowns on the form (`combos`, indicator → allowed combo keys) are filled; every one of them is, zeros
 * included, so a report says "0" rather than leaving the cell empty.
 */
export function fedValues(
  rows: readonly CountRow[],
  fieldNames: ReadonlyMap<string, string>,
  combos: ReadonlyMap<string, readonly string[]>,
): Record<string, Record<string, string>> {
  const fold = (s: string) => foldVietnamese(s).trim();
  const out: Record<string, Record<string, string>> = {};
  for (const [code, count] of Object.entries(FED_INDICATORS)) {
    const allowed = combos.get(code);
    if (!allowed) continue;
    const values: Record<string, string> = {};
    for (const combo of allowed) {
      const [category, option] = combo === "" ? ["", ""] : (combo.split("=", 2) as [string, string]);
      const matches = rows.filter((r) => {
        if (category === "") return true;
        if (category === "field") return fold(fieldNames.get(r.field_code) ?? r.field_code) === fold(option);
        if (category === "kind") return fold(KIND_VI[r.kind]) === fold(option);
        return false;
      });
      values[combo] = String(matches.reduce((n, r) => n + r[count], 0));
    }
    out[code] = values;
  }
  return out;
}
