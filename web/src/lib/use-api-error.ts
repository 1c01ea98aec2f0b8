import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "./api.ts";

/** The last failed call's message in the current language (Vietnamese or English), for an Alert. */
export function useApiError() {
  const { i18n } = useTranslation();
  const [failure, setFailure] = useState<unknown>(null);
  const error = failure === null ? null : describeFailure(failure, i18n.language);
  return { error, onError: (err: unknown) => setFailure(err), clear: () => setFailure(null) };
}

/** The message, and for a validation error the fields at fault ("username: …"). */
export function describeFailure(failure: unknown, lang: string): string {
  if (!(failure instanceof ApiError)) return String(failure);
  type Detail = { path?: string; message?: string; field?: string; messageVi?: string; messageEn?: string };
  const fields = Array.isArray(failure.details)
    ? (failure.details as Detail[]).flatMap((d) => {
        if (d.messageVi) {
          const m = lang === "en" ? d.messageEn : d.messageVi;
          return [d.field ? `${d.field}: ${m}` : String(m)];
        }
        return d.path ? [`${d.path}: ${d.message}`] : [];
      })
    : [];
  return fields.length ? `${failure.localized(lang)} — ${fields.join("; ")}` : failure.localized(lang);
}
