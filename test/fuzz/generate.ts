/**
 * Requests generated from the OpenAPI document with a fixed seed: every operation, its path and query
 * parameters and JSON body filled from their schemas, then some values swapped for hostile ones (NUL bytes,
 * lone surrogates, integers past 32 bits, formula prefixes, long strings, wrong types). Used by the fuzz test
 * (a few thousand) and `bench:fuzz` (tens of thousands); the same seed gives the same requests.
 */

export interface FuzzRequest {
  method: string;
  path: string;
  /** The operation's path template, for reporting. */
  template: string;
  body?: string;
  contentType?: string;
}

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  nullable?: boolean;
  default?: unknown;
};

interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: Schema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

export interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

/** A small seeded generator (mulberry32): the same seed, the same sequence. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T,
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof seeded>;

const HOSTILE_STRINGS = [
  "a\u0000b",
  "\u0000",
  "\ud800",
  "x\udfffy",
  '=HYPERLINK("http://x")',
  "+1",
  "-1+1",
  "@SUM(A1)",
  "'quoted",
  "",
  " ",
  "x".repeat(5000),
  "Ấp Mỹ Hòa 🏠",
  "<script>alert(1)</script>",
  "'; drop table unit; --",
  "../../etc/passwd",
  "%00",
  "\r\n\t",
  "9".repeat(40),
  "2025-02-30",
  "9999-12-31",
  "0000-01-01",
];

const HOSTILE_NUMBERS = [
  2_147_483_648, -2_147_483_649, 9_007_199_254_740_992, 1e19, 1e308, -1, 0, 1.5, -0.5, 32_768, 65_536,
];

const HOSTILE_VALUES: unknown[] = [null, true, [], {}, [[[[[]]]]], "1", 1, { a: { b: { c: {} } } }];

/** A path or query value: a plausible one or a hostile one, already percent-encoded. */
const HOSTILE_PARAMS = [
  "%00",
  "a%00b",
  "%ED%A0%80",
  "%F0%9F",
  "%E1%BA%A4p",
  "2147483648",
  "99999999999999999999",
  "-1",
  "0",
  "1.5",
  "1e3",
  "abc",
  "%27",
  "%3D1%2B1",
  "x".repeat(2000),
  "%2E%2E%2F",
  "",
];

const CODES = ["82", "87", "19", "30037", "30037-001", "29440", "01", "00", "999999"];
const DATES = ["2026-01-01", "2025-07-01", "2026-12-31", "2024-02-29"];
const PERIODS = ["2026", "2026-S1", "2026-Q3", "2026-M11", "2025"];

export class FuzzGenerator {
  private readonly ops: { method: string; template: string; op: Operation }[] = [];

  constructor(
    private readonly doc: OpenApiDoc,
    private readonly rng: Rng,
    /** Path templates left out (those that end the session). */
    skip: (method: string, template: string) => boolean = () => false,
  ) {
    for (const [template, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        if (!["get", "post", "put", "patch", "delete"].includes(method)) continue;
        if (skip(method.toUpperCase(), template)) continue;
        this.ops.push({ method: method.toUpperCase(), template, op });
      }
    }
    this.ops.sort((a, b) => (a.template + a.method).localeCompare(b.template + b.method));
  }

  get operations(): number {
    return this.ops.length;
  }

  /** The n-th request: operations in turn, so every one is tried as often as the others. */
  request(n: number): FuzzRequest {
    const { method, template, op } = this.ops[n % this.ops.length] as (typeof this.ops)[number];
    const rng = this.rng;
    const params = op.parameters ?? [];
    let path = template.replace(/\{([^}]+)\}/g, (_, name: string) => {
      const p = params.find((x) => x.in === "path" && x.name === name);
      return this.paramValue(name, p?.schema);
    });
    const query: string[] = [];
    for (const p of params.filter((x) => x.in === "query")) {
      if (!p.required && rng.chance(0.5)) continue;
      query.push(`${encodeURIComponent(p.name)}=${this.paramValue(p.name, p.schema)}`);
    }
    if (rng.chance(0.05))
      query.push(`${rng.pick(["x", "limit", "offset", "q"])}=${rng.pick(HOSTILE_PARAMS)}`);
    if (query.length) path += `?${query.join("&")}`;
    const content = op.requestBody?.content ?? {};
    if (content["application/json"]) {
      const schema = content["application/json"].schema ?? {};
      const value = rng.chance(0.03) ? rng.pick(HOSTILE_VALUES) : this.value(schema, 0, "");
      let body = JSON.stringify(value) ?? "null";
      if (rng.chance(0.03)) body = rng.pick(["{", "[1,", '{"a":"\\ud800"}', '{"a":"\\u0000"}', "\u0000", ""]);
      return { method, path, template, body, contentType: "application/json" };
    }
    if (content["application/octet-stream"] || Object.keys(content).length) {
      const bytes = rng.pick(["PK\u0003\u0004garbage", "%PDF-1.4\n%%EOF", "\u0000\u0000", "a,b\n1,2", ""]);
      return { method, path, template, body: bytes, contentType: Object.keys(content)[0] };
    }
    return { method, path, template };
  }

  private resolve(schema: Schema): Schema {
    let s = schema;
    for (let i = 0; s.$ref && i < 10; i++) {
      const name = s.$ref.replace("#/components/schemas/", "");
      s = this.doc.components?.schemas?.[name] ?? {};
    }
    return s;
  }

  private paramValue(name: string, schema: Schema | undefined): string {
    const rng = this.rng;
    if (rng.chance(0.3)) return rng.pick(HOSTILE_PARAMS);
    const s = this.resolve(schema ?? {});
    if (s.enum?.length) return encodeURIComponent(String(rng.pick(s.enum)));
    if (/code$/i.test(name)) return rng.pick(CODES);
    if (/date|from|until|on$/i.test(name)) return rng.pick(DATES);
    if (/period/i.test(name)) return rng.pick(PERIODS);
    if (/id$/i.test(name) || s.type === "integer" || s.type === "number") return String(rng.int(1, 40));
    if (s.type === "boolean") return rng.pick(["true", "false"]);
    return encodeURIComponent(rng.pick(["a", "Ấp", "hoa", "2026", "x y"]));
  }

  private value(schema: Schema, depth: number, key: string): unknown {
    const rng = this.rng;
    const s = this.resolve(schema);
    if (depth > 0 && rng.chance(0.12)) {
      return rng.chance(0.5) ? rng.pick(HOSTILE_STRINGS) : rng.pick([...HOSTILE_NUMBERS, ...HOSTILE_VALUES]);
    }
    const options = s.anyOf ?? s.oneOf;
    if (options?.length) return this.value(rng.pick(options), depth, key);
    if (s.allOf?.length) {
      const merged: Schema = { type: "object", properties: {}, required: [] };
      for (const part of s.allOf.map((p) => this.resolve(p))) {
        Object.assign(merged.properties as object, part.properties);
        merged.required?.push(...(part.required ?? []));
      }
      return this.value(merged, depth, key);
    }
    if (s.const !== undefined) return s.const;
    if (s.enum?.length) return rng.pick(s.enum);
    const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
    if (types.includes("null") && rng.chance(0.2)) return null;
    const type = types.find((t) => t !== "null") ?? (s.properties ? "object" : "string");
    switch (type) {
      case "object": {
        if (depth > 5) return {};
        const out: Record<string, unknown> = {};
        for (const [k, p] of Object.entries(s.properties ?? {})) {
          if (!s.required?.includes(k) && rng.chance(0.4)) continue;
          if (s.required?.includes(k) && rng.chance(0.03)) continue;
          out[k] = this.value(p, depth + 1, k);
        }
        if (rng.chance(0.03)) out.__proto__extra = "x";
        return out;
      }
      case "array": {
        if (depth > 5) return [];
        const n = rng.chance(0.03) ? 2000 : rng.int(s.minItems ?? 0, Math.min(s.maxItems ?? 3, 3));
        return Array.from({ length: n }, () => this.value(s.items ?? {}, depth + 1, key));
      }
      case "integer":
      case "number": {
        if (/id$/i.test(key)) return rng.int(1, 40);
        const lo = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 0);
        const hi = s.maximum ?? lo + 100;
        return rng.int(lo, Math.min(hi, lo + 1000));
      }
      case "boolean":
        return rng.chance(0.5);
      default: {
        if (s.format === "date" || /date|from|until|On$/.test(key)) return rng.pick(DATES);
        if (/code$/i.test(key)) return rng.pick(CODES);
        if (/period/i.test(key)) return rng.pick(PERIODS);
        const text = rng.pick(["Ấp Mỹ Hòa", "Báo cáo", "x", "12", "Nguyễn Văn A", "2026"]);
        return s.maxLength !== undefined ? text.slice(0, s.maxLength) : text;
      }
    }
  }
}

/** Why an answer fails the fuzz rules, or null: no 5xx, and every error body complete in both languages. */
export function answerProblem(status: number, contentType: string | null, text: string): string | null {
  if (status >= 500) return `status ${status}: ${text.slice(0, 300)}`;
  if (status < 400) return null;
  if (!contentType?.includes("application/json")) return `status ${status} without a JSON body`;
  try {
    const e = (JSON.parse(text) as { error?: Record<string, unknown> }).error;
    for (const k of ["code", "message_vi", "message_en"]) {
      if (typeof e?.[k] !== "string" || !(e[k] as string).length)
        return `status ${status}: error.${k} missing`;
    }
    return null;
  } catch {
    return `status ${status}: body is not JSON`;
  }
}
