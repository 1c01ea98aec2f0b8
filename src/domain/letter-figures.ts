/**
 * The report figures citizens' reception and letters produce, so no official types them again: the days the
 * heads received citizens in person (RECEPTION_DAYS), the letters a unit (and the units below it) received in
 * the period and those it resolved, in all and by kind ("khiếu nại", "tố cáo", "kiến nghị, phản ánh", the
 * catalogue's options of LETTERS_RECEIVED and LETTERS_RESOLVED, matched without accents). Only the indicators and
 * breakdowns the form asks for are filled, zeros included. Pure, no I/O.
 * @module
 */
import type { LetterKind } from "./letter-clock.ts";
import { KIND_LABELS } from "./letter-workflow.ts";
import { foldVietnamese } from "./vn-text.ts";

/** The report indicators the letters fill, and the count each takes. */
export const LETTER_FED = { LETTERS_RECEIVED: "received", LETTERS_RESOLVED: "resolved" } as const;
/** The report indicator the reception sessions fill: the heads' days held in person. */
export const RECEPTION_FED = "RECEPTION_DAYS";

export interface LetterCountRow {
  kind: LetterKind;
  received: number;
  resolved: number;
}

export function letterValues(
  rows: readonly LetterCountRow[],
  combos: ReadonlyMap<string, readonly string[]>,
): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [code, count] of Object.entries(LETTER_FED)) {
    const allowed = combos.get(code);
    if (!allowed) continue;
    const values: Record<string, string> = {};
    for (const combo of allowed) {
      const [category, option] = combo === "" ? ["", ""] : (combo.split("=", 2) as [string, string]);
      const matches = rows.filter(
        (r) =>
          category === "" ||
          (category === "kind" && foldVietnamese(KIND_LABELS[r.kind].vi) === foldVietnamese(option)),
      );
      // a breakdown the letters do not know is left to the unit
      if (category !== "" && category !== "kind") continue;
      values[combo] = String(matches.reduce((n, r) => n + r[count], 0));
    }
    out[code] = values;
  }
  return out;
}
