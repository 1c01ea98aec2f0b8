/**
 * Cached answers are the same object each time they are served: each is turned into JSON text once, and the
 * text is kept as long as the object is (a WeakMap, so a dropped cache entry frees its text too).
 *
 * Parts shared by many answers are marked with `shareJson` when they are built (they must not change
 * afterwards): a data-entry page answers every save and submit with its form and indicators — the bulk of the
 * answer, the same for every unit filling that form version — so under a deadline burst they are written out
 * once per form version, and `jsonText` splices their text into each answer.
 * @module
 */
const texts = new WeakMap<object, string>();
const shared = new WeakSet<object>();

/** JSON.stringify(value), computed once per object. */
export function serializeOnce(value: object): string {
  let text = texts.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    texts.set(value, text);
  }
  return text;
}

/** Marks `value` as shared by many answers: `jsonText` writes it once. */
export function shareJson<T extends object>(value: T): T {
  shared.add(value);
  return value;
}

/** `JSON.stringify(body)`, with the shared parts of its top level written once (see shareJson). */
export function jsonText(body: object): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined || typeof value === "function") continue;
    const text =
      typeof value === "object" && value !== null && shared.has(value)
        ? serializeOnce(value)
        : JSON.stringify(value);
    parts.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${parts.join(",")}}`;
}
