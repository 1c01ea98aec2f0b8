/** Use cases on bodies (cấp ủy, UBND, MTTQ…): effective-dated, per unit. @module */
import type { Kysely } from "kysely";
import { type Auth, requirePermission, requireRecordAccess, requireUnitAccess } from "../../access/access.ts";
import { appendAudit } from "../../audit/audit-log.repository.ts";
import type { SigningJson } from "../../db/column-types.ts";
import type { BodyRow, Database } from "../../db/database.ts";
import { BODY_KINDS, documentFamilyOf } from "../../domain/body-kinds.ts";
import { todayInVietnam } from "../../domain/dates.ts";
import { checkSigning } from "../../domain/signing-rule.ts";
import { normalizeName } from "../../domain/vn-text.ts";
import { errors } from "../../errors.ts";
import { requireSameUnitOn, requireUnitVersions } from "../units/units.service.ts";
import * as repo from "./bodies.repository.ts";

type Db = Kysely<Database>;

export function toBodyDto(b: BodyRow) {
  return {
    id: b.id,
    unitCode: b.unit_code,
    provinceCode: b.province_code,
    kind: b.kind,
    family: documentFamilyOf(b.kind),
    name: b.name,
    shortName: b.short_name,
    parentBodyId: b.parent_body_id,
    validFrom: b.valid_from,
    validTo: b.valid_to,
    parentLine: b.parent_line,
    usualRecipients: b.usual_recipients,
    signing: b.signing,
    archiveLine: b.archive_line,
    version: b.version,
  };
}

export function listKinds(auth: Auth | null) {
  requirePermission(auth, "unit.read");
  return BODY_KINDS;
}

export async function listBodies(db: Db, auth: Auth | null, unitCode: string, asOf?: string) {
  requirePermission(auth, "unit.read");
  await requireUnitVersions(db, unitCode); // 404 for an unknown code
  const date = asOf ?? todayInVietnam();
  return { asOf: date, items: (await repo.listBodies(db, unitCode, date)).map(toBodyDto) };
}

export async function createBody(
  db: Db,
  auth: Auth | null,
  unitCode: string,
  input: { kind: string; name: string; shortName?: string; parentBodyId?: number; validFrom?: string },
) {
  const path = await requireUnitAccess(db, auth, "body.write", unitCode);
  const validFrom = input.validFrom ?? todayInVietnam();
  await requireSameUnitOn(db, unitCode, validFrom);
  if (input.parentBodyId !== undefined) {
    const parent = await repo.findBody(db, input.parentBodyId);
    if (!parent || parent.unit_code !== unitCode) {
      throw errors.badRequest(
        "Cơ quan cấp trên phải thuộc cùng đơn vị",
        "The parent body must belong to the same unit",
        {
          field: "parentBodyId",
        },
      );
    }
  }
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertBody(trx, {
      unit_code: unitCode,
      province_code: path[0] ?? unitCode,
      kind: input.kind,
      name: normalizeName(input.name),
      short_name: input.shortName ? normalizeName(input.shortName) : null,
      parent_body_id: input.parentBodyId ?? null,
      valid_from: validFrom,
      valid_to: null,
    });
    await appendAudit(trx, {
      actorId: auth?.userId ?? null,
      actorName: auth?.username ?? null,
      action: "body.create",
      entity: "body",
      entityId: String(row.id),
      unitCode,
      scope: path,
      before: null,
      after: toBodyDto(row),
    });
    return toBodyDto(row);
  });
}

async function loadForWrite(
  db: Db,
  auth: Auth | null,
  id: number,
  permission: "body.write" | "document.number" = "body.write",
) {
  requirePermission(auth, permission);
  const found = await repo.findBody(db, id);
  const path = await requireRecordAccess(
    db,
    auth,
    permission,
    id,
    found && { unitCode: found.unit_code, bodyId: id },
  );
  return { before: found as NonNullable<typeof found>, path };
}

/** What a body puts on its own documents (see the body table's columns). */
export interface DocumentSettings {
  parentLine?: string | null;
  usualRecipients?: string[];
  signing?: SigningJson | null;
  archiveLine?: string | null;
}

export async function updateBody(
  db: Db,
  auth: Auth | null,
  id: number,
  input: {
    version: number;
    name?: string;
    shortName?: string | null;
    validTo?: string | null;
  } & DocumentSettings,
) {
  // renaming or closing a body is the unit administrator's; what its documents carry is kept by those who
  // issue them (who take its numbers)
  const structural = input.name !== undefined || input.shortName !== undefined || input.validTo !== undefined;
  const { before, path } = await loadForWrite(db, auth, id, structural ? "body.write" : "document.number");
  if (input.signing) {
    // the signature block the body's documents carry: checked by its family's signing rule
    const r = checkSigning(documentFamilyOf(before.kind), input.signing.authority);
    if (!r.ok) throw errors.badRequest(r.problem.vi, r.problem.en, { field: "signing.authority" });
  }
  if (input.validTo && before.valid_from && input.validTo < before.valid_from) {
    throw errors.badRequest("Ngày kết thúc trước ngày bắt đầu", "The end date is before the start date", {
      field: "validTo",
    });
  }
  return db.transaction().execute(async (trx) => {
    const row = await repo.updateBodyVersioned(trx, id, input.version, {
      ...(input.name !== undefined ? { name: normalizeName(input.name) } : {}),
      ...(input.shortName !== undefined
        ? { short_name: input.shortName ? normalizeName(input.shortName) : null }
        : {}),
      ...(input.validTo !== undefined ? { valid_to: input.validTo } : {}),
      ...(input.parentLine !== undefined ? { parent_line: input.parentLine?.trim() || null } : {}),
      ...(input.usualRecipients !== undefined
        ? { usual_recipients: input.usualRecipients.map((r) => r.trim()).filter((r) => r !== "") }
        : {}),
      ...(input.signing !== undefined ? { signing: input.signing && JSON.stringify(input.signing) } : {}),
      ...(input.archiveLine !== undefined ? { archive_line: input.archiveLine?.trim() || null } : {}),
    });
    if (!row) throw errors.stale(before.version);
    await appendAudit(trx, {
      actorId: auth?.userId ?? null,
      actorName: auth?.username ?? null,
      action: input.validTo ? "body.close" : "body.update",
      entity: "body",
      entityId: String(id),
      unitCode: before.unit_code,
      scope: path,
      before: toBodyDto(before),
      after: toBodyDto(row),
    });
    return toBodyDto(row);
  });
}

/** A body by id, for other features once they have checked access themselves (no check here). */
export const bodyById = (db: Db, id: number) => repo.findBody(db, id);
/**
 * A body by id with its unit's path (the holder's path an access check needs) in one read, for other features
 * to check access on (`requireRowAccess`).
 */
export const bodyWithPath = (db: Db, id: number) => repo.findBodyWithPath(db, id);
/** People's Committees in office whose unit's name holds every folded word (no check: public names). */
export const committeesNamed = (db: Db, words: readonly string[]) => repo.findCommitteesNamed(db, words);
/** Bodies by id in one read, for other features once they check access themselves (no check here). */
export const bodiesByIds = (db: Db, ids: readonly number[]) => repo.findBodies(db, ids);
