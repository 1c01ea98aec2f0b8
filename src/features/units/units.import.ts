/**
 * Loads editions of the official unit list into the effective-dated `unit` table, all-or-nothing.
 *
 * - `replace` (a reform, e.g. 01/07/2025): every open official unit closes the day before, the new list opens,
 *   and successor links come from the mapping files (plus derived district links).
 * - `update` (e.g. 30/04/2026): units whose attributes changed get a new version linked to the old one; new
 *   codes open; codes missing from the file close.
 * @module
 */
import fs from "node:fs/promises";
import path from "node:path";
import type { Kysely } from "kysely";
import { appendAudit } from "../../audit/audit-log.repository.ts";
import type { Database, NewUnit, UnitRow } from "../../db/database.ts";
import { inTransaction } from "../../db/transaction.ts";
import { previousDay } from "../../domain/dates.ts";
import { foldVietnamese, nameMatchKey } from "../../domain/vn-text.ts";
import { type MappingRow, parseMappingFile, parseUnitFile, type UnitFileRow } from "./unit-file.ts";
import * as repo from "./units.repository.ts";

export type Progress = (step: string, done: number, total: number) => void;

export interface Edition {
  source: string;
  /** First day of validity; null = "from before our records". */
  validFrom: string | null;
  mode: "replace" | "update";
  units: UnitFileRow[];
  communeMapping?: MappingRow[];
  provinceMapping?: MappingRow[];
}

export interface ImportSummary {
  source: string;
  inserted: number;
  closed: number;
  unchanged: number;
  links: number;
}

export function searchTextOf(fullName: string, code: string): string {
  return `${foldVietnamese(fullName)} ${code}`;
}

function ancestorsOf(rows: Map<string, UnitFileRow>, row: UnitFileRow): string[] {
  const chain: string[] = [];
  let p = row.parentCode ? rows.get(row.parentCode) : undefined;
  while (p) {
    chain.unshift(p.code);
    p = p.parentCode ? rows.get(p.parentCode) : undefined;
  }
  return chain;
}

function toNewUnit(rows: Map<string, UnitFileRow>, r: UnitFileRow, e: Edition): NewUnit {
  const ancestors = ancestorsOf(rows, r);
  return {
    code: r.code,
    name: r.name,
    full_name: r.fullName,
    type: r.type,
    level: r.level,
    parent_code: r.parentCode,
    province_code: ancestors[0] ?? r.code,
    ancestors,
    valid_from: e.validFrom,
    valid_to: null,
    name_key: nameMatchKey(r.name),
    search_text: searchTextOf(r.fullName, r.code),
    source: e.source,
  };
}

function differs(old: UnitRow, n: NewUnit): boolean {
  return (
    old.name !== n.name ||
    old.full_name !== n.full_name ||
    old.type !== n.type ||
    old.level !== n.level ||
    old.parent_code !== n.parent_code
  );
}

export async function importEdition(
  db: Kysely<Database>,
  e: Edition,
  progress?: Progress,
  actor = "system",
): Promise<ImportSummary> {
  const work = async (trx: Kysely<Database>): Promise<ImportSummary> => {
    const byCode = new Map(e.units.map((r) => [r.code, r]));
    const fresh = e.units.map((r) => toNewUnit(byCode, r, e));
    const open = await repo.openOfficialUnits(trx);
    const closeDate = e.validFrom ? previousDay(e.validFrom) : null;
    if (open.length > 0 && !closeDate) throw new Error("an edition after the first needs a start date");
    const summary: ImportSummary = { source: e.source, inserted: 0, closed: 0, unchanged: 0, links: 0 };
    const links: repo.LinkRow[] = [];
    let toInsert: NewUnit[];
    let toClose: UnitRow[];
    if (e.mode === "replace") {
      toInsert = fresh;
      toClose = open;
    } else {
      const openByKey = new Map(open.map((u) => [`${u.level}:${u.code}`, u]));
      toInsert = [];
      toClose = [];
      const seen = new Set<string>();
      for (const n of fresh) {
        const key = `${n.level}:${n.code}`;
        seen.add(key);
        const old = openByKey.get(key);
        if (!old) toInsert.push(n);
        else if (differs(old, n)) {
          toInsert.push(n);
          toClose.push(old);
        } else summary.unchanged++;
      }
      for (const [key, u] of openByKey) if (!seen.has(key)) toClose.push(u);
    }
    progress?.("close", 0, toClose.length);
    if (closeDate)
      await repo.closeUnits(
        trx,
        toClose.map((u) => u.id),
        closeDate,
      );
    summary.closed = toClose.length;
    progress?.("close", toClose.length, toClose.length);
    const inserted: { id: number; code: string }[] = [];
    const CHUNK = 1000;
    for (let i = 0; i < toInsert.length; i += CHUNK) {
      inserted.push(...(await repo.insertUnits(trx, toInsert.slice(i, i + CHUNK))));
      progress?.("insert", Math.min(i + CHUNK, toInsert.length), toInsert.length);
    }
    summary.inserted = inserted.length;
    if (closeDate && e.validFrom) {
      const newIdByCode = new Map(inserted.map((r) => [r.code, r.id]));
      if (e.mode === "update") {
        for (const old of toClose) {
          const id = newIdByCode.get(old.code);
          if (id)
            links.push({
              predecessor_id: old.id,
              successor_id: id,
              kind: "full",
              effective_date: e.validFrom,
            });
        }
      } else {
        links.push(...reformLinks(toClose, newIdByCode, e));
      }
    }
    await repo.insertLinks(trx, links);
    summary.links = links.length;
    progress?.("links", links.length, links.length);
    await appendAudit(trx, {
      actorId: null,
      actorName: actor,
      action: "units.import",
      entity: "unit_edition",
      entityId: e.source,
      unitCode: null,
      scope: [],
      before: null,
      after: { ...summary, validFrom: e.validFrom, mode: e.mode, rows: e.units.length },
    });
    return summary;
  };
  return inTransaction(db, work);
}

/** Links of a reform: provinces and communes from the mapping files; districts derived from their communes. */
function reformLinks(closed: UnitRow[], newIdByCode: Map<string, number>, e: Edition): repo.LinkRow[] {
  const effective = e.validFrom as string;
  const oldBy = new Map(closed.map((u) => [`${u.level}:${u.code}`, u]));
  const out = new Map<string, repo.LinkRow>();
  const add = (oldId: number, newId: number, kind: "full" | "partial") => {
    const key = `${oldId}:${newId}`;
    const prev = out.get(key);
    if (!prev || (prev.kind === "full" && kind === "partial")) {
      out.set(key, { predecessor_id: oldId, successor_id: newId, kind, effective_date: effective });
    }
  };
  for (const m of e.provinceMapping ?? []) {
    const old = oldBy.get(`province:${m.oldCode}`);
    const id = newIdByCode.get(m.newCode);
    if (old && id) add(old.id, id, m.kind);
  }
  // district → new communes: "full" only if every commune of the district went wholly into that one commune
  const districtTargets = new Map<number, Map<number, boolean>>();
  for (const m of e.communeMapping ?? []) {
    const id = newIdByCode.get(m.newCode);
    if (!id) continue;
    if (m.oldLevel === "district") {
      const d = oldBy.get(`district:${m.oldCode}`);
      if (d) add(d.id, id, m.kind);
      continue;
    }
    const old = oldBy.get(`commune:${m.oldCode}`);
    if (!old) continue; // dissolved before the old list's date
    add(old.id, id, m.kind);
    const district = old.ancestors[1] ? oldBy.get(`district:${old.ancestors[1]}`) : undefined;
    if (district) {
      const targets = districtTargets.get(district.id) ?? new Map<number, boolean>();
      targets.set(id, (targets.get(id) ?? true) && m.kind === "full");
      districtTargets.set(district.id, targets);
    }
  }
  for (const [districtId, targets] of districtTargets) {
    const whole = targets.size === 1;
    for (const [id, allFull] of targets) add(districtId, id, whole && allFull ? "full" : "partial");
  }
  return [...out.values()];
}

/** The editions shipped in seed/vn-admin, in order. */
export async function shippedEditions(dir: string): Promise<Edition[]> {
  const read = (f: string) => fs.readFile(path.join(dir, f), "utf8");
  return [
    {
      source: "gso-2024",
      validFrom: null,
      mode: "replace",
      units: parseUnitFile("units-2024.csv", await read("units-2024.csv")),
    },
    {
      source: "gso-2025",
      validFrom: "2025-07-01",
      mode: "replace",
      units: parseUnitFile("units-2025.csv", await read("units-2025.csv")),
      communeMapping: parseMappingFile("mapping-2025.csv", await read("mapping-2025.csv")),
      provinceMapping: parseMappingFile(
        "mapping-2025-provinces.csv",
        await read("mapping-2025-provinces.csv"),
        false,
      ),
    },
    {
      source: "gso-2026",
      validFrom: "2026-04-30",
      mode: "update",
      units: parseUnitFile("units-2026.csv", await read("units-2026.csv")),
    },
  ];
}

/** Loads every shipped edition into an empty unit table; does nothing if units are already there. */
export async function loadShippedUnits(
  db: Kysely<Database>,
  dir: string,
  progress?: Progress,
): Promise<ImportSummary[]> {
  const editions = await shippedEditions(dir);
  return db.transaction().execute(async (trx) => {
    if ((await repo.countUnits(trx)) > 0) return [];
    const out: ImportSummary[] = [];
    for (const e of editions) out.push(await importEdition(trx, e, progress));
    return out;
  });
}
