/**
 * Cached answers are the same object each time they are served: each is turned into JSON text once, and the
 * text is kept as long as the object is (a WeakMap, so a dropped cache entry frees its text too).
 *
 * Parts shared by many answers are marked with `shareJson` when they are built (they must not change
 * afterwards): a data-entry page answers every save and submit with its form and indicators — the bulk of the
 * answer, the same for every unit filling that form version — so under a deadline burst they are written out
 * once per form version, and `jsonBytes` splices their bytes into each answer.
 * @module
 */
const texts = new WeakMap<object, string>();
const bytes = new WeakMap<object, Buffer>();
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

/** Marks `value` as shared by many answers: `jsonBytes` writes it once. */
export function shareJson<T extends object>(value: T): T {
  shared.add(value);
  return value;
}

/**
 * `JSON.stringify(body)` as UTF-8 bytes, with the shared parts of its top level (see shareJson) copied from
 * bytes kept with them: the bulk of the answer never enters the JavaScript heap again, which under a burst of
 * writes (each holding its answer while it is sent) keeps the garbage collector's young generation small.
 */
export function jsonBytes(body: object): Buffer {
  const parts: Buffer[] = [];
  let pending = "{";
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined || typeof value === "function") continue;
    pending += `${pending === "{" ? "" : ","}${JSON.stringify(key)}:`;
    if (typeof value === "object" && value !== null && shared.has(value)) {
      let b = bytes.get(value);
      if (!b) {
        b = Buffer.from(serializeOnce(value));
        bytes.set(value, b);
      }
      parts.push(Buffer.from(pending), b);
      pending = "";
    } else {
      pending += JSON.stringify(value);
    }
  }
  parts.push(Buffer.from(`${pending}}`));
  return Buffer.concat(parts);
}
