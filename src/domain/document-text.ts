/**
 * Wording of official documents:
 * - the place and date line, in full, with a leading zero for days 01–09 and months 01–02 (NĐ 30/2020/NĐ-CP
 *   Appendix I, RULES.md §1b [C]): "Tháp Mười, ngày 05 tháng 02 năm 2024"; a draft leaves the day blank;
 * - the opening line of a report that answers a request, citing the request's document by its type, number,
 *   date, issuer and subject, as the reference report (Tháp Mười, 2024) opens: "Thực hiện Công văn số
 *   113-CV/BDVHU ngày 09 tháng 01 năm 2024 của Ban Dân vận Huyện ủy về việc …, Ủy ban nhân dân huyện báo cáo
 *   như sau:";
 * - amounts in words, as written after the figures in financial documents ("Bằng chữ: Bốn triệu năm trăm
 *   nghìn đồng"): groups of three read with "trăm", "mươi"/"mười", "linh" for a missing ten, "mốt" and
 *   "lăm" after a ten, "không trăm" inside a number; groups named nghìn, triệu, tỷ, then nghìn tỷ, triệu tỷ…
 * Pure, no I/O.
 * @module
 */
import { type IsoDate, isIsoDate } from "./dates.ts";

/** "Tháp Mười, ngày 05 tháng 02 năm 2024"; with no date yet: "Tháp Mười, ngày      tháng      năm 2024". */
export function placeDateLine(place: string, date: IsoDate | null, year?: number): string {
  if (date === null) {
    return `${place}, ngày      tháng      năm ${year ?? ""}`.trimEnd();
  }
  return `${place}, ${dateInWords(date)}`;
}

/** "ngày 09 tháng 01 năm 2024": a date as a document writes it, with the zeros of the date line. */
export function dateInWords(date: IsoDate): string {
  if (!isIsoDate(date)) throw new RangeError(`not an ISO date: ${date}`);
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const day = d < 10 ? `0${d}` : String(d);
  const month = m < 3 ? `0${m}` : String(m);
  return `ngày ${day} tháng ${month} năm ${y}`;
}

/** The document a request cites: a công văn of the registry, or only its number when it is not there. */
export interface CitedDocument {
  /** "Công văn", "Kế hoạch"… */
  typeName: string;
  numberSymbol: string;
  issuedOn: IsoDate | null;
  issuerName: string | null;
  /** its subject (trích yếu), "V/v …" or not */
  excerpt: string | null;
}

/** "V/v báo cáo…", "Về việc báo cáo…" → "báo cáo…": the subject as it follows "về việc". */
function subjectOf(excerpt: string): string {
  return excerpt
    .trim()
    .replace(/^(v\/v|về việc)[:.]?\s*/iu, "")
    .replace(/[.;]\s*$/u, "");
}

/**
 * A body's name as a document of its own unit writes it: without the unit's place name, which the reader
 * knows ("Ban Dân vận Huyện ủy Tháp Mười" → "Ban Dân vận Huyện ủy", "Ủy ban nhân dân huyện Tháp Mười" →
 * "Ủy ban nhân dân huyện"), as the reference report names the bodies of its district.
 */
export function nameWithinUnit(bodyName: string, unitName: string): string {
  const name = bodyName.trim();
  const place = unitName.trim();
  if (!place || !name.endsWith(` ${place}`)) return name;
  return name.slice(0, -place.length - 1).trimEnd();
}

/**
 * The answer's first line: "Thực hiện <type> số <number> ngày … của <issuer> về việc <subject>, <reporter>
 * báo cáo như sau:". `within`: the unit both bodies belong to, whose place name the line leaves out.
 */
export function openingLine(cited: CitedDocument, reporter: string, within?: string): string {
  const named = (n: string) => (within ? nameWithinUnit(n, within) : n);
  const parts = [`Thực hiện ${cited.typeName} số ${cited.numberSymbol}`];
  if (cited.issuedOn) parts.push(dateInWords(cited.issuedOn));
  if (cited.issuerName) parts.push(`của ${named(cited.issuerName)}`);
  const subject = cited.excerpt ? subjectOf(cited.excerpt) : "";
  if (subject) parts.push(`về việc ${subject}`);
  return `${parts.join(" ")}, ${named(reporter)} báo cáo như sau:`;
}

const DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];

/** Reads 0–999; `full` when a higher group precedes it (then "không trăm", "linh" are spoken). */
function readGroup(n: number, full: boolean): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  const words: string[] = [];
  if (hundreds > 0 || full) words.push(DIGITS[hundreds] as string, "trăm");
  if (tens === 0) {
    if (ones > 0 && (hundreds > 0 || full)) words.push("linh");
  } else if (tens === 1) {
    words.push("mười");
  } else {
    words.push(DIGITS[tens] as string, "mươi");
  }
  if (ones > 0) {
    if (ones === 1 && tens >= 2) words.push("mốt");
    else if (ones === 5 && tens >= 1) words.push("lăm");
    else words.push(DIGITS[ones] as string);
  }
  return words;
}

const GROUPS = ["", "nghìn", "triệu"];

/** Group names: 10^3 nghìn, 10^6 triệu, 10^9 tỷ, then the cycle repeats before tỷ (nghìn tỷ, triệu tỷ, tỷ tỷ). */
function groupName(index: number): string {
  if (index === 0) return "";
  const cycle = Math.floor(index / 3);
  const name = GROUPS[index % 3] as string;
  return [name, ...Array<string>(cycle).fill("tỷ")].filter(Boolean).join(" ");
}

/** A whole number ≥ 0 (as digits) in Vietnamese words: "2011" → "hai nghìn không trăm mười một". */
export function numberInWords(digits: string): string {
  if (!/^\d+$/.test(digits)) throw new RangeError(`not a whole number: ${digits}`);
  const clean = digits.replace(/^0+(?=\d)/, "");
  if (clean === "0") return "không";
  const groups: number[] = [];
  for (let end = clean.length; end > 0; end -= 3)
    groups.unshift(Number(clean.slice(Math.max(0, end - 3), end)));
  const words: string[] = [];
  groups.forEach((g, i) => {
    const index = groups.length - 1 - i;
    if (g === 0) {
      // a zero group names nothing, except the "tỷ" that closes a cycle (1.000.000.000.000 → một nghìn tỷ)
      if (index % 3 === 0 && index > 0 && words.length > 0 && !words.at(-1)?.endsWith("tỷ")) {
        words.push(groupName(index));
      }
      return;
    }
    words.push(...readGroup(g, i > 0));
    const name = groupName(index);
    if (name) words.push(name);
  });
  return words.join(" ");
}

/**
 * An amount in đồng in words, capitalised: "4500000" → "Bốn triệu năm trăm nghìn đồng". Decimals are refused:
 * the đồng has no subunit in use.
 */
export function moneyInWords(amount: string): string {
  const words = numberInWords(amount.trim());
  return `${words.charAt(0).toUpperCase()}${words.slice(1)} đồng`;
}

/**
 * A report's title as the document names it (its excerpt, "trích yếu"): the form's name without its
 * outline's note in brackets ("(đề cương Tháp Mười)" is how the form was chosen, not what the report is) and
 * without the document type, which the layout prints above it ("BÁO CÁO"), then the period in words:
 * "Kết quả thực hiện công tác dân vận chính quyền 6 tháng đầu năm 2026".
 */
export function reportExcerpt(formName: string, periodLabel: string): string {
  const plain = plainFormName(formName).replace(/^báo cáo\s+/i, "");
  const period = /^(Năm|Tháng|Quý|Từ)(?=[\s/])/.test(periodLabel)
    ? `${periodLabel.charAt(0).toLocaleLowerCase("vi")}${periodLabel.slice(1)}`
    : periodLabel;
  // "công tác dân vận năm" + "năm 2026": the year is said once
  const joined =
    /\snăm$/.test(plain) && /^năm\s/.test(period) ? `${plain}${period.slice(3)}` : `${plain} ${period}`;
  const text = joined.trim();
  return `${text.charAt(0).toLocaleUpperCase("vi")}${text.slice(1)}`;
}

/** A form's name without a note in brackets at its end: "Báo cáo … (đề cương Tháp Mười)" → "Báo cáo …". */
export function plainFormName(formName: string): string {
  return formName.replace(/\s*\([^()]*\)\s*$/, "").trim();
}
