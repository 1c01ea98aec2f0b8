/**
 * Characters no field may hold, refused at the edge: NUL (PostgreSQL text cannot store it) and lone UTF-16
 * surrogates (no UTF-8 encoding exists for them: the database, the Excel writer and the PDF renderer refuse
 * them). A JSON body can carry them only as `\u` escapes, so a body without `\u0000` or `\uD8xx`–`\uDFxx` is
 * passed without being walked; the address is checked for `%00` and for percent-encoding that is not UTF-8.
 * @module
 */
import type { MiddlewareHandler } from "hono";
import { AppError } from "../errors.ts";

const SUSPECT_ESCAPE = /\\u(0000|d[89a-f][0-9a-f]{2})/i;
const JSON_TYPE = /^application\/json\s*(;|$)/i;

/** True when the text holds a NUL or a lone surrogate. */
export function hasForbiddenChars(s: string): boolean {
  return s.includes("\u0000") || !s.isWellFormed();
}

/** The path (`a.b.0`) of the first string or key holding a forbidden character, or null. */
export function forbiddenPath(value: unknown, at = ""): string | null {
  if (typeof value === "string") return hasForbiddenChars(value) ? at || "(body)" : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = forbiddenPath(value[i], at ? `${at}.${i}` : String(i));
      if (p) return p;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const here = at ? `${at}.${k}` : k;
      if (hasForbiddenChars(k)) return here;
      const p = forbiddenPath(v, here);
      if (p) return p;
    }
  }
  return null;
}

export const forbiddenCharacters = (field: string | null) =>
  new AppError(
    400,
    "forbidden_characters",
    field
      ? `Trường “${field}” có ký tự không được phép (ký tự NUL hoặc mã Unicode lẻ); hãy gõ lại nội dung đó`
      : "Địa chỉ yêu cầu có ký tự không được phép (ký tự NUL hoặc mã hoá không phải UTF-8)",
    field
      ? `The field “${field}” holds a character that is not allowed (NUL or a lone surrogate); type it again`
      : "The request address holds a character that is not allowed (NUL or an encoding that is not UTF-8)",
    field ? { field } : null,
  );

/** True when the request address (path and query, as sent) decodes to text a field may hold. */
export function addressIsClean(pathAndQuery: string): boolean {
  if (!pathAndQuery.includes("%")) return true;
  if (/%00/.test(pathAndQuery)) return false;
  try {
    decodeURIComponent(pathAndQuery.replaceAll("+", " "));
    return true;
  } catch {
    return false;
  }
}

/** Refuses a request whose address or JSON body holds a forbidden character (runs after the body limit). */
export function refuseForbiddenCharacters(): MiddlewareHandler {
  return async (c, next) => {
    const url = c.req.url;
    const start = url.indexOf("/", url.indexOf("//") + 2);
    if (!addressIsClean(start < 0 ? "" : url.slice(start))) throw forbiddenCharacters(null);
    if (
      c.req.method !== "GET" &&
      c.req.method !== "HEAD" &&
      JSON_TYPE.test(c.req.header("content-type") ?? "")
    ) {
      const text = await c.req.text();
      if (SUSPECT_ESCAPE.test(text)) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = undefined; // malformed JSON: the validator answers it
        }
        const field = forbiddenPath(parsed);
        if (field) throw forbiddenCharacters(field);
      }
    }
    return next();
  };
}
