/**
 * Cached answers are the same object each time they are served: each is turned into JSON text once, and the
 * text is kept as long as the object is (a WeakMap, so a dropped cache entry frees its text too).
 * @module
 */
import type { Context, TypedResponse } from "hono";
import type { JSONParsed } from "hono/utils/types";

const texts = new WeakMap<object, string>();

/** JSON.stringify(value), computed once per object. */
export function serializeOnce(value: object): string {
  let text = texts.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    texts.set(value, text);
  }
  return text;
}

/**
 * A kept answer served as JSON: the same body as `c.json(value, 200)`, typed as that for the OpenAPI route,
 * with the text of the kept object made once (`serializeOnce`). With `keptField`, only that field's value is a
 * kept object (the rest of the answer, small, is serialised each time). The one place a body's text stands in
 * for c.json.
 */
export function keptJson<T extends object>(
  c: Context,
  value: T,
  keptField?: keyof T & string,
): Response & TypedResponse<JSONParsed<T>, 200, "json"> {
  let text: string;
  if (keptField === undefined) text = serializeOnce(value);
  else {
    const { [keptField]: kept, ...rest } = value;
    const head = JSON.stringify(rest);
    const field = `${JSON.stringify(keptField)}:${serializeOnce(kept as object)}`;
    text = head === "{}" ? `{${field}}` : `${head.slice(0, -1)},${field}}`;
  }
  // the text is JSON of `value`: what c.json would answer, so it carries c.json's type (a type-only brand)
  return c.body(text, 200, { "content-type": "application/json" }) as unknown as Response &
    TypedResponse<JSONParsed<T>, 200, "json">;
}
