/**
 * Validation rules on a form's values: two expressions over indicator codes and an operator,
 * e.g. `MODELS_TOTAL == MODELS_NEW + MODELS_KEPT` (Bắc Kạn 2021: 2.011 = 1.354 + 657), with a severity. As in
 * DHIS2, a rule says what to do with missing values. Exact decimals, no floating point. Pure, no I/O.
 * @module
 */
import { add, compare, divide, multiply } from "./decimal.ts";
import { term } from "./terms.ts";
import { formatDecimal } from "./vn-format.ts";

export type Operator = "==" | "!=" | "<" | "<=" | ">" | ">=";
export type MissingValues = "skip_if_any" | "skip_if_all" | "never";

export interface ValidationRule {
  left: string;
  operator: Operator;
  right: string;
  severity: "error" | "warning";
  missing?: MissingValues;
}

type Node =
  | { kind: "number"; value: string }
  | { kind: "ref"; code: string }
  | { kind: "neg"; arg: Node }
  | { kind: "op"; op: "+" | "-" | "*" | "/"; left: Node; right: Node };

export class ExpressionError extends Error {
  constructor(
    readonly position: number,
    readonly messageVi: string,
    messageEn: string,
  ) {
    super(messageEn);
  }
}

const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_.]*)|(.))/y;

function tokenize(text: string): { type: "num" | "ref" | "sym"; text: string; at: number }[] {
  const out: { type: "num" | "ref" | "sym"; text: string; at: number }[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const m = TOKEN.exec(text);
    if (!m) break;
    const at = TOKEN.lastIndex - (m[1] ?? m[2] ?? m[3] ?? "").length; // where the token starts, after spaces
    if (m[1]) out.push({ type: "num", text: m[1], at });
    else if (m[2]) out.push({ type: "ref", text: m[2], at });
    else if (m[3]) out.push({ type: "sym", text: m[3], at });
  }
  return out;
}

/** Parses `A + B * (C - 2)`; a bad expression throws ExpressionError with the character position. */
export function parseExpression(text: string): Node {
  const tokens = tokenize(text);
  let i = 0;
  const peek = () => tokens[i];
  const fail = (at: number, vi: string, en: string): never => {
    throw new ExpressionError(at, `${vi} (vị trí ${at + 1})`, `${en} (at ${at + 1})`);
  };
  const primary = (): Node => {
    const t = tokens[i++];
    if (!t) return fail(text.length, "Biểu thức chưa kết thúc", "The expression ends too early");
    if (t.type === "num") return { kind: "number", value: t.text };
    if (t.type === "ref") return { kind: "ref", code: t.text };
    if (t.text === "-") return { kind: "neg", arg: primary() };
    if (t.text === "(") {
      const inner = sum();
      if (peek()?.text !== ")") return fail(peek()?.at ?? text.length, "Thiếu dấu )", "Missing )");
      i++;
      return inner;
    }
    return fail(t.at, `Ký tự không hợp lệ "${t.text}"`, `Unexpected "${t.text}"`);
  };
  const product = (): Node => {
    let node = primary();
    while (peek()?.text === "*" || peek()?.text === "/") {
      const op = tokens[i++]?.text as "*" | "/";
      node = { kind: "op", op, left: node, right: primary() };
    }
    return node;
  };
  const sum = (): Node => {
    let node = product();
    while (peek()?.text === "+" || peek()?.text === "-") {
      const op = tokens[i++]?.text as "+" | "-";
      node = { kind: "op", op, left: node, right: product() };
    }
    return node;
  };
  if (tokens.length === 0) fail(0, "Biểu thức trống", "The expression is empty");
  const node = sum();
  const rest = peek();
  if (rest) fail(rest.at, `Thừa "${rest.text}"`, `Unexpected "${rest.text}"`);
  return node;
}

/** The indicator codes an expression reads. */
export function referencedCodes(node: Node): string[] {
  switch (node.kind) {
    case "number":
      return [];
    case "ref":
      return [node.code];
    case "neg":
      return referencedCodes(node.arg);
    case "op":
      return [...new Set([...referencedCodes(node.left), ...referencedCodes(node.right)])];
  }
}

const DIVISION_SCALE = 6;

function evaluate(node: Node, values: Record<string, string | undefined>): string | null {
  switch (node.kind) {
    case "number":
      return node.value;
    case "ref":
      return values[node.code] ?? "0";
    case "neg": {
      const v = evaluate(node.arg, values);
      return v === null ? null : multiply("-1", v);
    }
    case "op": {
      const l = evaluate(node.left, values);
      const r = evaluate(node.right, values);
      if (l === null || r === null) return null;
      if (node.op === "+") return add(l, r);
      if (node.op === "-") return add(l, multiply("-1", r));
      if (node.op === "*") return multiply(l, r);
      return compare(r, "0") === 0 ? null : divide(l, r, DIVISION_SCALE); // x/0: no result, not a violation
    }
  }
}

const HOLDS: Record<Operator, (c: -1 | 0 | 1) => boolean> = {
  "==": (c) => c === 0,
  "!=": (c) => c !== 0,
  "<": (c) => c < 0,
  "<=": (c) => c <= 0,
  ">": (c) => c > 0,
  ">=": (c) => c >= 0,
};

export type RuleOutcome =
  | { status: "passed"; left: string; right: string }
  | { status: "violated"; severity: "error" | "warning"; left: string; right: string }
  | { status: "skipped" };

/** Checks a rule on a form's values (missing = absent or empty). */
export function checkRule(rule: ValidationRule, values: Record<string, string | undefined>): RuleOutcome {
  const left = parseExpression(rule.left);
  const right = parseExpression(rule.right);
  const codes = [...new Set([...referencedCodes(left), ...referencedCodes(right)])];
  const present = codes.filter((c) => values[c] !== undefined && values[c] !== "");
  const missing = rule.missing ?? "skip_if_all";
  if (codes.length > 0) {
    if (missing === "skip_if_any" && present.length < codes.length) return { status: "skipped" };
    if (missing === "skip_if_all" && present.length === 0) return { status: "skipped" };
  }
  const filled = Object.fromEntries(codes.map((c) => [c, values[c] === "" ? undefined : values[c]]));
  const l = evaluate(left, filled);
  const r = evaluate(right, filled);
  if (l === null || r === null) return { status: "skipped" };
  return HOLDS[rule.operator](compare(l, r))
    ? { status: "passed", left: l, right: r }
    : { status: "violated", severity: rule.severity, left: l, right: r };
}

/**
 * An outlier against the previous period: the relative change exceeds `maxChangePercent` (both directions).
 * From zero to non-zero always counts.
 */
export function isOutlier(previous: string, current: string, maxChangePercent: string): boolean {
  if (compare(previous, "0") === 0) return compare(current, "0") !== 0;
  const change = divide(multiply(add(current, multiply("-1", previous)), "100"), previous, 4);
  const abs = compare(change, "0") < 0 ? multiply("-1", change) : change;
  return compare(abs, maxChangePercent) > 0;
}

/** A breakdown that cannot be: its parts add up to more than the total, or all of them to another number. */
export interface BreakdownProblem {
  indicator: string;
  /** The category broken down by ("field", "kind"). */
  category: string;
  /** Its options, as the form asks them ("kinh tế", …). */
  options: string[];
  total: string;
  sum: string;
  /** Every option of the category was given (then the parts must add up to the total exactly). */
  complete: boolean;
}

/**
 * Breakdowns that cannot be, for indicators that add up (counts summed over units: a model is in one field and
 * is collective or individual, so the fields of the models add up to the models): the parts of a category
 * exceed the total, or every part was given and they add up to another number. Values: code → combo → value
 * ("" the total, "field=kinh tế" a part); `combos`: the combo keys the form asks for each indicator.
 */
export function checkBreakdowns(
  values: Readonly<Record<string, Readonly<Record<string, string>>>>,
  combos: ReadonlyMap<string, readonly string[]>,
  additive: ReadonlySet<string>,
): BreakdownProblem[] {
  const out: BreakdownProblem[] = [];
  for (const [code, keys] of combos) {
    const total = values[code]?.[""];
    if (!additive.has(code) || total === undefined || total === "") continue;
    const byCategory = new Map<string, string[]>();
    for (const key of keys) {
      if (key === "") continue;
      const category = key.slice(0, key.indexOf("="));
      byCategory.set(category, [...(byCategory.get(category) ?? []), key]);
    }
    for (const [category, options] of byCategory) {
      const given = options.map((k) => values[code]?.[k]).filter((v): v is string => !!v);
      if (given.length === 0) continue;
      const sum = add(...given);
      const complete = given.length === options.length;
      if (compare(sum, total) > 0 || (complete && compare(sum, total) !== 0)) {
        const names = options.map((k) => k.slice(k.indexOf("=") + 1));
        out.push({ indicator: code, category, options: names, total, sum, complete });
      }
    }
  }
  return out;
}

/** What is wrong with a breakdown, in both languages, numbers written the language's way. */
export function breakdownMessage(
  p: BreakdownProblem,
  indicatorName: { vi: string; en: string },
): { messageVi: string; messageEn: string } {
  // the models' fields by name; any other category by its options ("khiếu nại, tố cáo, …")
  const c =
    p.category === "field"
      ? { vi: "lĩnh vực", en: "field" }
      : { vi: p.options.join(", "), en: p.options.map((o) => term(o, "en")).join(", ") };
  const vi = (v: string) => formatDecimal(v, "vi");
  const en = (v: string) => formatDecimal(v, "en");
  return p.complete
    ? {
        messageVi: `${indicatorName.vi}: các số theo ${c.vi} cộng lại là ${vi(p.sum)}, khác tổng số ${vi(p.total)}`,
        messageEn: `${indicatorName.en}: the parts by ${c.en} add up to ${en(p.sum)}, not the total ${en(p.total)}`,
      }
    : {
        messageVi: `${indicatorName.vi}: các số theo ${c.vi} (${vi(p.sum)}) lớn hơn tổng số ${vi(p.total)}`,
        messageEn: `${indicatorName.en}: the parts by ${c.en} (${en(p.sum)}) exceed the total ${en(p.total)}`,
      };
}
