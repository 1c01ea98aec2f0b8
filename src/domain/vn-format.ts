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
