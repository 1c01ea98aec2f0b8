/**
 * The signature block's authority lines and the rule they follow. State and Front documents (NĐ 30/2020/NĐ-CP,
 * Art. 13; RULES.md §1b [C]): "TM." for a collective, "KT." for a deputy signing for the head, "Q." for an
 * acting head, "TL." on order, "TUQ." under delegation — "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH".
 * Party documents (HD 36-HD/VPTW) write the prefixes with a slash: "T/M BAN THƯỜNG VỤ" is confirmed [S16];
 * "K/T", "T/L", "T/UQ" follow the same form and are unconfirmed, so they are listed here, in one place.
 * Pure, no I/O.
 * @module
 */
import type { DocumentFamily } from "./body-kinds.ts";

export type AuthorityKind = "on_behalf" | "for_head" | "acting" | "on_order" | "delegated";

const STATE: Record<string, AuthorityKind> = {
  "TM.": "on_behalf",
  "KT.": "for_head",
  "Q.": "acting",
  "TL.": "on_order",
  "TUQ.": "delegated",
};
const PARTY: Record<string, AuthorityKind> = {
  "T/M": "on_behalf",
  "K/T": "for_head",
  "T/L": "on_order",
  "T/UQ": "delegated",
};

/** The prefixes of a family, as printed. */
export function authorityPrefixes(family: DocumentFamily): string[] {
  return Object.keys(family === "party" ? PARTY : STATE);
}

export interface SigningProblem {
  vi: string;
  en: string;
}

/** A line's prefix as written ("KT.", "T/M", "tm."), or null for a title line. */
function prefixOf(line: string): string | null {
  return /^([A-Za-z]{1,3}(?:\/[A-Za-z]{1,2})?\.?)\s/.exec(line)?.[1] ?? null;
}

const looksLikePrefix = (p: string) => /\.$|\//.test(p);

/**
 * The signature lines in their printed form (uppercase, spaces folded), or the first problem: an unknown or
 * another family's prefix, "TM." not first, a prefix used twice, a "KT."/"TL."/"TUQ." with no title under it,
 * or no signer's title at the end. An acting head's "Q. CHỦ TỊCH" is itself the title.
 */
export function checkSigning(
  family: DocumentFamily,
  lines: readonly string[],
): { ok: true; lines: string[] } | { ok: false; problem: SigningProblem } {
  const table = family === "party" ? PARTY : STATE;
  const clean = lines.map((l) => l.trim().replace(/\s+/g, " ")).filter((l) => l !== "");
  if (clean.length === 0)
    return { ok: false, problem: { vi: "Ghi chức vụ người ký", en: "Give the signer's title" } };
  const kinds: (AuthorityKind | null)[] = [];
  for (const [i, line] of clean.entries()) {
    const p = prefixOf(line);
    if (!p || !looksLikePrefix(p)) {
      kinds.push(null);
      continue;
    }
    const kind = table[p.toUpperCase()];
    if (!kind) {
      const allowed = Object.keys(table).join(", ");
      return {
        ok: false,
        problem: {
          vi: `"${p}" không phải là ký hiệu thẩm quyền ký của văn bản này (${allowed})`,
          en: `"${p}" is not a signing-authority prefix of this document (${allowed})`,
        },
      };
    }
    if (kinds.includes(kind))
      return { ok: false, problem: { vi: `"${p}" ghi hai lần`, en: `"${p}" is written twice` } };
    if (kind === "on_behalf" && i !== 0)
      return {
        ok: false,
        problem: { vi: `"${p}" phải ở dòng đầu`, en: `"${p}" must be the first line` },
      };
    kinds.push(kind);
  }
  const last = kinds.at(-1);
  if (last !== null && last !== "acting") {
    return {
      ok: false,
      problem: {
        vi: "Dòng cuối phải là chức vụ của người ký (ví dụ: PHÓ CHỦ TỊCH)",
        en: "The last line must be the signer's title (for example PHÓ CHỦ TỊCH)",
      },
    };
  }
  return { ok: true, lines: clean.map((l) => l.toLocaleUpperCase("vi")) };
}
