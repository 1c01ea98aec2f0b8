/**
 * Kinds of residential units below the commune. "Thôn" and "tổ dân phố" are the legal names (believed to be
 * set by TT 04/2012/TT-BNV as amended — unconfirmed, not in RULES.md); the others are regional names in
 * everyday use (ấp, bản, buôn, làng, plei, sóc, khu phố, khóm…). Data, not code: extend the list when a
 * province uses another name.
 * @module
 */
export const HAMLET_TYPES = [
  "thôn",
  "ấp",
  "bản",
  "buôn",
  "làng",
  "plei",
  "sóc",
  "tổ dân phố",
  "khu phố",
  "khóm",
  "khu dân cư",
  "tổ dân cư",
] as const;

export type HamletType = (typeof HAMLET_TYPES)[number];
