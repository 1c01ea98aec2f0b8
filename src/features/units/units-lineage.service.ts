/** A unit's lineage across reforms: where a historic unit went (successors) and what a unit took over. @module */
import type { Kysely } from "kysely";
import { type Auth, requirePermission } from "../../access/access.ts";
import type { Database, UnitRow } from "../../db/database.ts";
import { isWithin, todayInVietnam } from "../../domain/dates.ts";
import * as repo from "./units.repository.ts";
import { requireUnitVersions, resolveVersion, toUnitDto } from "./units.service.ts";

type Db = Kysely<Database>;

type Kind = "full" | "partial";
const MAX_STEPS = 10;

/**
 * Successors of a historic unit as of a date, through every reform in between. A chain is "partial" if any
 * link in it is. Starts from the latest version of the code that ended before `asOf`, else the valid one.
 */
export async function successors(db: Db, auth: Auth | null, code: string, asOfIn?: string) {
  requirePermission(auth, "unit.read");
  const asOf = asOfIn ?? todayInVietnam();
  const versions = await requireUnitVersions(db, code);
  const ended = versions.filter((v) => v.valid_to !== null && v.valid_to < asOf);
  const start =
    ended[ended.length - 1] ??
    versions.find((v) => isWithin(asOf, v.valid_from, v.valid_to)) ??
    (versions[versions.length - 1] as UnitRow);
  const found = new Map<number, { unit: UnitRow; kind: Kind; effectiveDate: string }>();
  let frontier: { unit: UnitRow; kind: Kind; effectiveDate: string }[] = [
    { unit: start, kind: "full", effectiveDate: start.valid_from ?? "" },
  ];
  for (let step = 0; step < MAX_STEPS && frontier.length; step++) {
    const next: typeof frontier = [];
    const pending = frontier.filter((f) => {
      if (isWithin(asOf, f.unit.valid_from, f.unit.valid_to)) {
        const prev = found.get(f.unit.id);
        if (!prev || (prev.kind === "full" && f.kind === "partial")) found.set(f.unit.id, f);
        return false;
      }
      return f.unit.valid_from === null || f.unit.valid_from <= asOf; // a unit not yet born has no successor yet
    });
    const links = await repo.linksFrom(
      db,
      pending.map((p) => p.unit.id),
    );
    const units = new Map(
      (
        await repo.findUnitsByIds(
          db,
          links.map((l) => l.successor_id),
        )
      ).map((u) => [u.id, u]),
    );
    for (const l of links) {
      const from = pending.find((p) => p.unit.id === l.predecessor_id);
      const unit = units.get(l.successor_id);
      if (!from || !unit) continue;
      next.push({
        unit,
        kind: from.kind === "partial" || l.kind === "partial" ? "partial" : "full",
        effectiveDate: l.effective_date,
      });
    }
    frontier = next;
  }
  return {
    asOf,
    unit: toUnitDto(start),
    successors: [...found.values()]
      .sort((a, b) => a.unit.code.localeCompare(b.unit.code))
      .map((f) => ({ unit: toUnitDto(f.unit), kind: f.kind, effectiveDate: f.effectiveDate })),
  };
}

/** The historic units that formed the unit valid on `asOf` (all earlier generations). */
export async function predecessors(db: Db, auth: Auth | null, code: string, asOfIn?: string) {
  requirePermission(auth, "unit.read");
  const asOf = asOfIn ?? todayInVietnam();
  const { unit } = await resolveVersion(db, code, asOf);
  const found = new Map<number, { unit: UnitRow; kind: Kind; effectiveDate: string }>();
  let frontier = [{ id: unit.id, kind: "full" as Kind }];
  for (let step = 0; step < MAX_STEPS && frontier.length; step++) {
    const links = await repo.linksTo(
      db,
      frontier.map((f) => f.id),
    );
    const units = new Map(
      (
        await repo.findUnitsByIds(
          db,
          links.map((l) => l.predecessor_id),
        )
      ).map((u) => [u.id, u]),
    );
    const next: typeof frontier = [];
    for (const l of links) {
      const u = units.get(l.predecessor_id);
      const from = frontier.find((f) => f.id === l.successor_id);
      if (!u || !from || found.has(u.id)) continue;
      const kind: Kind = from.kind === "partial" || l.kind === "partial" ? "partial" : "full";
      found.set(u.id, { unit: u, kind, effectiveDate: l.effective_date });
      next.push({ id: u.id, kind });
    }
    frontier = next;
  }
  const levelRank = { province: 0, district: 1, commune: 2, hamlet: 3 } as const;
  return {
    asOf,
    unit: toUnitDto(unit),
    predecessors: [...found.values()]
      .sort(
        (a, b) =>
          b.effectiveDate.localeCompare(a.effectiveDate) ||
          levelRank[a.unit.level] - levelRank[b.unit.level] ||
          a.unit.code.localeCompare(b.unit.code),
      )
      .map((f) => ({ unit: toUnitDto(f.unit), kind: f.kind, effectiveDate: f.effectiveDate })),
  };
}
