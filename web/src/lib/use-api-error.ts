import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "./api.ts";

type Detail = { path?: string; message?: string; field?: string; messageVi?: string; messageEn?: string };

const detailsOf = (failure: unknown): Detail[] =>
  failure instanceof ApiError && Array.isArray(failure.details) ? (failure.details as Detail[]) : [];

const messageOf = (d: Detail, lang: string): string | null =>
  d.messageVi ? (lang === "en" ? (d.messageEn ?? d.messageVi) : d.messageVi) : (d.message ?? null);

/**
 * The last failed call's message in the current language, for an Alert, and the message of each field at
 * fault, for the page to put under the input that caused it.
 */
export function useApiError() {
  const { i18n } = useTranslation();
  const [failure, setFailure] = useState<unknown>(null);
  const error = failure === null ? null : describeFailure(failure, i18n.language);
  return {
    error,
    failure,
    /** The message for one field (its path in the request, e.g. "issuerUnitCode"), or null. */
    fieldError: (field: string) => fieldErrors(failure, i18n.language)[field] ?? null,
    onError: (err: unknown) => setFailure(err),
    clear: () => setFailure(null),
  };
}

/** Each field at fault and what is wrong with it, in the chosen language. */
export function fieldErrors(failure: unknown, lang: string): Record<string, string> {
  const out: Record<string, string> = {};
  // a refusal about one field: its message is the answer's own
  if (failure instanceof ApiError && failure.details && !Array.isArray(failure.details)) {
    const field = (failure.details as { field?: unknown }).field;
    if (typeof field === "string") out[field] = failure.localized(lang);
  }
  for (const d of detailsOf(failure)) {
    const field = d.field ?? d.path;
    const m = messageOf(d, lang);
    if (field && m && !(field in out)) out[field] = m;
  }
  return out;
}

/**
 * The message, and what is wrong (in words: the page names the fields, not their paths); a call that never
 * reached the server says so.
 */
export function describeFailure(failure: unknown, lang: string): string {
  if (failure instanceof TypeError) {
    return lang === "en"
      ? "The server cannot be reached; what is on screen is kept — try again"
      : "Không kết nối được máy chủ; dữ liệu trên màn hình vẫn còn — hãy thử lại";
  }
  if (!(failure instanceof ApiError)) return String(failure);
  const messages = [
    ...new Set(detailsOf(failure).flatMap((d) => (d.messageVi ? [messageOf(d, lang) as string] : []))),
  ];
  return messages.length ? `${failure.localized(lang)}: ${messages.join("; ")}` : failure.localized(lang);
}
