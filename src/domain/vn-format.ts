/**
 * Vietnamese number display: "." groups thousands and "," marks decimals (2.011; 50,43%).
 * Source: TCVN 7217 conventions as used in every official report (e.g. the Bắc Kạn review: "2.011 mô hình").
 * @module
 */

/** 2011 → "2.011"; 1234.5 with 2 decimals → "1.234,50". */
export function formatNumberVi(value: number, decimals = 0): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole = "0", fraction] = fixed.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const sign = value < 0 && Number(fixed) !== 0 ? "-" : "";
  return fraction ? `${sign}${grouped},${fraction}` : `${sign}${grouped}`;
}

/** 50.43 → "50,43%". */
export function formatPercentVi(value: number, decimals = 2): string {
  return `${formatNumberVi(value, decimals)}%`;
}

/** An exact decimal string in Vietnamese form: "2011" → "2.011", "50.43" → "50,43", "-1234.5" → "-1.234,5". */
export function formatDecimalVi(value: string): string {
  const neg = value.startsWith("-");
  const [whole = "0", fraction] = value.replace("-", "").split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${neg ? "-" : ""}${grouped}${fraction ? `,${fraction}` : ""}`;
}

/**
 * Reads a number typed the Vietnamese way into canonical form: "2.011" → "2011", "50,43" → "50.43",
 * "4.500.000,5" → "4500000.5". A dot not followed by groups of three digits is taken as a decimal point
 * ("2.5" → "2.5"), as typed on an English keyboard. Anything else is returned trimmed, for the caller to reject.
 */
export function parseNumberVi(input: string): string {
  const s = input.trim().replace(/\s/g, "");
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) return s.replace(/\./g, "").replace(",", ".");
  if (/^-?\d+,\d+$/.test(s)) return s.replace(",", ".");
  return s;
}
