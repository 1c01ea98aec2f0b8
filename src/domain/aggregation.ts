/**
 * How an indicator's values from units below add up to a unit's value (sum, average, weighted
 * average, min, max, latest, none), on exact decimals. Pure, no I/O.
 * @module
 */
import { add, compare, divide, multiply, scaleOf } from "./decimal.ts";

export type AggregationRule = "sum" | "average" | "weighted_average" | "min" | "max" | "latest" | "none";

export interface Contribution {
  value: string;
  /**
   * For weighted averages: the weight indicator's value in the same report (e.g. the number of dossiers for
   * the share filed online). A value without its weight is left out of the weighted average.
   */
  weight?: string;
  /** For "latest": when the value was reported (ISO date or timestamp). */
  at?: string;
}

/** Decimals kept by averages: as many as the most precise input, and at least 2. */
function averageScale(values: string[]): number {
  return Math.max(2, ...values.map(scaleOf));
}

/** The aggregate of the contributions by the rule, or null when there is nothing to aggregate. */
export function aggregate(rule: AggregationRule, items: Contribution[]): string | null {
  if (rule === "none" || items.length === 0) return null;
  const values = items.map((i) => i.value);
  switch (rule) {
    case "sum":
      return add(...values);
    case "average":
      return divide(add(...values), String(values.length), averageScale(values));
    case "weighted_average": {
      const weighed = items.filter((i) => i.weight !== undefined && i.weight !== "");
      if (weighed.length === 0) return null;
      const total = add(...weighed.map((i) => i.weight as string));
      if (compare(total, "0") === 0) return null;
      const weighted = add(...weighed.map((i) => multiply(i.value, i.weight as string)));
      return divide(weighted, total, averageScale(weighed.map((i) => i.value)));
    }
    case "min":
      return values.reduce((a, b) => (compare(b, a) < 0 ? b : a));
    case "max":
      return values.reduce((a, b) => (compare(b, a) > 0 ? b : a));
    case "latest": {
      const dated = items.filter((i) => i.at !== undefined);
      if (dated.length !== items.length) throw new RangeError("latest: every value needs its date");
      return dated.reduce((a, b) => ((b.at as string) > (a.at as string) ? b : a)).value;
    }
  }
}
