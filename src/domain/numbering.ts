/**
 * Which number sequence a new document takes (RULES.md §1b):
 * - State bodies (NĐ 30/2020/NĐ-CP): numbers restart at 01 each calendar year [U: kept configurable]; by
 *   default one sequence for all of a body's documents in the year ("shared": Tháp Mười's UBND numbered
 *   505/UBND-NV in January 2022, 763/KH-UBND in February, 2777/KH-UBND in May, 5027/QĐ-UBND in August), or one
 *   per type ("per_type"); legal-normative documents (NĐ, TT, PL… and any type flagged normative) always
 *   have their own sequence per type;
 * - Party bodies (HD 36-HD/VPTW [C]): one sequence per type per committee term (nhiệm kỳ: from the day after
 *   one congress closes to the day the next closes); all documents of a congress share one sequence.
 * A sequence is (issuing body, series, scope); numbers are handed out without gaps and never reused.
 * Pure, no I/O.
 * @module
 */
import type { IsoDate } from "./dates.ts";
import type { NumberingFamily } from "./document-types.ts";

export type StateSequence = "shared" | "per_type";

export interface PartyTerm {
  id: number;
  name: string;
  startsOn: IsoDate;
  /** null: the current term */
  endsOn: IsoDate | null;
}

export class NumberingError extends Error {
  constructor(
    readonly messageVi: string,
    messageEn: string,
  ) {
    super(messageEn);
  }
}

/** The term of a Party body that contains `date`, if any. */
export function termOn(terms: readonly PartyTerm[], date: IsoDate): PartyTerm | null {
  return terms.find((t) => t.startsOn <= date && (t.endsOn === null || date <= t.endsOn)) ?? null;
}

export interface SequenceInput {
  family: NumberingFamily;
  /** null: a State công văn */
  typeCode: string | null;
  normative: boolean;
  date: IsoDate;
  /** Party only: a document of the congress */
  congress: boolean;
  /** Party only: the issuing body's terms */
  terms: readonly PartyTerm[];
  stateSequence: StateSequence;
}

/** The series and scope keys of the sequence a document takes. */
export function sequenceOf(i: SequenceInput): { series: string; scope: string; termName: string | null } {
  if (i.family === "state") {
    const year = i.date.slice(0, 4);
    const series = i.normative
      ? (i.typeCode as string)
      : i.stateSequence === "shared"
        ? "*"
        : (i.typeCode ?? "CV");
    return { series, scope: `year:${year}`, termName: null };
  }
  if (i.typeCode === null) {
    throw new NumberingError(
      "Văn bản của Đảng phải có tên loại (công văn: CV)",
      "A Party document needs a type (letters: CV)",
    );
  }
  const term = termOn(i.terms, i.date);
  if (!term) {
    throw new NumberingError(
      `Cơ quan chưa khai báo nhiệm kỳ chứa ngày ${i.date}: văn bản của Đảng được đánh số theo nhiệm kỳ cấp ủy`,
      `The body has no term covering ${i.date}: Party documents are numbered per committee term`,
    );
  }
  return i.congress
    ? { series: "*", scope: `congress:${term.id}`, termName: term.name }
    : { series: i.typeCode, scope: `term:${term.id}`, termName: term.name };
}
