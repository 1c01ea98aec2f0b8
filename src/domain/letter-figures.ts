/**
 * The report figures citizens' reception and letters produce, so no official types them again: the days the
 * heads received citizens in person (RECEPTION_DAYS) against the days their schedules gave, the sessions held, the citizens and crowds received, the
 * dialogues with the people; the letters a unit (and the units below it) received in the period, those it
 * resolved and those resolved by their legal day, in all and by kind ("khiếu nại", "tố cáo", "kiến nghị, phản
 * ánh", the catalogue's options, matched without accents). Only the indicators and breakdowns the form asks for
 * are filled, zeros included. Where danvan keeps a province's reception and letters for the whole period, these
 * figures are the report's own: read-only in the form, written from the registers at every save and at sending
 * (`withKept`). Pure, no I/O.
 * @module
 */
import type { LetterKind } from "./letter-clock.ts";
import { KIND_LABELS } from "./letter-workflow.ts";
import { foldVietnamese } from "./vn-text.ts";

/** The report indicators the letters fill, and the count each takes. */
export const LETTER_FED = {
  LETTERS_RECEIVED: "received",
  LETTERS_RESOLVED: "resolved",
  LETTERS_RESOLVED_ON_TIME: "resolvedOnTime",
} as const;
/** The report indicators reception fills, and the count each takes (no breakdown). */
export const RECEPTION_FED = {
  RECEPTION_DAYS: "days",
  RECEPTION_DAYS_SCHEDULED: "scheduledDays",
  RECEPTION_SESSIONS: "sessions",
  CITIZENS_RECEIVED: "citizens",
  CROWD_GROUPS: "groups",
  DIALOGUES_HELD: "dialogues",
} as const;

export interface LetterCountRow {
  kind: LetterKind;
  received: number;
  resolved: number;
  /** resolved on or before the legal day */
  resolvedOnTime: number;
}

export type ReceptionFigures = Record<(typeof RECEPTION_FED)[keyof typeof RECEPTION_FED], number>;

/** The reception figures for the indicators the form asks for (each a total). */
export function receptionValues(
  figures: ReceptionFigures,
  onForm: readonly string[],
): Record<string, Record<string, string>> {
  return Object.fromEntries(
    Object.entries(RECEPTION_FED)
      .filter(([code]) => onForm.includes(code))
      .map(([code, key]) => [code, { "": String(figures[key]) }]),
  );
}

/** True for the indicators the reception and letters registers fill. */
export const isReceptionOrLetterCode = (code: string) => code in LETTER_FED || code in RECEPTION_FED;

/**
 * The values a report holds, with the registers' figures in place of what was typed for the indicators danvan
 * keeps (`kept`): one definition, whatever the form's cell held.
 */
export function withKept<V extends Record<string, Record<string, string>>>(
  values: V,
  kept: readonly string[],
  held: Record<string, Record<string, string>>,
): V {
  if (kept.length === 0) return values;
  const out: Record<string, Record<string, string>> = { ...values };
  for (const code of kept) if (held[code]) out[code] = { ...held[code] };
  return out as V;
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
