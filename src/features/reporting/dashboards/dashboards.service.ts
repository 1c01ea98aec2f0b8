/**
 * Dashboards: the units × periods timeliness heat-map and the rolled-up totals of a form for a
 * unit and the units below it, read from the rollup table and kept per server against the totals revision.
 * @module
 */

import { type Auth, requirePermission, requireUnitAccess, scopeCodes } from "../../../access/access.ts";
import type { Db } from "../../../db/database.ts";
import type { Kept } from "../../../db/kept.ts";
import { RevisionCache } from "../../../db/revision-cache.ts";
import { todayInVietnam } from "../../../domain/dates.ts";
import { FED_INDICATORS, fedValues } from "../../../domain/dvk-models.ts";
import { parsePeriod } from "../../../domain/periods.ts";
import { requireLatestForm } from "../../forms/forms.service.ts";
import { catalogue as indicatorCatalogue } from "../../indicators/catalogue.ts";
import { registryCounts } from "../../models/model-counts.service.ts";
import * as unitService from "../../units/units.service.ts";
import { periodOf } from "../requests/request-targets.ts";
import * as rollup from "../rollup/rollup.service.ts";
import { catalogueOf } from "../submissions/submission-values.ts";
import * as dashboardsRepository from "./dashboards.repository.ts";

// ---- timeliness over time --------------------------------------------------------------------------------

/**
 * Completeness and timeliness per unit over time: the units one level below `unitCode` (today's units; earlier
 * periods counted through the successor links) × its latest requests, each cell on time / late / missing.
 */
export async function timelinessMap(db: Db, auth: Auth | null, q: { unit: string; form?: string }) {
  await requireUnitAccess(db, auth, "unit.read", q.unit);
  const today = todayInVietnam();
  const requests = await dashboardsRepository.requestsUnder(db, q.unit, q.form ?? null, 16);
  const children = (await unitService.childrenAt(db, q.unit, today)).map((c) => ({
    code: c.code,
    name: c.full_name,
  }));
  const self = await unitService.unitAt(db, q.unit, today);
  const ids = requests.map((r) => r.id);
  const cells = await dashboardsRepository.timelinessCells(
    db,
    ids,
    [q.unit, ...children.map((c) => c.code)],
    today,
  );
  const withCells = new Set(cells.map((c) => c.unit_code));
  const rows = children.filter((c) => withCells.has(c.code));
  const shown = rows.length ? rows : [{ code: q.unit, name: self?.full_name ?? q.unit }];
  const shownCodes = new Set(shown.map((r) => r.code));
  return {
    unitCode: q.unit,
    unitName: self?.full_name ?? q.unit,
    columns: requests.map((r) => ({
      requestId: r.id,
      periodCode: r.period_code,
      deadline: r.deadline,
      title: r.title,
    })),
    rows: shown,
    cells: cells
      .filter((c) => shownCodes.has(c.unit_code))
      .map((c) => ({
        requestId: c.request_id,
        unitCode: c.unit_code,
        expected: c.expected,
        onTime: c.on_time,
        late: c.late,
        missing: c.missing,
        accepted: c.accepted,
      })),
    totals: requests.map((r) => {
      const mine = cells.filter((c) => c.request_id === r.id && c.unit_code === q.unit);
      const c = mine[0];
      return {
        requestId: r.id,
        expected: c?.expected ?? 0,
        onTime: c?.on_time ?? 0,
        late: c?.late ?? 0,
        missing: c?.missing ?? 0,
      };
    }),
  };
}

// ---- dashboards ------------------------------------------------------------------------------------------

type TotalsByUnit = Record<string, Record<string, Record<string, string | null>>>;
/** unit → the periods whose figure is the unit's own report (not the reports below it). */
type OwnByUnit = Record<string, string[]>;
declare module "../../../db/kept.ts" {
  interface Kept {
    /** The totals this server read, each kept with the totals revision read before it. */
    dashboardTotals: RevisionCache<{ values: TotalsByUnit; own: OwnByUnit }, string>;
  }
}

/** The kept dashboard totals: the 200 read last (a revision read tells whether one is fresh). */
export function keepDashboardTotals(): Kept["dashboardTotals"] {
  return new RevisionCache(200);
}

/**
 * Totals for dashboards: one form's rolled-up numbers for a unit and the units one level below it (or, for
 * whoever sees the whole country, every province), over the given periods — read from the rollup table, so
 * the answer is current and never needs a batch run. A unit's figure is its own latest accepted report when
 * it has one, else the latest accepted reports below it (`ownReport` names the periods of the first kind).
 */
export async function totals(
  db: Db,
  kept: Kept,
  auth: Auth | null,
  q: { form: string; periods: string[]; unit?: string },
) {
  const a = requirePermission(auth, "unit.read");
  for (const p of q.periods) periodOf({ code: p });
  const today = todayInVietnam();
  const unitQ = q.unit;
  if (unitQ) await requireUnitAccess(db, a, "unit.read", unitQ);
  async function unitsShown() {
    if (unitQ) {
      const [u, children] = await Promise.all([
        unitService.unitAt(db, unitQ, today),
        unitService.childrenAt(db, unitQ, today),
      ]);
      return {
        self: { code: unitQ, name: u?.full_name ?? unitQ, provinceCode: u?.province_code ?? unitQ },
        units: children.map((c) => ({ code: c.code, name: c.full_name })),
      };
    }
    const scope = scopeCodes(a, "unit.read");
    const all = (await dashboardsRepository.provinces(db, today)).map((p) => ({
      code: p.code,
      name: p.full_name,
    }));
    return { self: null, units: scope === null ? all : all.filter((p) => scope.includes(p.code)) };
  }
  // the units, the forms, the catalogue and the totals revision do not depend on each other: ask for all at
  // once; the totals rows themselves are read only when the revision moved since this server last read them
  const [{ self, units }, form, indicators, revision] = await Promise.all([
    unitsShown(),
    requireLatestForm(db, kept, q.form),
    indicatorCatalogue(db, kept),
    rollup.totalsRevision(db),
  ]);
  const rolled = [...catalogueOf(indicators, form).values()].filter(
    (i) => i.type !== "text" && i.aggregation !== "none",
  );
  const codes = [...(self ? [self.code] : []), ...units.map((u) => u.code)];
  // unit → period → indicator → value, as the database built it: the same object while nothing changed, so
  // the route serialises it once (src/http/serialize-once.ts)
  const cache = kept.dashboardTotals;
  const key = JSON.stringify([q.form, q.periods, codes]);
  let read = cache.get(key, revision);
  if (!read) {
    // read after the revision: rows are never kept under a revision newer than the one they were read at
    read = { values: {}, own: {} };
    for (const r of await rollup.totals(db, q.form, q.periods, codes)) {
      const unit = read.values[r.unit_code] ?? {};
      unit[r.period_code] = r.vals;
      read.values[r.unit_code] = unit;
      if (r.own) read.own[r.unit_code] = [...(read.own[r.unit_code] ?? []), r.period_code];
    }
    cache.set(key, revision, read);
  }
  // where the models registry is kept: its counts under the unit beside the reports' (never two silent truths)
  const fedCodes = rolled.map((i) => i.code).filter((c) => c in FED_INDICATORS);
  const registry: Record<string, Record<string, string>> = {};
  if (self && fedCodes.length) {
    for (const p of q.periods) {
      const counts = await registryCounts(
        db,
        kept,
        self.code,
        self.provinceCode,
        Number(parsePeriod(p).end.slice(0, 4)),
      );
      if (!counts) continue;
      const values = fedValues(counts.rows, counts.fieldNames, new Map(fedCodes.map((c) => [c, [""]])));
      registry[p] = Object.fromEntries(Object.entries(values).map(([c, v]) => [c, v[""] ?? "0"]));
    }
  }
  return {
    form: q.form,
    periods: q.periods,
    unit: self && { code: self.code, name: self.name },
    registry,
    children: units,
    indicators: rolled.map((i) => ({
      code: i.code,
      nameVi: i.name_vi,
      nameEn: i.name_en,
      unitOfMeasure: i.unit_of_measure,
      aggregation: i.aggregation,
    })),
    values: read.values,
    ownReport: read.own,
  };
}
