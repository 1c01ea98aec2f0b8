/**
 * Exact decimal arithmetic for indicator values, which stay strings ("2011", "50.43") from the database to the
 * screen: no floating point anywhere in sums and averages. Values are scaled BigInts. Pure, no I/O.
 * @module
 */

interface Dec {
  units: bigint; // value × 10^scale
  scale: number;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;
export const MAX_SCALE = 12;

export function isDecimal(s: string): boolean {
  return DECIMAL.test(s) && (s.split(".")[1]?.length ?? 0) <= MAX_SCALE;
}

function parse(s: string): Dec {
  if (!isDecimal(s)) throw new RangeError(`not a decimal number: "${s}"`);
  const [whole = "0", frac = ""] = s.replace("-", "").split(".");
  const units = BigInt(whole + frac) * (s.startsWith("-") ? -1n : 1n);
  return { units, scale: frac.length };
}

function rescale(d: Dec, scale: number): bigint {
  return d.units * 10n ** BigInt(scale - d.scale);
}

function format(units: bigint, scale: number): string {
  const neg = units < 0n;
  const digits = (neg ? -units : units).toString().padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  let frac = scale ? digits.slice(digits.length - scale) : "";
  frac = frac.replace(/0+$/, "");
  const out = frac ? `${whole}.${frac}` : whole;
  return neg && out !== "0" ? `-${out}` : out;
}

/** Division rounded half away from zero. */
function divRound(a: bigint, b: bigint): bigint {
  const q = a / b;
  const r = a % b;
  if (r === 0n) return q;
  const twice = (r < 0n ? -r : r) * 2n;
  const absB = b < 0n ? -b : b;
  if (twice < absB) return q;
  return a < 0n !== b < 0n ? q - 1n : q + 1n;
}

export function add(...values: string[]): string {
  const ds = values.map(parse);
  const scale = Math.max(0, ...ds.map((d) => d.scale));
  return format(
    ds.reduce((acc, d) => acc + rescale(d, scale), 0n),
    scale,
  );
}

export function multiply(a: string, b: string): string {
  const x = parse(a);
  const y = parse(b);
  return format(x.units * y.units, x.scale + y.scale);
}

/** a ÷ b rounded to `scale` decimals (half away from zero). */
export function divide(a: string, b: string, scale: number): string {
  const x = parse(a);
  const y = parse(b);
  if (y.units === 0n) throw new RangeError("division by zero");
  // (x.units / 10^xs) / (y.units / 10^ys) × 10^scale
  const num = x.units * 10n ** BigInt(scale + y.scale);
  const den = y.units * 10n ** BigInt(x.scale);
  return format(divRound(num, den), scale);
}

export function compare(a: string, b: string): -1 | 0 | 1 {
  const x = parse(a);
  const y = parse(b);
  const scale = Math.max(x.scale, y.scale);
  const d = rescale(x, scale) - rescale(y, scale);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** Digits after the point. */
export function scaleOf(s: string): number {
  return parse(s).scale;
}
