/**
 * Number-symbols of official documents (số, ký hiệu văn bản), read and written (RULES.md §1b):
 * - State, NĐ 30/2020/NĐ-CP: `Số: {n}/{TYPE}-{ISSUER}` (12/BC-UBND); legal-normative documents add the year
 *   (06/2024/QĐ-UBND); a công văn has no type code, the issuer is followed by the drafting unit (1246/UBND-BTCD);
 * - Party, HD 36-HD/VPTW: `Số {n}-{TYPE}/{ISSUER}` (53-KH/HU, 01-NQ/TU, 43-KL/TW, 113-CV/BDVHU); joint issuers
 *   are joined by "-" (14-KH/BDVHU-UBND).
 * Numbers are Arabic and start at 01 (NĐ 30 Appendix I: numbers below 10 take a leading zero). A document not
 * numbered yet (a draft) has no number: "Số:      /BC-UBND". Pure, no I/O.
 * @module
 */
import type { NumberingFamily } from "./document-types.ts";

export type NumberSymbol =
  | {
      family: "state";
      /** null: not numbered yet */
      number: number | null;
      /** legal-normative documents only */
      year: number | null;
      /** null for a công văn */
      typeCode: string | null;
      issuer: string;
      /** a công văn's drafting unit (BTCD in 1246/UBND-BTCD) */
      unit: string | null;
    }
  | { family: "party"; number: number | null; typeCode: string; issuer: string };

export class NumberSymbolError extends Error {
  constructor(
    readonly messageVi: string,
    messageEn: string,
    /** the offending part of the input */
    readonly part: string,
  ) {
    super(messageEn);
  }
}

/** Known type codes per family: with them, an unknown Party type is refused and a State công văn recognised. */
export type KnownTypes = Readonly<Record<NumberingFamily, ReadonlySet<string>>>;

const CODE = /^[A-ZĐ][A-Za-zĐđ0-9]*$/;

function checkCode(code: string, what: { vi: string; en: string }): string {
  if (code === "") {
    throw new NumberSymbolError(`Thiếu ${what.vi}`, `Missing ${what.en}`, code);
  }
  if (!CODE.test(code)) {
    throw new NumberSymbolError(
      `"${code}" không phải là ${what.vi} hợp lệ (chữ cái in hoa đầu tiên, không dấu cách, không dấu câu)`,
      `"${code}" is not a valid ${what.en} (starts with a capital letter, no spaces or punctuation)`,
      code,
    );
  }
  return code;
}

const ISSUER = { vi: "chữ viết tắt tên cơ quan ban hành", en: "issuer abbreviation" };
const TYPE = { vi: "chữ viết tắt tên loại văn bản", en: "document type abbreviation" };

/** Joint issuers and drafting units: each part checked ("BDVHU-UBND"). */
function checkIssuer(text: string): string {
  if (text === "") throw new NumberSymbolError(`Thiếu ${ISSUER.vi}`, `Missing ${ISSUER.en}`, text);
  for (const part of text.split("-")) checkCode(part, ISSUER);
  return text;
}

function readNumber(text: string): number | null {
  if (text === "") return null;
  if (!/^\d+$/.test(text)) {
    throw new NumberSymbolError(
      `Số văn bản "${text}" phải là số tự nhiên viết bằng chữ số Ả Rập`,
      `The number "${text}" must be written in Arabic digits`,
      text,
    );
  }
  const n = Number(text);
  if (n < 1 || n > 999_999) {
    throw new NumberSymbolError(
      `Số văn bản phải từ 01 đến 999.999, không phải "${text}"`,
      `The number must lie between 01 and 999,999, not "${text}"`,
      text,
    );
  }
  return n;
}

/**
 * Reads a number-symbol, with or without its "Số:" / "Số" label. `known` (the document types per family)
 * tells a State công văn (1246/UBND-BTCD) from a typed document (12/BC-UBND) and refuses unknown Party types;
 * without it, a State symbol whose first code is not a type must be a typed one.
 */
export function parseNumberSymbol(input: string, known?: KnownTypes): NumberSymbol {
  const text = input
    .trim()
    .replace(/^s[ốo]\s*:?\s*/i, "")
    .replace(/\s+/g, "");
  if (text === "") throw new NumberSymbolError("Chưa nhập số, ký hiệu", "The number-symbol is empty", input);
  const slash = text.indexOf("/");
  if (slash < 0) {
    throw new NumberSymbolError(
      `Thiếu dấu "/" trong "${text}" (Nhà nước: 12/BC-UBND; Đảng: 53-KH/HU)`,
      `No "/" in "${text}" (State: 12/BC-UBND; Party: 53-KH/HU)`,
      text,
    );
  }
  const head = text.slice(0, slash);
  const tail = text.slice(slash + 1);
  if (head.includes("-")) {
    // Party: {n}-{TYPE}/{ISSUER}
    const dash = head.indexOf("-");
    const number = readNumber(head.slice(0, dash));
    const typeCode = checkCode(head.slice(dash + 1), TYPE);
    if (known && !known.party.has(typeCode)) {
      throw new NumberSymbolError(
        `Không có loại văn bản của Đảng viết tắt là "${typeCode}"`,
        `No Party document type is abbreviated "${typeCode}"`,
        typeCode,
      );
    }
    if (tail.includes("/")) {
      throw new NumberSymbolError(
        `Ký hiệu văn bản của Đảng chỉ có một dấu "/": "${text}"`,
        `A Party number-symbol has a single "/": "${text}"`,
        tail,
      );
    }
    return { family: "party", number, typeCode, issuer: checkIssuer(tail) };
  }
  // State: {n}/{TYPE}-{ISSUER}, {n}/{yyyy}/{TYPE}-{ISSUER} or {n}/{ISSUER}-{UNIT}
  const number = readNumber(head);
  let rest = tail;
  let year: number | null = null;
  const yearMatch = /^(\d+)\//.exec(rest);
  if (yearMatch) {
    const y = yearMatch[1] as string;
    if (y.length !== 4 || Number(y) < 1945 || Number(y) > 2199) {
      throw new NumberSymbolError(
        `Năm ban hành "${y}" phải viết đủ 4 chữ số (06/2024/QĐ-UBND)`,
        `The year "${y}" must have 4 digits (06/2024/QĐ-UBND)`,
        y,
      );
    }
    year = Number(y);
    rest = rest.slice(y.length + 1);
  }
  if (rest.includes("/")) {
    throw new NumberSymbolError(`Thừa dấu "/" trong "${text}"`, `Too many "/" in "${text}"`, rest);
  }
  const dash = rest.indexOf("-");
  if (dash < 0) {
    throw new NumberSymbolError(
      `Thiếu dấu "-" giữa tên loại văn bản và cơ quan ban hành trong "${text}" (12/BC-UBND)`,
      `No "-" between the document type and the issuer in "${text}" (12/BC-UBND)`,
      rest,
    );
  }
  const first = rest.slice(0, dash);
  const second = rest.slice(dash + 1);
  const isType = year !== null || !known || known.state.has(first);
  if (isType) {
    const typeCode = checkCode(first, TYPE);
    if (known && !known.state.has(typeCode)) {
      throw new NumberSymbolError(
        `Không có loại văn bản viết tắt là "${typeCode}"`,
        `No document type is abbreviated "${typeCode}"`,
        typeCode,
      );
    }
    return { family: "state", number, year, typeCode, issuer: checkIssuer(second), unit: null };
  }
  return {
    family: "state",
    number,
    year: null,
    typeCode: null,
    issuer: checkCode(first, ISSUER),
    unit: checkIssuer(second),
  };
}

/** 1 → "01", 53 → "53": numbers below 10 take a leading zero. */
export function formatDocumentNumber(n: number): string {
  return String(n).padStart(2, "0");
}

/** The symbol as written after "Số": "12/BC-UBND", "06/2024/QĐ-UBND", "1246/UBND-BTCD", "53-KH/HU". */
export function formatNumberSymbol(s: NumberSymbol): string {
  const n = s.number === null ? "" : formatDocumentNumber(s.number);
  if (s.family === "party") return `${n}-${s.typeCode}/${s.issuer}`;
  if (s.typeCode === null) return `${n}/${s.issuer}-${s.unit ?? ""}`;
  return `${n}/${s.year === null ? "" : `${s.year}/`}${s.typeCode}-${s.issuer}`;
}

/**
 * The header line: State "Số: 12/BC-UBND", Party "Số 53-KH/HU"; a draft leaves room for the number to be
 * written in by hand ("Số:      /BC-UBND").
 */
export function numberSymbolLine(s: NumberSymbol): string {
  const blank = s.number === null ? "      " : "";
  return numberLine(s.family, `${blank}${formatNumberSymbol(s)}`);
}

/** The header line of a symbol already written out: State "Số: 12/BC-UBND", Party "Số 53-KH/HU". */
export function numberLine(family: NumberSymbol["family"], symbol: string): string {
  return family === "party" ? `Số ${symbol}` : `Số: ${symbol}`;
}
