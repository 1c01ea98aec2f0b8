/**
 * The words of letters in the page's language, from the one definition in the domain (kinds, states, steps,
 * fields, flags, outcomes).
 * @module
 */
import {
  ACTION_LABELS,
  FIELD_LABELS,
  FLAG_LABELS,
  KIND_LABELS,
  OUTCOME_LABELS,
  STATUS_LABELS,
} from "@domain/letter-workflow.ts";
import { useTranslation } from "react-i18next";

type Labels = Record<string, { vi: string; en: string }>;
const TABLES = {
  kind: KIND_LABELS,
  status: STATUS_LABELS,
  action: ACTION_LABELS,
  field: FIELD_LABELS,
  flag: FLAG_LABELS,
  outcome: OUTCOME_LABELS,
} as Record<string, Labels>;

/** `word("status", "accepted")` → "Đang giải quyết" / "Being resolved"; an unknown code as it is. */
export function useLetterWords() {
  const { i18n } = useTranslation();
  const en = i18n.language === "en";
  return (
    table: keyof typeof TABLES | "kind" | "status" | "action" | "field" | "flag" | "outcome",
    code: string,
  ) => {
    const l = TABLES[table]?.[code];
    return l ? (en ? l.en : l.vi) : code;
  };
}

/** The choices of a select from a domain table, in the page's language. */
export function useLetterOptions() {
  const word = useLetterWords();
  return (table: "kind" | "status" | "action" | "field" | "flag" | "outcome", codes: readonly string[]) =>
    codes.map((value) => ({ value, label: word(table, value) }));
}
