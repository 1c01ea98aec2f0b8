/**
 * Vietnamese text rules for names and search. Pure, no I/O.
 *
 * Sources: Unicode NFC per TCVN 6909:2001 (the national Unicode standard required by NĐ 30/2020/NĐ-CP);
 * the GSO unit list mixes the two tone-mark placements ("Hòa" ≈199, "Hoà" 27 — see seed/vn-admin/SOURCE.md §7),
 * so matching must treat them as one name.
 * @module
 */

const TONE_MARKS = ["\u0300", "\u0301", "\u0309", "\u0303", "\u0323"] as const;

/** Vowel pairs whose tone mark moves between the two placement styles when they close the syllable. */
const MOVABLE_PAIRS = ["oa", "oe", "uy"] as const;

/**
 * Folds text for accent-insensitive search: no diacritics, đ → d, lower case, single spaces.
 * "Đắk Lắk" → "dak lak", "Tháp Mười" → "thap muoi".
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * One canonical tone-mark placement (the "old" style, as in most of the GSO list): in a syllable ending in
 * oa, oe or uy the tone sits on the first vowel: "Hoà" → "Hòa", "Thuỷ" → "Thủy". Returns NFC.
 */
export function canonicalTonePlacement(text: string): string {
  const decomposed = text.normalize("NFD");
  // Work syllable by syllable (letters and combining marks).
  return decomposed.replace(/[\p{L}\p{M}]+/gu, (syllable) => moveToneInSyllable(syllable)).normalize("NFC");
}

function moveToneInSyllable(syllable: string): string {
  const base = syllable.replace(/[\u0300\u0301\u0303\u0309\u0323]/g, "");
  const lower = base.toLowerCase();
  const pair = MOVABLE_PAIRS.find((p) => lower.endsWith(p));
  if (!pair) return syllable;
  // "qu" + y/a: the u is a consonant glide, so the tone belongs on the last vowel ("Quý", "Quả").
  if (lower.endsWith(`qu${pair.slice(1)}`) && pair === "uy") return syllable;
  const tone = [...syllable].find((ch) => (TONE_MARKS as readonly string[]).includes(ch));
  if (!tone) return syllable;
  const chars = [...base];
  // Index of the first vowel of the pair in the base (tone-free) string.
  const firstVowelIndex = chars.length - 2;
  // Put the tone right after the first vowel and its own vowel-quality marks (none for o/u).
  const out = [...chars.slice(0, firstVowelIndex + 1), tone, ...chars.slice(firstVowelIndex + 1)];
  return out.join("");
}

/** The form stored for matching names: NFC, canonical tone placement, single spaces, trimmed. */
export function normalizeName(text: string): string {
  return canonicalTonePlacement(text.normalize("NFC").replace(/\s+/g, " ").trim());
}

/** The key under which two names count as the same name (case-insensitive, tone placement ignored). */
export function nameMatchKey(text: string): string {
  return normalizeName(text).toLocaleLowerCase("vi");
}
