/**
 * Official documents, the numbering registry: document types, Party committee terms, and numbers
 * handed out per issuing body × series × scope (src/domain/numbering.ts) — atomically, without gaps, never
 * reused; a cancelled number stays recorded as cancelled. @module
 */
import type { Kysely } from "kysely";
import { type Auth, recordPath, requirePermission, requireRecordAccess } from "../../access/access.ts";
import { appendAudit } from "../../audit/audit-log.repository.ts";
import type { BodyRow, Database, DocumentNumberRow } from "../../db/database.ts";
import { inTransaction } from "../../db/transaction.ts";
import { documentFamilyOf } from "../../domain/body-kinds.ts";
import { formatDateVi, todayInVietnam } from "../../domain/dates.ts";
import { BUILT_IN_DOCUMENT_TYPES, numberingFamilyOf } from "../../domain/document-types.ts";
import { formatNumberSymbol, type NumberSymbol, numberLine } from "../../domain/number-symbol.ts";
import { NumberingError, type StateSequence, sequenceOf } from "../../domain/numbering.ts";
import { errors } from "../../errors.ts";
import { bodyById } from "../bodies/bodies.service.ts";
import { registryIdOfNumber } from "../registry/registry.service.ts";
import { withdrawNumbered } from "../registry/registry-edits.service.ts";
import * as repo from "./documents.repository.ts";

type Db = Kysely<Database>;

export async function ensureBuiltInDocumentTypes(db: Db): Promise<number> {
  return repo.insertMissingTypes(db, BUILT_IN_DOCUMENT_TYPES);
}

export async function listTypes(db: Db, auth: Auth | null) {
  requirePermission(auth, "unit.read");
  return {
    items: (await repo.listTypes(db)).map((t) => ({
      family: t.family,
      code: t.code,
      nameVi: t.name_vi,
      nameEn: t.name_en,
      normative: t.normative,
      builtIn: t.built_in,
    })),
  };
}

/** The body, after checking `permission` on it (404 when unknown or not permitted). */
async function requireBody(
  db: Db,
  auth: Auth | null,
  id: number,
  permission: "unit.read" | "body.write" | "document.number",
) {
  const body = await bodyById(db, id);
  await requireRecordAccess(
    db,
    auth,
    permission,
    id,
    body && { unitCode: body.unit_code, bodyId: permission === "document.number" ? body.id : undefined },
  );
  return body as NonNullable<typeof body>;
}

const termDto = (t: { id: number; name: string; starts_on: string; ends_on: string | null }) => ({
  id: t.id,
  name: t.name,
  startsOn: t.starts_on,
  endsOn: t.ends_on,
});

export async function listTerms(db: Db, auth: Auth | null, bodyId: number) {
  await requireBody(db, auth, bodyId, "unit.read");
  return { items: (await repo.listTerms(db, bodyId)).map(termDto) };
}

/** A Party body's committee term (nhiệm kỳ, e.g. "khóa XI, 2025–2030"); terms of one body never overlap. */
export async function addTerm(
  db: Db,
  auth: Auth | null,
  bodyId: number,
  input: { name: string; startsOn: string; endsOn: string | null },
) {
  const body = await requireBody(db, auth, bodyId, "body.write");
  const a = auth as Auth;
  if (documentFamilyOf(body.kind) !== "party") {
    throw errors.badRequest(
      "Chỉ cơ quan của Đảng mới đánh số văn bản theo nhiệm kỳ",
      "Only Party bodies number their documents per term",
      { field: "bodyId" },
    );
  }
  if (input.endsOn !== null && input.endsOn < input.startsOn) {
    throw errors.badRequest("Ngày kết thúc nhiệm kỳ trước ngày bắt đầu", "The term ends before it starts", {
      field: "endsOn",
    });
  }
  return db.transaction().execute(async (trx) => {
    const existing = await repo.listTerms(trx, bodyId);
    const overlap = existing.find(
      (t) =>
        (t.ends_on === null || input.startsOn <= t.ends_on) &&
        (input.endsOn === null || t.starts_on <= input.endsOn),
    );
    if (overlap) {
      throw errors.conflict(
        `Nhiệm kỳ trùng với nhiệm kỳ "${overlap.name}"`,
        `The term overlaps the term "${overlap.name}"`,
        { field: "startsOn" },
      );
    }
    const row = await repo.insertTerm(trx, { bodyId, ...input });
    await appendAudit(trx, {
      actorId: a.userId,
      actorName: a.username,
      action: "party_term.create",
      entity: "party_term",
      entityId: String(row.id),
      unitCode: body.unit_code,
      scope: [body.province_code],
      before: null,
      after: termDto(row),
    });
    return termDto(row);
  });
}

export function toNumberDto(row: DocumentNumberRow, body: Pick<BodyRow, "name">) {
  return {
    id: row.id,
    issuerBodyId: row.issuer_body_id,
    issuerName: body.name,
    family: row.family,
    typeCode: row.type_code,
    number: row.number,
    symbol: row.symbol,
    line: numberLine(row.family, row.symbol),
    issuedOn: row.issued_on,
    title: row.title,
    status: row.status,
    scope: row.scope,
    cancelReason: row.cancel_reason,
    allocatedAt: row.allocated_at.toISOString(),
  };
}

export interface AllocateInput {
  issuerBodyId: number;
  /** null: a State công văn (no type code) */
  typeCode: string | null;
  /** a State công văn's drafting unit (NV in 505/UBND-NV) */
  draftingUnit?: string | null;
  issuedOn?: string;
  congress?: boolean;
  title: string;
}

/** Takes the next number of the body's sequence for this document and records it in the registry. */
export async function allocateNumber(
  db: Db,
  auth: Auth | null,
  input: AllocateInput,
  stateSequence: StateSequence,
) {
  const body = await requireBody(db, auth, input.issuerBodyId, "document.number");
  const a = auth as Auth;
  const family = numberingFamilyOf(documentFamilyOf(body.kind));
  const issuer = body.short_name;
  if (!issuer) {
    throw errors.badRequest(
      `Cơ quan "${body.name}" chưa có chữ viết tắt tên (ký hiệu), cần để ghi số, ký hiệu văn bản`,
      `"${body.name}" has no abbreviation, which the number-symbol needs`,
      { field: "issuerBodyId" },
    );
  }
  const date = input.issuedOn ?? todayInVietnam();
  // a body that has ended numbers nothing after (a body merged in the 2025 reform numbers none of today); its
  // start is not checked: a body entered here later keeps numbering documents of its past
  if (body.valid_to !== null && date > body.valid_to) {
    throw errors.badRequest(
      `${body.name} đã kết thúc hoạt động, không hoạt động vào ngày ${formatDateVi(date)}: không thể cấp số văn bản ngày đó`,
      `${body.name} did not exist on ${date}: it cannot number a document of that day`,
      { field: "issuedOn" },
    );
  }
  let normative = false;
  if (input.typeCode === null) {
    if (family === "party") {
      throw errors.badRequest("Công văn của Đảng có tên loại CV", "Party letters take the type CV", {
        field: "typeCode",
      });
    }
    if (!input.draftingUnit) {
      throw errors.badRequest(
        "Công văn cần chữ viết tắt tên đơn vị soạn thảo (ví dụ NV trong 505/UBND-NV)",
        "A letter needs its drafting unit's abbreviation (NV in 505/UBND-NV)",
        { field: "draftingUnit" },
      );
    }
  } else {
    const type = (await repo.listTypes(db)).find((t) => t.family === family && t.code === input.typeCode);
    if (!type) {
      throw errors.badRequest(
        `Không có loại văn bản "${input.typeCode}" cho cơ quan ${family === "party" ? "của Đảng" : "Nhà nước"}`,
        `No ${family} document type "${input.typeCode}"`,
        { field: "typeCode" },
      );
    }
    normative = type.normative;
  }
  const terms = family === "party" ? await repo.listTerms(db, body.id) : [];
  let seq: ReturnType<typeof sequenceOf>;
  try {
    seq = sequenceOf({
      family,
      typeCode: input.typeCode,
      normative,
      date,
      congress: input.congress ?? false,
      terms: terms.map((t) => ({ id: t.id, name: t.name, startsOn: t.starts_on, endsOn: t.ends_on })),
      stateSequence,
    });
  } catch (e) {
    if (e instanceof NumberingError) throw errors.badRequest(e.messageVi, e.message, { field: "issuedOn" });
    throw e;
  }
  return inTransaction(db, async (trx) => {
    const number = await repo.nextNumber(trx, {
      issuerBodyId: body.id,
      series: seq.series,
      scope: seq.scope,
    });
    const symbol: NumberSymbol =
      family === "party"
        ? { family, number, typeCode: input.typeCode as string, issuer }
        : {
            family,
            number,
            year: normative ? Number(date.slice(0, 4)) : null,
            typeCode: input.typeCode,
            issuer,
            unit: input.typeCode === null ? (input.draftingUnit as string) : null,
          };
    const row = await repo.insertNumber(trx, {
      issuer_body_id: body.id,
      province_code: body.province_code,
      family,
      type_code: input.typeCode,
      series: seq.series,
      scope: seq.scope,
      number,
      symbol: formatNumberSymbol(symbol),
      issued_on: date,
      title: input.title,
      allocated_by: a.userId,
    });
    const dto = { ...toNumberDto(row, body), termName: seq.termName };
    await appendAudit(trx, {
      actorId: a.userId,
      actorName: a.username,
      action: "document_number.allocate",
      entity: "document_number",
      entityId: String(row.id),
      unitCode: body.unit_code,
      scope: [body.province_code],
      before: null,
      after: dto,
    });
    return dto;
  });
}

export async function listNumbers(db: Db, auth: Auth | null, bodyId: number, year: number | null) {
  const body = await requireBody(db, auth, bodyId, "unit.read");
  return { items: (await repo.listNumbers(db, bodyId, year, 1000)).map((r) => toNumberDto(r, body)) };
}

/**
 * Cancels a number: it stays in the registry, marked cancelled with the reason, and is never handed out again;
 * the document entered under it is withdrawn with it (it stays listed, marked).
 */
export async function cancelNumber(db: Db, auth: Auth | null, id: number, reason: string) {
  const row = await repo.findNumber(db, id);
  if (!row) {
    requirePermission(auth, "document.number");
    throw errors.notFoundOrForbidden(String(id));
  }
  const body = await requireBody(db, auth, row.issuer_body_id, "document.number");
  const a = auth as Auth;
  return db.transaction().execute(async (trx) => {
    const after = await repo.cancelNumber(trx, id, a.userId, reason);
    if (!after) {
      throw errors.conflict(
        `Số ${row.symbol} đã bị hủy trước đó`,
        `Number ${row.symbol} is cancelled already`,
      );
    }
    await appendAudit(trx, {
      actorId: a.userId,
      actorName: a.username,
      action: "document_number.cancel",
      entity: "document_number",
      entityId: String(id),
      unitCode: body.unit_code,
      scope: [body.province_code],
      before: toNumberDto(row, body),
      after: toNumberDto(after, body),
    });
    await withdrawNumbered(trx, a, id, `Hủy số ${row.symbol}: ${reason.trim()}`);
    return toNumberDto(after, body);
  });
}

/** A document number by id, for other features once they have checked access themselves (no check here). */
export const numberById = (db: Db, id: number) => repo.findNumber(db, id);

/**
 * A number of `bodyId`'s registry, still standing (not cancelled), that the user may read, with its entry in the
 * registry of documents when it has one; null otherwise (unknown, another body's, cancelled, not readable).
 */
export async function findNumberOfBody(
  db: Kysely<Database>,
  auth: Auth | null,
  numberId: number,
  bodyId: number,
) {
  const row = await repo.findNumber(db, numberId);
  if (!row || row.issuer_body_id !== bodyId || row.status !== "allocated") return null;
  const body = await bodyById(db, bodyId);
  if (!body || !(await recordPath(db, auth, "unit.read", { unitCode: body.unit_code, bodyId }))) return null;
  return {
    id: row.id,
    symbol: row.symbol,
    issuedOn: row.issued_on,
    registryDocumentId: await registryIdOfNumber(db, row.id),
  };
}
