import type { components } from "./api-types.ts";

/** The one API client: JSON in/out, the CSRF token on writes, errors as ApiError with both languages. */
let csrfToken = "";

export function setCsrfToken(token: string) {
  csrfToken = token;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageVi: string,
    readonly messageEn: string,
    readonly details: unknown,
  ) {
    super(messageEn);
  }
  localized(lang: string) {
    return lang === "en" ? this.messageEn : this.messageVi;
  }
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    credentials: "same-origin",
    headers: {
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
      ...(method !== "GET" && csrfToken ? { "x-csrf-token": csrfToken } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const e = data?.error ?? {};
    throw new ApiError(
      res.status,
      e.code ?? "error",
      e.message_vi ?? `Lỗi ${res.status}`,
      e.message_en ?? `Error ${res.status}`,
      e.details,
    );
  }
  return data as T;
}

type Schemas = components["schemas"];

/** Types generated from the server's OpenAPI document (npm run api:sync). */
export type Unit = Schemas["Unit"];
export type UnitDetail = Schemas["UnitDetail"];
export type Me = Schemas["Me"];
export type Body = Schemas["Body"];
export type User = Schemas["User"];
export type AuditEntry = Schemas["AuditEntry"];
export type CalendarYear = Schemas["CalendarYear"];
export type Indicator = Schemas["Indicator"];
export type ReportForm = Schemas["ReportForm"];
export type ReportRequestDetail = Schemas["ReportRequestDetail"];
export type SubmissionDetail = Schemas["SubmissionDetail"];
export type Consolidation = Schemas["Consolidation"];
