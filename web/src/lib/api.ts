import createClient from "openapi-fetch";
import type { RequestBodyJSON, SuccessResponseJSON } from "openapi-typescript-helpers";
import type { components, paths } from "./api-types.ts";

/**
 * The one API client, typed by the OpenAPI document (paths, parameters, bodies and answers): JSON in and
 * out, the CSRF token on writes, errors as ApiError with both languages. Call it through `call`:
 * `call(client.GET("/api/models/{id}", { params: { path: { id } } }))`.
 */
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

/** The API's error body (`{error:{code, message_vi, message_en, details}}`) as an ApiError. */
function errorOf(status: number, data: { error?: Record<string, unknown> } | null): ApiError {
  const e = (data?.error ?? {}) as {
    code?: string;
    message_vi?: string;
    message_en?: string;
    details?: unknown;
  };
  return new ApiError(
    status,
    e.code ?? "error",
    e.message_vi ?? `Lỗi ${status}`,
    e.message_en ?? `Error ${status}`,
    e.details,
  );
}

export const client = createClient<paths>({ credentials: "same-origin" });
client.use({
  onRequest({ request }) {
    if (request.method !== "GET" && csrfToken) request.headers.set("x-csrf-token", csrfToken);
    return request;
  },
});

/** The answer's data, or its error body as an ApiError. */
export async function call<D>(
  answer: Promise<{ data?: D; error?: unknown; response: Response }>,
): Promise<D> {
  const { data, error, response } = await answer;
  if (!response.ok)
    throw errorOf(response.status, (error ?? null) as { error?: Record<string, unknown> } | null);
  return data as D;
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
export type SubmissionWritten = Schemas["SubmissionWritten"];
export type RequestOverlap = Schemas["RequestOverlap"];
export type Consolidation = Schemas["Consolidation"];

/**
 * Fetches a file (GET, or POST with a JSON body) and hands it to the browser as a download; returns the
 * response headers (e.g. the number a document was given).
 */
export async function download(path: string, fallbackName: string, body?: unknown): Promise<Headers> {
  const res = await fetch(path, {
    method: body === undefined ? "GET" : "POST",
    credentials: "same-origin",
    headers: body === undefined ? {} : { "content-type": "application/json", "x-csrf-token": csrfToken },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) {
    throw errorOf(res.status, await res.json().catch(() => null));
  }
  const disposition = res.headers.get("content-disposition") ?? "";
  const star = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  const plain = /filename="([^"]+)"/.exec(disposition)?.[1];
  const name = star ? decodeURIComponent(star) : (plain ?? fallbackName);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return res.headers;
}

/** Sends a file as the raw request body (Excel uploads); JSON answer. */
export async function upload<T>(path: string, file: File): Promise<T> {
  const res = await fetch(path, {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": file.type || "application/octet-stream", "x-csrf-token": csrfToken },
    body: file,
  });
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    throw errorOf(res.status, data);
  }
  return data as T;
}

/** The JSON body a route takes, for typing the form that fills it. */
export type BodyOf<P extends keyof paths, M extends "post" | "put" | "patch"> = RequestBodyJSON<paths[P][M]>;

/** The JSON a route answers with when it succeeds (its 200, or its 201 for a creation). */
export type AnswerOf<
  P extends keyof paths,
  M extends "get" | "post" | "put" | "patch" | "delete",
> = SuccessResponseJSON<NonNullable<paths[P][M]>>;
