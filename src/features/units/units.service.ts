/**
 * Use cases on organisation units: browse as of a date, manage hamlets (the lineage across reforms is in
 * units-lineage.service.ts).
 * @module
 */
import type { Kysely } from "kysely";
import { type Auth, requirePermission, requireUnitAccess, scopeCodes } from "../../access/access.ts";
import type { Permission } from "../../access/permissions.ts";
import { appendAudit } from "../../audit/audit-log.repository.ts";
import type { Database, UnitRow } from "../../db/database.ts";
import type { Kept } from "../../db/kept.ts";
import { RevisionCache } from "../../db/revision-cache.ts";
import type { RevisionWatcher } from "../../db/revision-watcher.ts";
import { formatDateVi, isWithin, todayInVietnam } from "../../domain/dates.ts";
import { foldVietnamese, nameMatchKey, normalizeName } from "../../domain/vn-text.ts";
import { errors } from "../../errors.ts";
import { searchTextOf } from "./units.import.ts";
import * as repo from "./units.repository.ts";

type Db = Kysely<Database>;

export function toUnitDto(u: UnitRow, childCount?: number) {
  return {
    id: u.id,
    code: u.code,
    name: u.name,
    fullName: u.full_name,
    type: u.type,
    level: u.level,
    parentCode: u.parent_code,
    provinceCode: u.province_code,
    ancestors: u.ancestors,
    validFrom: u.valid_from,
    validTo: u.valid_to,
    source: u.source,
    version: u.version,
    ...(childCount === undefined ? {} : { childCount }),
  };
}
export type UnitDto = ReturnType<typeof toUnitDto>;

/**
 * Units valid on a date, found by name without accents ("thap muoi"), optionally within one unit's subtree
 * and only where the user holds a permission (the units a picker offers for that action), each with the names
 * of the unit above and of the province.
 */
export async function listUnits(
  db: Db,
  auth: Auth | null,
  q: {
    level?: UnitRow["level"];
    parent?: string;
    q?: string;
    asOf?: string;
    within?: string;
    for?: Permission;
    limit: number;
    offset: number;
  },
) {
  const a = requirePermission(auth, "unit.read");
  const asOf = q.asOf ?? todayInVietnam();
  const words = q.q ? foldVietnamese(q.q).split(" ").filter(Boolean) : undefined;
  const scope = q.for ? scopeCodes(a, q.for) : null;
  if (scope !== null && scope.length === 0) return { asOf, total: 0, items: [] };
  const { for: _for, ...filter } = q;
  const { rows, total } = await repo.listUnits(db, { ...filter, words, asOf, scope });
  return {
    asOf,
    total,
    items: rows.map((r) => ({
      ...toUnitDto(r, r.child_count),
      parentName: r.parent_name,
      provinceName: r.province_name,
    })),
  };
}

/** Every version of a code, oldest first; 404 when the code names no unit. */
export async function requireUnitVersions(db: Db, code: string): Promise<[UnitRow, ...UnitRow[]]> {
  const versions = await repo.findUnitVersions(db, code);
  if (versions.length === 0) throw errors.notFound("đơn vị / unit", code);
  return versions as [UnitRow, ...UnitRow[]];
}

/** The version of `code` valid on `asOf`, or else its latest version (historic codes stay reachable). */
export async function resolveVersion(
  db: Db,
  code: string,
  asOf: string,
): Promise<{ unit: UnitRow; versions: UnitRow[] }> {
  const versions = await requireUnitVersions(db, code);
  const unit =
    versions.find((v) => isWithin(asOf, v.valid_from, v.valid_to)) ??
    (versions[versions.length - 1] as UnitRow);
  return { unit, versions };
}

/**
 * Checks that `code` names, on `date`, the same unit as its latest version (the one access is decided on):
 * same level and place in the tree. A code reused after a reform names another unit on earlier dates, and a
 * date before the unit existed names none. 404 for an unknown code, 400 otherwise.
 */
export async function requireSameUnitOn(db: Db, code: string, date: string): Promise<void> {
  const versions = await requireUnitVersions(db, code);
  const latest = versions[versions.length - 1] as UnitRow;
  const then = versions.find((v) => isWithin(date, v.valid_from, v.valid_to));
  if (!then || then.level !== latest.level || then.ancestors.join("/") !== latest.ancestors.join("/")) {
    throw errors.badRequest(
      `Ngày ${formatDateVi(date)} ${latest.full_name} chưa có hoặc mã ${code} thuộc đơn vị khác`,
      `On ${date} ${latest.full_name} did not exist or the code ${code} belonged to another unit`,
      { field: "validFrom", code },
    );
  }
}

export async function getUnit(db: Db, auth: Auth | null, code: string, asOfIn?: string) {
  requirePermission(auth, "unit.read");
  const asOf = asOfIn ?? todayInVietnam();
  const { unit, versions } = await resolveVersion(db, code, asOf);
  const at = isWithin(asOf, unit.valid_from, unit.valid_to)
    ? asOf
    : (unit.valid_to ?? unit.valid_from ?? asOf);
  const path = [];
  for (const a of unit.ancestors) {
    const p = await repo.findUnitAt(db, a, at);
    if (p) path.push({ code: p.code, name: p.name, fullName: p.full_name, level: p.level });
  }
  return {
    asOf,
    unit: toUnitDto(unit),
    validAtAsOf: isWithin(asOf, unit.valid_from, unit.valid_to),
    path,
    versions: versions.map((v) => toUnitDto(v)),
  };
}

export type ChildrenResult = { asOf: string; total: number; items: UnitDto[] };

declare module "../../db/kept.ts" {
  interface Kept {
    /** The children of a unit on a date, against the unit revision. */
    unitChildren: RevisionCache<ChildrenResult>;
  }
}

/** The kept children answers: the 5,000 read last. */
export function keepUnitChildren(): Kept["unitChildren"] {
  return new RevisionCache(5000);
}

/** After a write in this process: learn the new revision now rather than wait for its notification. */
export async function refreshRevision(db: Db, watcher?: RevisionWatcher): Promise<void> {
  if (watcher?.current != null) watcher.observe(await repo.unitRevision(db));
}

/** The children answers are kept in `kept` against the unit revision (`watcher`'s, else read each time). */
export async function listChildren(
  db: Db,
  kept: Kept,
  auth: Auth | null,
  code: string,
  asOfIn?: string,
  watcher?: RevisionWatcher,
): Promise<ChildrenResult> {
  requirePermission(auth, "unit.read");
  const asOf = asOfIn ?? todayInVietnam();
  const key = `${code}|${asOf}`;
  const cache = kept.unitChildren;
  const revision = watcher?.current ?? (await repo.unitRevision(db));
  const hit = cache.get(key, revision);
  if (hit) return hit;
  const rows = await repo.listChildren(db, code, asOf);
  if (rows.length === 0) await resolveVersion(db, code, asOf); // 404 for an unknown code
  const result = { asOf, total: rows.length, items: rows.map((r) => toUnitDto(r, r.child_count)) };
  cache.set(key, revision, result);
  return result;
}

// ---- hamlets --------------------------------------------------------------------------------------------

function hamletFullName(type: string, name: string): string {
  const t = type.charAt(0).toLocaleUpperCase("vi") + type.slice(1);
  return /^\d/.test(name) || !name.toLocaleLowerCase("vi").startsWith(type) ? `${t} ${name}` : name;
}

export async function createHamlet(
  db: Db,
  auth: Auth | null,
  communeCode: string,
  input: { name: string; type: string; validFrom?: string },
) {
  const today = todayInVietnam();
  const path = await requireUnitAccess(db, auth, "unit.write", communeCode);
  const name = normalizeName(input.name);
  const validFrom = input.validFrom ?? today;
  return db.transaction().execute(async (trx) => {
    // Only under today's commune: a code can name another, older unit on an earlier date (30037 was
    // Thị trấn Mỹ An before 01/07/2025), and access was checked against today's.
    const commune = await repo.findUnitAt(trx, communeCode, today);
    if (commune?.level !== "commune") {
      throw errors.badRequest(
        "Chỉ thêm thôn, tổ dân phố vào xã, phường, đặc khu đang có hiệu lực",
        "Hamlets can only be added to a commune-level unit in force today",
        { code: communeCode },
      );
    }
    await requireSameUnitOn(trx, communeCode, validFrom);
    await repo.lockUnit(trx, commune.id);
    const dup = await repo.findHamletByNameKey(trx, communeCode, nameMatchKey(name), validFrom);
    if (dup) {
      throw errors.conflict(
        `Đã có ${dup.full_name} (mã ${dup.code}) trong đơn vị này`,
        `${dup.full_name} (${dup.code}) already exists here`,
        {
          existing: dup.code,
        },
      );
    }
    const seq = (await repo.maxHamletSequence(trx, communeCode)) + 1;
    const code = `${communeCode}-${String(seq).padStart(3, "0")}`;
    const fullName = hamletFullName(input.type, name);
    const row = await repo.insertUnit(trx, {
      code,
      name,
      full_name: fullName,
      type: input.type,
      level: "hamlet",
      parent_code: communeCode,
      province_code: commune.province_code,
      ancestors: [...commune.ancestors, commune.code],
      valid_from: validFrom,
      valid_to: null,
      name_key: nameMatchKey(name),
      search_text: searchTextOf(fullName, code),
      source: "user",
    });
    return saved(trx, auth, "hamlet.create", [...path, code], undefined, row);
  });
}

/**
 * Audits a hamlet write and answers with the row. `before` undefined = created. A stale version (no row) is a
 * 409 and nothing is written.
 */
async function saved(
  trx: Db,
  auth: Auth | null,
  action: string,
  scope: string[],
  before: UnitRow | undefined,
  row: UnitRow | undefined,
): Promise<UnitDto> {
  if (!row) throw errors.stale(before?.version ?? 0);
  await appendAudit(trx, {
    actorId: auth?.userId ?? null,
    actorName: auth?.username ?? null,
    action,
    entity: "unit",
    entityId: row.code,
    unitCode: row.code,
    scope,
    before: before ? toUnitDto(before) : null,
    after: toUnitDto(row),
  });
  return toUnitDto(row);
}

async function currentHamlet(db: Db, code: string): Promise<UnitRow> {
  const versions = await repo.findUnitVersions(db, code);
  const open = versions.find((v) => v.valid_to === null) ?? versions[versions.length - 1];
  if (open?.level !== "hamlet") throw errors.notFound("thôn, tổ dân phố / hamlet", code);
  return open;
}

export async function updateHamlet(
  db: Db,
  auth: Auth | null,
  code: string,
  input: { version: number; name?: string; type?: string },
) {
  const path = await requireUnitAccess(db, auth, "unit.write", code);
  const before = await currentHamlet(db, code);
  if (before.valid_to !== null) {
    throw errors.conflict("Đơn vị này đã giải thể", "This hamlet is closed", { validTo: before.valid_to });
  }
  const name = input.name ? normalizeName(input.name) : before.name;
  const type = input.type ?? before.type;
  return db.transaction().execute(async (trx) => {
    if (nameMatchKey(name) !== before.name_key) {
      const dup = await repo.findHamletByNameKey(
        trx,
        before.parent_code ?? "",
        nameMatchKey(name),
        todayInVietnam(),
      );
      if (dup && dup.id !== before.id) {
        throw errors.conflict(
          `Đã có ${dup.full_name} (mã ${dup.code})`,
          `${dup.full_name} (${dup.code}) already exists`,
          {
            existing: dup.code,
          },
        );
      }
    }
    const fullName = hamletFullName(type, name);
    const row = await repo.updateUnitVersioned(trx, before.id, input.version, {
      name,
      type,
      full_name: fullName,
      name_key: nameMatchKey(name),
      search_text: searchTextOf(fullName, code),
    });
    return saved(trx, auth, "hamlet.update", path, before, row);
  });
}

/** Closes a hamlet from a date (never deletes it): it stays in history and in old reports. */
export async function closeHamlet(
  db: Db,
  auth: Auth | null,
  code: string,
  input: { version: number; validTo?: string },
) {
  const path = await requireUnitAccess(db, auth, "unit.write", code);
  const before = await currentHamlet(db, code);
  if (before.valid_to !== null) {
    throw errors.conflict("Đơn vị này đã giải thể", "This hamlet is already closed", {
      validTo: before.valid_to,
    });
  }
  const validTo = input.validTo ?? todayInVietnam();
  if (before.valid_from !== null && validTo < before.valid_from) {
    throw errors.badRequest(
      "Ngày giải thể không được trước ngày thành lập",
      "The closing date cannot be before the founding date",
      { validFrom: before.valid_from },
    );
  }
  return db.transaction().execute(async (trx) => {
    const row = await repo.updateUnitVersioned(trx, before.id, input.version, { valid_to: validTo });
    return saved(trx, auth, "hamlet.close", path, before, row);
  });
}

// Look-ups other features make once they have checked access themselves (no check here).

/** The unit of `code` valid on `asOf`. */
export const unitAt = (db: Db, code: string, asOf: string) => repo.findUnitAt(db, code, asOf);
/** Several units as on `asOf`, by code, in one read. */
export async function unitsAt(db: Db, codes: readonly string[], asOf: string): Promise<Map<string, UnitRow>> {
  return new Map((await repo.findUnitsAt(db, [...new Set(codes)], asOf)).map((u) => [u.code, u]));
}
/** Every version of the unit of `code`, oldest first. */
export const unitVersions = (db: Db, code: string) => repo.findUnitVersions(db, code);

/**
 * A unit's official name as its documents write the place ("Tháp Mười", "Đồng Tháp", NĐ 30/2020 Phụ lục I),
 * as it was on `on` (a unit since merged keeps its old name on its old documents), else its last name.
 */
export async function placeNameOn(db: Db, code: string, on: string): Promise<string> {
  const versions = await unitVersions(db, code);
  const unit = versions.find((v) => isWithin(on, v.valid_from, v.valid_to)) ?? versions.at(-1);
  return unit?.name ?? code;
}
/** The units directly under `parentCode` valid on `asOf`, with their own children counted. */
export const childrenAt = (db: Db, parentCode: string, asOf: string) =>
  repo.listChildren(db, parentCode, asOf);
/** The succession links from the units `ids` (to the units that took them over). */
export const linksFrom = (db: Db, ids: number[]) => repo.linksFrom(db, ids);
/** The units of `ids`, any version. */
export const unitsByIds = (db: Db, ids: number[]) => repo.findUnitsByIds(db, ids);
