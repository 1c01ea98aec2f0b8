/**
 * The registry's counts under a unit in a year (what a consolidated report reads), kept per unit and year
 * while the fed revision stands; a change here or on another server refreshes them.
 * @module
 */
import { type Auth, requireUnitAccess } from "../../access/access.ts";
import type { Db } from "../../db/database.ts";
import type { Kept } from "../../db/kept.ts";
import { WatchedCache } from "../../db/revision-cache.ts";
import type { RevisionWatcher } from "../../db/revision-watcher.ts";
import { todayInVietnam } from "../../domain/dates.ts";
import * as repo from "./models.repository.ts";

/** The totals under a unit in a year: what a consolidated report reads ("2.011 mô hình, trong đó 1.354 …"). */
export async function modelCounts(db: Db, auth: Auth | null, q: { unit: string; year?: number }) {
  const path = await requireUnitAccess(db, auth, "unit.read", q.unit);
  const year = q.year ?? Number(todayInVietnam().slice(0, 4));
  const rows = await repo.counts(db, q.unit, path.length, year);
  const zero = () => ({ total: 0, new: 0, kept: 0, recognised: 0, exemplary: 0 });
  const add = (t: repo.ModelCounts, r: repo.ModelCounts) => {
    t.total += r.total;
    t.new += r.new;
    t.kept += r.kept;
    t.recognised += r.recognised;
    t.exemplary += r.exemplary;
  };
  const total = zero();
  const byField = new Map<string, repo.ModelCounts>();
  const byKind = new Map<string, repo.ModelCounts>();
  const byUnit = new Map<string, repo.ModelCounts>();
  for (const r of rows) {
    add(total, r);
    for (const [m, k] of [
      [byField, r.field_code],
      [byKind, r.kind],
      [byUnit, r.child ?? q.unit],
    ] as const) {
      const t = m.get(k) ?? zero();
      add(t, r);
      m.set(k, t);
    }
  }
  const list = (m: Map<string, repo.ModelCounts>) => [...m].map(([code, c]) => ({ code, ...c }));
  return { unit: q.unit, year, ...total, byField: list(byField), byKind: list(byKind), byUnit: list(byUnit) };
}

declare module "../../db/kept.ts" {
  interface Kept {
    /** Each unit's registry counts per year, against `fed_revision` (see add-fed-revision). */
    registryCounts: WatchedCache<Awaited<ReturnType<typeof readRegistryCounts>>>;
  }
}

/** The kept registry counts of `db`, fresh while `watcher` (channel fed_revision) hears no change. */
export function keepRegistryCounts(db: Db, watcher?: RevisionWatcher): Kept["registryCounts"] {
  return new WatchedCache(db, watcher);
}

/** After a change to the registry in this process: the reports it feeds see it on their next read. */
export async function registryChanged(kept: Kept): Promise<void> {
  await kept.registryCounts.refresh();
}

/**
 * The registry's counts under a unit in a year by field and kind, with the fields' names: what a report's
 * model indicators are filled from (reporting.service fedFor), so nobody types them. Null while the unit's
 * province keeps no model in the registry for that year: until a province starts using it, its units type
 * their counts as before (and once it does, every unit's count comes from the registry, zeros included, so
 * the province's consolidated totals add up). Shared answers: read them, never change them.
 */
export function registryCounts(db: Db, kept: Kept, unitCode: string, provinceCode: string, year: number) {
  return kept.registryCounts.get(db, `${unitCode}|${provinceCode}|${year}`, () =>
    readRegistryCounts(db, unitCode, provinceCode, year),
  );
}

export async function readRegistryCounts(db: Db, unitCode: string, provinceCode: string, year: number) {
  if (!(await repo.provinceHasModels(db, provinceCode, year))) return null;
  const [rows, fields] = await Promise.all([repo.counts(db, unitCode, 1, year), repo.listFields(db)]);
  return { rows, fieldNames: new Map(fields.map((f) => [f.code, f.name_vi])) };
}
