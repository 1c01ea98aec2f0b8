/**
 * Cached answers are the same object each time they are served: each is turned into JSON text once, and the
 * text is kept as long as the object is (a WeakMap, so a dropped cache entry frees its text too).
 * @module
 */
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
