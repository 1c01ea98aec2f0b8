/**
 * Which reports a unit's totals count: one definition of a total, whichever request carried the reports.
 *
 * In a series (one form, one period, one kind of target) each reporting unit counts with its latest accepted
 * report. A report reaches every unit on its path (its own unit, the units above it, and for a unit closed in
 * a reform the successors that took it over and the units above them). At each of those units it counts:
 * - at its own unit, as that unit's own report ("own"), unless the unit has been closed since: a closed
 *   unit's code may live on in a successor made of several old units (Xã Tháp Mười of 2025 from three
 *   communes of 2024), whose figure for the old period is all of them, the same territory compared with
 *   itself; so a closed unit's report counts there as territory like the others;
 * - above it, as territory ("below"), unless a counted report of a higher level sits between: that report
 *   speaks for it (the province counts the commune's report, not the commune's and its hamlets'). At the
 *   higher report's own unit the two stay apart, the unit's own report and those below it, except when that
 *   unit is closed: then it speaks for them at its own code as well.
 * Danvan's own rule (no legal text sets how overlapping reports add up); each report counted once per unit.
 * Pure, no I/O.
 * @module
 */
import type { UnitLevel } from "./report-forms.ts";

/** A counted report, as the rule needs it. */
export interface CountedReport {
  id: number;
  unitCode: string;
  level: UnitLevel;
  /** Its unit has been closed (a unit version with an end date): its code may live on in a successor. */
  closed: boolean;
  /** The units it reaches: its own, the ones above it, and its successors' (codes). */
  path: readonly string[];
}

/** One report counted at one unit: as the unit's own report, or as part of its territory. */
export interface Reach {
  id: number;
  unitCode: string;
  own: boolean;
}

const RANK: Record<UnitLevel, number> = { province: 0, district: 1, commune: 2, hamlet: 3 };

/**
 * Where each report counts, among the `units` asked for (the rows to rebuild). `reports` must hold every
 * counted report of the series that reaches one of those units (a higher report that speaks for a lower one
 * reaches that unit too, so it is among them).
 */
export function reachOf(reports: readonly CountedReport[], units: ReadonlySet<string>): Reach[] {
  const byUnit = new Map<string, CountedReport[]>();
  for (const r of reports) {
    const list = byUnit.get(r.unitCode);
    if (list) list.push(r);
    else byUnit.set(r.unitCode, [r]);
  }
  const out: Reach[] = [];
  for (const r of reports) {
    // the units some higher report on its path speaks for it at
    let spokenFor: Set<string> | null = null;
    for (const code of r.path) {
      for (const a of byUnit.get(code) ?? []) {
        if (RANK[a.level] >= RANK[r.level]) continue;
        spokenFor ??= new Set();
        for (const x of a.path) if (a.closed || x !== a.unitCode) spokenFor.add(x);
      }
    }
    for (const code of r.path) {
      if (!units.has(code)) continue;
      const own = code === r.unitCode && !r.closed;
      if (own || !spokenFor?.has(code)) out.push({ id: r.id, unitCode: code, own });
    }
  }
  return out;
}
