import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "./api.ts";

/** The last failed call's message in the current language (Vietnamese or English), for an Alert. */
export function useApiError() {
  const { i18n } = useTranslation();
  const [failure, setFailure] = useState<unknown>(null);
  const error =
    failure === null
      ? null
      : failure instanceof ApiError
        ? failure.localized(i18n.language)
        : String(failure);
  return { error, onError: (err: unknown) => setFailure(err), clear: () => setFailure(null) };
}
