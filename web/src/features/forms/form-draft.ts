/**
 * The form builder's draft: a report form being edited (sections, table rows, rules), the pure steps that change
 * it, the checks made before it is sent, and the server's problems sorted to the section or rule they name.
 * @module
 */
import type { ReportForm } from "@/lib/api.ts";

export type FormDraft = Omit<ReportForm, "id" | "version" | "builtIn">;
export type DraftSection = FormDraft["sections"][number];
export type DraftRule = FormDraft["rules"][number];
export type DraftRow = NonNullable<DraftSection["rows"]>[number];

export interface Problem {
  path: string;
  messageVi: string;
  messageEn: string;
}

/** A new form: one narrative part to start from. */
export function emptyDraft(): FormDraft {
  return {
    code: "",
    nameVi: "",
    nameEn: "",
    description: "",
    levels: ["commune"],
    sections: [{ key: "I", depth: 1, titleVi: "", titleEn: "", kind: "narrative" }],
    rules: [],
    outlierPercent: "50",
  };
}

/** What a stored form becomes when edited into its next version. */
export function draftOf(form: ReportForm): FormDraft {
  const { id: _id, version: _version, builtIn: _builtIn, ...draft } = form;
  return structuredClone(draft);
}

const ROMAN: [number, string][] = [
  [1000, "M"],
  [900, "CM"],
  [500, "D"],
  [400, "CD"],
  [100, "C"],
  [90, "XC"],
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

/** 1 → I, 4 → IV, 14 → XIV (the numbering of a report outline's parts). */
export function roman(n: number): string {
  let out = "";
  let rest = n;
  for (const [value, letters] of ROMAN) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

/**
 * The key for a section added after `index`: the next Roman numeral for a part ("III" after two parts), the
 * part's key and the next number for a sub-part ("II.3"); a key already taken gets a letter ("II.3a").
 */
export function nextKey(sections: readonly DraftSection[], index: number, depth: 1 | 2): string {
  const before = sections.slice(0, index + 1);
  let key: string;
  if (depth === 1) {
    key = roman(before.filter((s) => s.depth === 1).length + 1);
  } else {
    let parent = -1;
    for (let i = before.length - 1; i >= 0; i--) {
      if (before[i]?.depth === 1) {
        parent = i;
        break;
      }
    }
    const parentKey = parent >= 0 ? (before[parent]?.key ?? "") : "";
    const siblings = before.slice(parent + 1).filter((s) => s.depth === 2).length;
    key = parentKey ? `${parentKey}.${siblings + 1}` : String(siblings + 1);
  }
  const taken = new Set(sections.map((s) => s.key));
  if (!taken.has(key)) return key;
  for (const suffix of "abcdefghijklmnopqrstuvwxyz") {
    if (!taken.has(`${key}${suffix}`)) return `${key}${suffix}`;
  }
  return `${key}-${sections.length + 1}`;
}

/** A new section placed after `index` (at the start when -1). */
export function addSection(draft: FormDraft, index: number, depth: 1 | 2 = 1): FormDraft {
  const section: DraftSection = {
    key: nextKey(draft.sections, index, depth),
    depth,
    titleVi: "",
    titleEn: "",
    kind: "narrative",
  };
  const sections = [...draft.sections];
  sections.splice(index + 1, 0, section);
  return { ...draft, sections };
}

/** A section's kind changed: a table gets a first empty row list, the others lose theirs. */
export function withKind(section: DraftSection, kind: DraftSection["kind"]): DraftSection {
  const { rows, guidanceVi, ...rest } = section;
  if (kind === "table") return { ...rest, kind, rows: rows ?? [] };
  if (kind === "narrative") return { ...rest, kind, ...(guidanceVi ? { guidanceVi } : {}) };
  return { ...rest, kind };
}

/** What is sent: text trimmed, empty optional fields left out, a row's "no breakdown" dropped. */
export function cleanDraft(draft: FormDraft): FormDraft {
  return {
    ...draft,
    code: draft.code.trim(),
    nameVi: draft.nameVi.trim(),
    nameEn: draft.nameEn.trim(),
    description: draft.description.trim(),
    sections: draft.sections.map((s) => {
      const guidance = s.guidanceVi?.trim();
      return {
        key: s.key.trim(),
        depth: s.depth,
        titleVi: s.titleVi.trim(),
        titleEn: s.titleEn.trim(),
        kind: s.kind,
        ...(s.kind === "narrative" && guidance ? { guidanceVi: guidance } : {}),
        ...(s.kind === "table"
          ? {
              rows: (s.rows ?? []).map((r) =>
                r.by ? { indicator: r.indicator, by: r.by } : { indicator: r.indicator },
              ),
            }
          : {}),
      };
    }),
    rules: draft.rules.map((r) => ({
      ...r,
      left: r.left.trim(),
      right: r.right.trim(),
      messageVi: r.messageVi.trim(),
      messageEn: r.messageEn.trim(),
    })),
  };
}

const CODE = /^[a-z0-9][a-z0-9-]{1,63}$/;

/** The gaps a builder can see before sending (the server checks the rest: indicators, categories, rules). */
export function draftProblems(draft: FormDraft): Problem[] {
  const d = cleanDraft(draft);
  const out: Problem[] = [];
  const need = (path: string, value: string, vi: string, en: string) => {
    if (value === "") out.push({ path, messageVi: `Chưa nhập ${vi}`, messageEn: `${en} is missing` });
  };
  if (!CODE.test(d.code)) {
    out.push({
      path: "code",
      messageVi: "Mã biểu mẫu gồm chữ thường không dấu, chữ số và dấu gạch ngang (2–64 ký tự)",
      messageEn: "The form code is 2–64 lower-case letters, digits and dashes",
    });
  }
  need("nameVi", d.nameVi, "tên tiếng Việt", "The Vietnamese name");
  need("nameEn", d.nameEn, "tên tiếng Anh", "The English name");
  if (d.levels.length === 0) {
    out.push({
      path: "levels",
      messageVi: "Chọn ít nhất một cấp báo cáo",
      messageEn: "Pick at least one level",
    });
  }
  if (!/^\d{1,4}(\.\d{1,2})?$/.test(d.outlierPercent)) {
    out.push({
      path: "outlierPercent",
      messageVi: "Ngưỡng chênh lệch là số phần trăm, ví dụ 50",
      messageEn: "The outlier threshold is a percentage, e.g. 50",
    });
  }
  if (d.sections.length === 0) {
    out.push({
      path: "sections",
      messageVi: "Biểu mẫu cần ít nhất một mục",
      messageEn: "The form needs a section",
    });
  }
  const keys = new Set<string>();
  d.sections.forEach((s, i) => {
    const path = `sections.${i}`;
    need(`${path}.key`, s.key, "mã mục", "The section key");
    if (s.key && keys.has(s.key)) {
      out.push({ path, messageVi: `Trùng mã mục "${s.key}"`, messageEn: `Duplicate section key "${s.key}"` });
    }
    keys.add(s.key);
    need(`${path}.titleVi`, s.titleVi, "tiêu đề tiếng Việt", "The Vietnamese title");
    need(`${path}.titleEn`, s.titleEn, "tiêu đề tiếng Anh", "The English title");
    if (s.kind === "table") {
      if ((s.rows ?? []).length === 0) {
        out.push({ path, messageVi: "Bảng chỉ tiêu chưa có dòng nào", messageEn: "The table has no rows" });
      }
      (s.rows ?? []).forEach((r, j) => {
        need(`${path}.rows.${j}`, r.indicator, "chỉ tiêu của dòng", "The row's indicator");
      });
    }
  });
  d.rules.forEach((r, i) => {
    const path = `rules.${i}`;
    need(`${path}.left`, r.left, "vế trái của quy tắc", "The rule's left side");
    need(`${path}.right`, r.right, "vế phải của quy tắc", "The rule's right side");
    need(`${path}.messageVi`, r.messageVi, "thông báo tiếng Việt", "The Vietnamese message");
    need(`${path}.messageEn`, r.messageEn, "thông báo tiếng Anh", "The English message");
  });
  return out;
}

/** The server's or the builder's problems sorted by what they name: "sections.3", "rules.0", or the form. */
export function problemsByPlace(details: unknown): Map<string, Problem[]> {
  const out = new Map<string, Problem[]>();
  if (!Array.isArray(details)) return out;
  for (const d of details as { path?: string; message?: string; messageVi?: string; messageEn?: string }[]) {
    const path = d.path ?? "";
    const m = /^(sections|rules)\.(\d+)/.exec(path);
    const place = m ? `${m[1]}.${m[2]}` : "form";
    const problem = {
      path,
      messageVi: d.messageVi ?? (path ? `${path}: ${d.message ?? ""}` : (d.message ?? "")),
      messageEn: d.messageEn ?? (path ? `${path}: ${d.message ?? ""}` : (d.message ?? "")),
    };
    out.set(place, [...(out.get(place) ?? []), problem]);
  }
  return out;
}
