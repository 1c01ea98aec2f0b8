/**
 * The annual "dân vận chính quyền" evaluation: a province's scheme for a year (a criteria tree with
 * maximum points, bonus and penalty items, evidence required or not, who scores each item), the unit's
 * self-score, the superior's appraisal, the final score, the band (with capping rules) and the rank among peers.
 *
 * Sources (../shared/domain/RULES.md §1e): there is no national scale, so everything here is data:
 * - Bắc Kạn, QĐ 1878 (2017) [S47]: 8 criteria worth 90 self-assessed points plus 10 from the upper level, which
 *   may lower the score; a unit can be "không đủ điều kiện xếp loại" (not ranked) — confirmed;
 * - Quảng Bình, QĐ 3140/QĐ-UBND (2022) [S48]: 100 points, or 85 for units outside the PAR index;
 *   self-assessment then appraisal — confirmed (the scores of units outside the PAR index are compared on 100
 *   here, by scaling: partly confirmed, so a scheme says whether it scales);
 * - bands HTXS / HTT / HT / KHT: thresholds NOT found [U] — Tháp Mười's 95,5 = HTTNV (2021, a civil servant
 *   dismissed for discipline) against 96 = HTXSNV hints at a cap; so thresholds and caps are data, and the
 *   example schemes mark theirs as examples;
 * - ranks: "xếp thứ 7", "xếp thứ 5" (Tháp Mười reports); equal scores share a rank (1, 2, 2, 4).
 * Points are handled in hundredths (integers) so 97,05 stays exact.
 * @module
 */

export type ItemKind = "criterion" | "bonus" | "penalty";
export type Scorer = "unit" | "superior";

export interface SchemeItem {
  code: string;
  titleVi: string;
  kind: ItemKind;
  /** Maximum points ("12.5"); a parent's children may not add up to more. */
  maxPoints: string;
  /** Who scores it: the unit itself (then the superior may adjust) or only the superior (Bắc Kạn's 10). */
  scoredBy: Scorer;
  evidenceRequired: boolean;
  /** Counted only for units inside the PAR index (Quảng Bình: 15 of 100). */
  parIndexOnly?: boolean;
  children?: SchemeItem[];
}

export interface Band {
  code: string;
  nameVi: string;
  /** Lowest (scaled) score of the band, e.g. "90". */
  min: string;
}

export interface Cap {
  code: string;
  labelVi: string;
  /** The best band a unit with this flag can get. */
  maxBand: string;
}

export interface Scheme {
  items: SchemeItem[];
  /** Best first. */
  bands: Band[];
  caps: Cap[];
  /** Compare units on 100 when some items do not apply to them (outside the PAR index). */
  scaleTo100: boolean;
}

/** A number of points as hundredths: "97,05" / "97.05" → 9705; null when it is not a number of points. */
export function toHundredths(points: string): number | null {
  const m = /^(\d{1,4})(?:[.,](\d{1,2}))?$/.exec(points.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

/** 9705 → "97,05"; 9550 → "95,5"; 9600 → "96" (Vietnamese decimal comma, no trailing zeros). */
export function formatPoints(h: number): string {
  const sign = h < 0 ? "-" : "";
  const a = Math.abs(h);
  const whole = Math.floor(a / 100);
  const frac = String(a % 100)
    .padStart(2, "0")
    .replace(/0+$/, "");
  return `${sign}${whole}${frac ? `,${frac}` : ""}`;
}

export interface SchemeProblem {
  path: string;
  messageVi: string;
  messageEn: string;
}

/** The leaves of the tree (the items that are scored), in order. */
export function leaves(items: readonly SchemeItem[]): SchemeItem[] {
  return items.flatMap((i) => (i.children?.length ? leaves(i.children) : [i]));
}

/** Structural checks on a scheme: unique codes, points that parse and add up, bands in order, caps known. */
export function checkScheme(s: Scheme): SchemeProblem[] {
  const out: SchemeProblem[] = [];
  const codes = new Set<string>();
  const walk = (items: readonly SchemeItem[], path: string) => {
    items.forEach((item, i) => {
      const p = `${path}.${i}`;
      if (codes.has(item.code)) {
        out.push({
          path: p,
          messageVi: `Trùng mã tiêu chí ${item.code}`,
          messageEn: `Duplicate item code ${item.code}`,
        });
      }
      codes.add(item.code);
      const max = toHundredths(item.maxPoints);
      if (max === null || max <= 0) {
        out.push({
          path: `${p}.maxPoints`,
          messageVi: "Điểm tối đa phải là số dương",
          messageEn: "Maximum points must be positive",
        });
      }
      if (item.children?.length) {
        const sum = item.children.reduce((n, c) => n + (toHundredths(c.maxPoints) ?? 0), 0);
        if (max !== null && sum > max) {
          out.push({
            path: p,
            messageVi: `Các tiêu chí con của ${item.code} cộng lại ${formatPoints(sum)} điểm, quá ${formatPoints(max)}`,
            messageEn: `The children of ${item.code} add up to ${formatPoints(sum)}, above ${formatPoints(max)}`,
          });
        }
        if (item.children.some((c) => c.kind !== item.kind)) {
          out.push({
            path: p,
            messageVi: "Tiêu chí con phải cùng loại với tiêu chí cha",
            messageEn: "Children must be of their parent's kind",
          });
        }
        walk(item.children, `${p}.children`);
      }
    });
  };
  walk(s.items, "items");
  if (s.bands.length === 0)
    out.push({
      path: "bands",
      messageVi: "Cần ít nhất một mức xếp loại",
      messageEn: "At least one band is needed",
    });
  const mins = s.bands.map((b) => toHundredths(b.min));
  mins.forEach((m, i) => {
    const prev = i > 0 ? mins[i - 1] : null;
    if (m === null)
      out.push({ path: `bands.${i}.min`, messageVi: "Ngưỡng điểm không hợp lệ", messageEn: "Bad threshold" });
    else if (prev !== null && prev !== undefined && m >= prev) {
      out.push({
        path: `bands.${i}.min`,
        messageVi: "Các mức phải xếp từ cao xuống thấp",
        messageEn: "Bands go from the best down",
      });
    }
  });
  s.caps.forEach((c, i) => {
    if (!s.bands.some((b) => b.code === c.maxBand)) {
      out.push({
        path: `caps.${i}.maxBand`,
        messageVi: `Không có mức ${c.maxBand}`,
        messageEn: `No band ${c.maxBand}`,
      });
    }
  });
  return out;
}

/** The highest score a unit can reach on the criteria (bonus and penalty aside), with or without PAR items. */
export function maxCriteria(s: Scheme, inParIndex: boolean): number {
  return s.items
    .filter((i) => i.kind === "criterion" && (inParIndex || !i.parIndexOnly))
    .reduce((n, i) => n + (toHundredths(i.maxPoints) ?? 0), 0);
}

export interface ScoreEntry {
  /** Points as written ("12,5"). */
  points: string;
  evidence?: string;
}

export interface ScoreProblem {
  code: string;
  messageVi: string;
  messageEn: string;
}

/**
 * Checks a set of scores (leaf code → entry) against the scheme for one scorer: every code known and scored by
 * them, within 0 and its maximum, evidence given where required (a line of text, or a file kept for the item:
 * `withFiles` names the items that have one). Leaves not given are simply not scored yet.
 */
export function checkScores(
  s: Scheme,
  scores: Record<string, ScoreEntry>,
  scorer: Scorer | "appraiser",
  inParIndex: boolean,
  withFiles: ReadonlySet<string> = new Set(),
): ScoreProblem[] {
  const byCode = new Map(leaves(s.items).map((l) => [l.code, l]));
  const out: ScoreProblem[] = [];
  for (const [code, e] of Object.entries(scores)) {
    const item = byCode.get(code);
    if (!item) {
      out.push({ code, messageVi: `Không có tiêu chí ${code}`, messageEn: `No item ${code}` });
      continue;
    }
    if (scorer === "unit" && item.scoredBy === "superior") {
      out.push({
        code,
        messageVi: `Tiêu chí ${code} do cấp trên chấm`,
        messageEn: `${code} is scored by the upper level`,
      });
      continue;
    }
    if (item.parIndexOnly && !inParIndex) {
      out.push({
        code,
        messageVi: `Tiêu chí ${code} chỉ áp dụng cho đơn vị thuộc chỉ số PAR`,
        messageEn: `${code} applies only inside the PAR index`,
      });
      continue;
    }
    const v = toHundredths(e.points);
    const max = toHundredths(item.maxPoints) ?? 0;
    if (v === null) {
      out.push({
        code,
        messageVi: `Điểm "${e.points}" không hợp lệ`,
        messageEn: `"${e.points}" is not a number of points`,
      });
    } else if (v > max) {
      out.push({
        code,
        messageVi: `Điểm ${formatPoints(v)} vượt điểm tối đa ${formatPoints(max)} của tiêu chí ${code}`,
        messageEn: `${formatPoints(v)} is above the ${formatPoints(max)} maximum of ${code}`,
      });
    }
    if (
      scorer === "unit" &&
      item.evidenceRequired &&
      v !== null &&
      v > 0 &&
      !e.evidence?.trim() &&
      !withFiles.has(code)
    ) {
      out.push({
        code,
        messageVi: `Tiêu chí ${code} cần có tài liệu kiểm chứng`,
        messageEn: `${code} needs its evidence`,
      });
    }
  }
  return out;
}

export interface Result {
  /** Criteria + bonus − penalty, in hundredths, never below 0. */
  raw: number;
  /** What bands and ranks use: raw, or raw scaled to 100 when PAR items do not apply and the scheme scales. */
  score: number;
  band: Band | null;
  /** The cap that lowered the band, if any. */
  cappedBy: Cap | null;
}

/**
 * The final result from the leaf scores that count (the appraiser's where given, else the unit's own; items
 * only the superior scores count from the appraisal alone). A parent never counts above its maximum.
 */
export function result(
  s: Scheme,
  own: Record<string, ScoreEntry>,
  appraised: Record<string, ScoreEntry>,
  flags: readonly string[],
  inParIndex: boolean,
): Result {
  const value = (item: SchemeItem): number => {
    const max = toHundredths(item.maxPoints) ?? 0;
    if (item.parIndexOnly && !inParIndex) return 0;
    if (item.children?.length)
      return Math.min(
        max,
        item.children.reduce((n, c) => n + value(c), 0),
      );
    const e = appraised[item.code] ?? (item.scoredBy === "unit" ? own[item.code] : undefined);
    return Math.min(max, toHundredths(e?.points ?? "0") ?? 0);
  };
  const sum = (kind: ItemKind) => s.items.filter((i) => i.kind === kind).reduce((n, i) => n + value(i), 0);
  const raw = Math.max(0, sum("criterion") + sum("bonus") - sum("penalty"));
  const max = maxCriteria(s, inParIndex);
  const full = maxCriteria(s, true);
  const score = s.scaleTo100 && max > 0 && max !== full ? Math.round((raw * 10000) / max) : raw;
  let band = s.bands.find((b) => score >= (toHundredths(b.min) ?? Number.POSITIVE_INFINITY)) ?? null;
  let cappedBy: Cap | null = null;
  for (const c of s.caps.filter((x) => flags.includes(x.code))) {
    const limit = s.bands.findIndex((b) => b.code === c.maxBand);
    const at = band ? s.bands.indexOf(band) : s.bands.length;
    if (limit >= 0 && at < limit) {
      band = s.bands[limit] ?? band;
      cappedBy = c;
    }
  }
  return { raw, score, band, cappedBy };
}

/** Ranks by score, best first; equal scores share a rank and the next rank skips (1, 2, 2, 4). */
export function rank<T extends { score: number }>(items: readonly T[]): (T & { rank: number })[] {
  const sorted = [...items].sort((a, b) => b.score - a.score);
  return sorted.map((item, i) => {
    const first = sorted.findIndex((x) => x.score === item.score);
    return { ...item, rank: first === i ? i + 1 : first + 1 };
  });
}

// ---- example schemes ---------------------------------------------------------------------------------------

const BANDS_EXAMPLE: Band[] = [
  { code: "HTXSNV", nameVi: "Hoàn thành xuất sắc nhiệm vụ", min: "90" },
  { code: "HTTNV", nameVi: "Hoàn thành tốt nhiệm vụ", min: "70" },
  { code: "HTNV", nameVi: "Hoàn thành nhiệm vụ", min: "50" },
  { code: "KHTNV", nameVi: "Không hoàn thành nhiệm vụ", min: "0" },
];
const CAPS_EXAMPLE: Cap[] = [
  {
    code: "discipline_dismissal",
    labelVi: "Có cán bộ, công chức bị kỷ luật buộc thôi việc trong năm",
    maxBand: "HTTNV",
  },
];

const c = (
  code: string,
  titleVi: string,
  maxPoints: string,
  extra: Partial<SchemeItem> = {},
): SchemeItem => ({
  code,
  titleVi,
  kind: "criterion",
  maxPoints,
  scoredBy: "unit",
  evidenceRequired: true,
  ...extra,
});

/** The legal sources the example schemes follow, as a page shows them (RULES §1e [S47], [S48]). */
export const BAC_KAN_2017 = "Quyết định số 1878/QĐ-UBND năm 2017 của UBND tỉnh Bắc Kạn";
export const QUANG_BINH_2022 = "Quyết định số 3140/QĐ-UBND năm 2022 của UBND tỉnh Quảng Bình";

/**
 * Example schemes after the sources of RULES §1e, marked as examples (the criteria titles summarise; band
 * thresholds are unconfirmed and only illustrate).
 */
export const EXAMPLE_SCHEMES: readonly { key: string; nameVi: string; source: string; scheme: Scheme }[] = [
  {
    key: "bac-kan-2017",
    nameVi: "Ví dụ theo Bắc Kạn (QĐ 1878/2017): 90 điểm tự chấm, 10 điểm cấp trên",
    source: BAC_KAN_2017,
    scheme: {
      items: [
        c("BK1", "Lãnh đạo, chỉ đạo, tổ chức thực hiện công tác dân vận chính quyền", "15"),
        c("BK2", "Thực hiện quy chế dân chủ ở cơ sở", "15"),
        c("BK3", "Cải cách hành chính, thủ tục hành chính", "15"),
        c("BK4", "Tiếp công dân, giải quyết khiếu nại, tố cáo", "10"),
        c("BK5", "Xây dựng đội ngũ cán bộ, công chức gần dân, trọng dân", "10"),
        c("BK6", "Phối hợp với Mặt trận và các đoàn thể", "10"),
        c("BK7", "Phong trào thi đua “Dân vận khéo”", "10"),
        c("BK8", "Chế độ thông tin, báo cáo", "5"),
        c("BK9", "Đánh giá của cấp trên", "10", { scoredBy: "superior", evidenceRequired: false }),
        c("BKP", "Trừ điểm: vi phạm, đơn thư vượt cấp kéo dài", "10", {
          kind: "penalty",
          scoredBy: "superior",
          evidenceRequired: false,
        }),
      ],
      bands: BANDS_EXAMPLE,
      caps: CAPS_EXAMPLE,
      scaleTo100: false,
    },
  },
  {
    key: "quang-binh-2022",
    nameVi: "Ví dụ theo Quảng Bình (QĐ 3140/QĐ-UBND/2022): 100 điểm, 85 điểm với đơn vị ngoài chỉ số PAR",
    source: QUANG_BINH_2022,
    scheme: {
      items: [
        c("QB1", "Lãnh đạo, chỉ đạo công tác dân vận chính quyền", "20"),
        c("QB2", "Thực hiện dân chủ trong hoạt động của cơ quan", "20"),
        c("QB3", "Tiếp công dân, đối thoại, giải quyết kiến nghị", "20"),
        c("QB4", "Phong trào thi đua “Dân vận khéo”", "15"),
        c("QB5", "Kết quả chỉ số cải cách hành chính (PAR Index)", "15", { parIndexOnly: true }),
        c("QB6", "Phối hợp với Mặt trận, đoàn thể", "10"),
        c("QBB", "Điểm thưởng: mô hình điển hình được khen thưởng", "5", { kind: "bonus" }),
      ],
      bands: BANDS_EXAMPLE,
      caps: CAPS_EXAMPLE,
      scaleTo100: true,
    },
  },
];
