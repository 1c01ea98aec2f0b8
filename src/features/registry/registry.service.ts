/**
 * The registry of documents a unit receives and issues: register, search (accent-insensitive),
 * relate (implements, replaces, amends, guides, reports on, requested by) and attach files. Read with
 * `unit.read` on the unit, write with `document.register`. @module
 */

import type { Kysely } from "kysely";
import {
  type Auth,
  isSystemAdmin,
  recordPath,
  requirePermission,
  requireRecordAccess,
  requireUnitAccess,
} from "../../access/access.ts";
import { appendAudit } from "../../audit/audit-log.repository.ts";
import type { Database, RegistryDocumentRow, RelationKind } from "../../db/database.ts";
import { inTransaction } from "../../db/transaction.ts";
import { searchQuery, searchText, symbolKey } from "../../domain/document-registry.ts";
import { BUILT_IN_DOCUMENT_TYPES, STATE_LETTER } from "../../domain/document-types.ts";
import { type KnownTypes, NumberSymbolError, parseNumberSymbol } from "../../domain/number-symbol.ts";
import { errors } from "../../errors.ts";
import { attached } from "../../http/attachment-routes.ts";
import type { Offload } from "../../offload/pool.ts";
import * as repo from "./registry.repository.ts";

type Db = Kysely<Database>;

const KNOWN: KnownTypes = {
  state: new Set(BUILT_IN_DOCUMENT_TYPES.filter((t) => t.family === "state").map((t) => t.code)),
  party: new Set(BUILT_IN_DOCUMENT_TYPES.filter((t) => t.family === "party").map((t) => t.code)),
};

const isProvince = (code: string) => /^\d{2}$/.test(code);

export function toDocumentDto(d: repo.RegistryListRow) {
  return {
    id: d.id,
    unitCode: d.unit_code,
    direction: d.direction,
    typeCode: d.type_code,
    numberSymbol: d.number_symbol,
    issuerName: d.issuer_name,
    issuedOn: d.issued_on,
    excerpt: d.excerpt,
    documentNumberId: d.document_number_id,
    /** withdrawn (recalled, registered by mistake, or its number cancelled): it stays listed, marked */
    withdrawn: d.withdrawn_on ? { on: d.withdrawn_on, reason: d.withdrawn_reason ?? "" } : null,
    version: d.version,
  };
}

/** The document, after checking `permission` on its unit (404 when unknown or not permitted). */
export async function requireDocument(
  db: Db,
  auth: Auth | null,
  id: number,
  permission: "unit.read" | "document.register",
): Promise<RegistryDocumentRow> {
  const d = await repo.findDocument(db, id);
  await requireRecordAccess(db, auth, permission, id, d && { unitCode: d.unit_code });
  return d as RegistryDocumentRow;
}

/** What another record shows of a document it cites. */
export interface CitedDocument {
  id: number;
  numberSymbol: string;
  excerpt: string;
  issuedOn: string;
  issuerName: string;
  /** "Công văn", "Kế hoạch"…: a State công văn has no type code (its name is "Công văn") */
  typeName: string;
}

const cited = (d: RegistryDocumentRow): CitedDocument => ({
  id: d.id,
  numberSymbol: d.number_symbol,
  excerpt: d.excerpt,
  issuedOn: d.issued_on,
  issuerName: d.issuer_name,
  typeName: d.type_code
    ? (BUILT_IN_DOCUMENT_TYPES.find((t) => t.code === d.type_code)?.nameVi ?? d.type_code)
    : STATE_LETTER.nameVi,
});

/**
 * A document a request body cites (a plan's basis, a milestone's evidence): it must be one the user may
 * read. A missing document and another unit's are refused alike at the field, so the answer never tells
 * which ids exist.
 */
export async function requireCitableDocument(
  db: Db,
  auth: Auth | null,
  id: number,
  field: string,
): Promise<CitedDocument> {
  const d = await repo.findDocument(db, id);
  if (!d || !(await recordPath(db, auth, "unit.read", { unitCode: d.unit_code }))) {
    throw errors.badRequest(
      "Không tìm thấy văn bản này trong sổ văn bản bạn được xem",
      "No such document in the registries you may read",
      { field },
    );
  }
  return cited(d);
}

/** The number, excerpt and date of a document a record cites (checked when it was cited). */
export async function citedDocumentOf(db: Db, id: number): Promise<CitedDocument | null> {
  const d = await repo.findDocument(db, id);
  return d ? cited(d) : null;
}

/** Audits a new entry and returns it. */
async function created(db: Db, a: Auth, row: RegistryDocumentRow) {
  await appendAudit(db, {
    actorId: a.userId,
    actorName: a.username,
    action: "registry_document.create",
    entity: "registry_document",
    entityId: String(row.id),
    unitCode: row.unit_code,
    scope: [row.province_code],
    before: null,
    after: toDocumentDto(row),
  });
  return toDocumentDto(row);
}

/** The row of a new registry entry: its number-symbol's search key and its searchable text made here. */
function newDocument(d: {
  unitCode: string;
  provinceCode: string;
  direction: "incoming" | "outgoing";
  typeCode: string | null;
  numberSymbol: string;
  issuerName: string;
  issuedOn: string;
  excerpt: string;
  bodyText: string;
  numberId: number | null;
  createdBy: number;
}): repo.NewDocument {
  return {
    unit_code: d.unitCode,
    province_code: d.provinceCode,
    direction: d.direction,
    type_code: d.typeCode,
    number_symbol: d.numberSymbol,
    symbol_key: symbolKey(d.numberSymbol),
    issuer_name: d.issuerName,
    issued_on: d.issuedOn,
    excerpt: d.excerpt,
    body_text: d.bodyText,
    document_number_id: d.numberId,
    created_by: d.createdBy,
    searchText: searchText(d),
  };
}

/** A number-symbol as typed ("Số: 53-KH/HU"): read as one (400 on `numberSymbol` otherwise), with its type. */
export function readSymbol(typed: string): { typeCode: string | null; numberSymbol: string } {
  let typeCode: string | null = null;
  if (typed.trim()) {
    try {
      typeCode = parseNumberSymbol(typed, KNOWN).typeCode;
    } catch (e) {
      if (e instanceof NumberSymbolError)
        throw errors.badRequest(e.messageVi, e.message, { field: "numberSymbol" });
      throw e;
    }
  }
  return { typeCode, numberSymbol: typed.trim().replace(/^s[ốo]\s*:?\s*/i, "") };
}

export interface RegisterInput {
  unitCode: string;
  direction: "incoming" | "outgoing";
  numberSymbol: string;
  issuerName: string;
  issuedOn: string;
  excerpt: string;
  bodyText?: string;
}

/** Registers a document in a unit's registry; its number-symbol, when given, must read as one. */
export async function registerDocument(db: Db, auth: Auth | null, input: RegisterInput) {
  const path = await requireUnitAccess(db, auth, "document.register", input.unitCode);
  const a = auth as Auth;
  const { typeCode, numberSymbol } = readSymbol(input.numberSymbol);
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertDocument(
      trx,
      newDocument({
        ...input,
        provinceCode: path[0] ?? input.unitCode, // the path runs from the province down
        typeCode,
        numberSymbol,
        bodyText: input.bodyText ?? "",
        numberId: null,
        createdBy: a.userId,
      }),
    );
    return created(trx, a, row);
  });
}

export interface IssuedInput {
  unitCode: string;
  provinceCode: string;
  numberId: number;
  numberSymbol: string;
  /** null: a State công văn */
  typeCode: string | null;
  issuerName: string;
  issuedOn: string;
  excerpt: string;
  bodyText: string;
  /** the công văn that asked for it: related as "requested by" when the unit's registry holds it */
  requestedBy?: string | null;
  /** that công văn's entry, when the request cites it from a registry (of any unit): related directly */
  requestedById?: number | null;
}

/**
 * Enters a document issued under a number of the numbering registry in its unit's registry as outgoing — once
 * per number: a second rendering of the same numbered document leaves the entry as it is. Done by the system
 * for whoever took the number (`document.number`); no `document.register` needed. Returns the entry.
 */
export async function recordIssued(db: Db, auth: Auth, input: IssuedInput) {
  const found = await repo.findByNumber(db, input.numberId);
  if (found) return toDocumentDto(found);
  return inTransaction(db, async (trx) => {
    const row = await repo.insertNumberedDocument(
      trx,
      newDocument({ ...input, direction: "outgoing", createdBy: auth.userId }),
    );
    // entered meanwhile by a concurrent rendering of the same number
    if (!row) return toDocumentDto((await repo.findByNumber(trx, input.numberId)) as RegistryDocumentRow);
    const asked = input.requestedBy?.trim() ? symbolKey(input.requestedBy) : "";
    const cited = input.requestedById
      ? [{ id: input.requestedById }]
      : asked
        ? await repo.findBySymbol(trx, input.unitCode, asked, 2)
        : [];
    // only an unambiguous match is related
    if (cited.length === 1 && cited[0]) {
      await repo.insertRelation(trx, {
        fromId: row.id,
        toId: cited[0].id,
        kind: "requested_by",
        provinceCode: row.province_code,
      });
    }
    return created(trx, auth, row);
  });
}

/**
 * Search a registry: a unit's own, a whole province's (a province code), or — for system admins — every
 * registry (no unit). Without words, the newest documents.
 */
export async function searchRegistry(
  db: Db,
  auth: Auth | null,
  q: { unit?: string; q?: string; direction?: "incoming" | "outgoing"; type?: string; limit?: number },
) {
  const a = requirePermission(auth, "unit.read");
  if (q.unit) await requireUnitAccess(db, a, "unit.read", q.unit);
  else if (!isSystemAdmin(a)) {
    throw errors.badRequest("Chọn đơn vị để tra cứu sổ văn bản", "Pick a unit whose registry to search", {
      field: "unit",
    });
  }
  const scope = !q.unit ? {} : isProvince(q.unit) ? { provinceCode: q.unit } : { unitCode: q.unit };
  // a number-symbol is looked up exactly; anything else is searched word by word
  const isSymbol = (text: string) => {
    try {
      parseNumberSymbol(text, KNOWN);
      return /\d/.test(text);
    } catch {
      return false;
    }
  };
  const words = q.q?.trim() ?? "";
  const filter = { direction: q.direction, typeCode: q.type };
  let rows =
    words && isSymbol(words)
      ? await repo.searchDocuments(
          db,
          scope,
          { ...filter, tsquery: null, symbolKey: symbolKey(words) },
          q.limit ?? 50,
        )
      : [];
  if (rows.length === 0) {
    rows = await repo.searchDocuments(
      db,
      scope,
      { ...filter, tsquery: words ? searchQuery(words) : null },
      q.limit ?? 50,
    );
  }
  return { items: rows.map(toDocumentDto) };
}

export async function getDocument(db: Db, auth: Auth | null, id: number) {
  const d = await requireDocument(db, auth, id, "unit.read");
  const [relations, attachments] = await Promise.all([repo.relationsOf(db, id), repo.attachmentsOf(db, id)]);
  const rel = (r: (typeof relations.out)[number]) => ({
    kind: r.kind,
    id: r.id,
    unitCode: r.unit_code,
    numberSymbol: r.number_symbol,
    issuerName: r.issuer_name,
    issuedOn: r.issued_on,
    excerpt: r.excerpt,
  });
  return {
    ...toDocumentDto(d),
    bodyText: d.body_text,
    relations: relations.out.map(rel),
    relatedBy: relations.inward.map(rel),
    attachments: attachments.map((x) => ({
      id: x.id,
      filename: x.filename,
      contentType: x.content_type,
      size: x.size,
      sha256: x.sha256,
    })),
  };
}

/** Relates two documents ("53-KH/HU implements 01-NQ/TU"); the other document must be readable. */
export async function relate(
  db: Db,
  auth: Auth | null,
  fromId: number,
  input: { toId: number; kind: RelationKind },
) {
  const from = await requireDocument(db, auth, fromId, "document.register");
  const to = await requireDocument(db, auth, input.toId, "unit.read");
  if (from.id === to.id) {
    throw errors.badRequest(
      "Văn bản không thể liên quan đến chính nó",
      "A document cannot relate to itself",
      {
        field: "toId",
      },
    );
  }
  const a = auth as Auth;
  await db.transaction().execute(async (trx) => {
    const added = await repo.insertRelation(trx, {
      fromId,
      toId: to.id,
      kind: input.kind,
      provinceCode: from.province_code,
    });
    if (!added) throw errors.conflict("Quan hệ này đã có", "This relation exists already");
    await appendAudit(trx, {
      actorId: a.userId,
      actorName: a.username,
      action: "registry_relation.create",
      entity: "registry_document",
      entityId: String(fromId),
      unitCode: from.unit_code,
      scope: [from.province_code],
      before: null,
      after: { kind: input.kind, toId: to.id, toNumberSymbol: to.number_symbol },
    });
  });
  return getDocument(db, auth, fromId);
}

export async function attach(
  db: Db,
  auth: Auth | null,
  documentId: number,
  filename: string,
  content: Buffer,
  offload: Offload,
) {
  const d = await requireDocument(db, auth, documentId, "document.register");
  const a = auth as Auth;
  const file = await offload.acceptAttachment(filename, content);
  const row = await db.transaction().execute(async (trx) => {
    const x = await repo.insertAttachment(trx, {
      documentId,
      provinceCode: d.province_code,
      filename: file.filename,
      contentType: file.contentType,
      sha256: file.sha256,
      content,
      createdBy: a.userId,
    });
    await appendAudit(trx, {
      actorId: a.userId,
      actorName: a.username,
      action: "registry_attachment.create",
      entity: "registry_document",
      entityId: String(documentId),
      unitCode: d.unit_code,
      scope: [d.province_code],
      before: null,
      after: {
        attachmentId: x.id,
        filename: x.filename,
        contentType: x.content_type,
        size: x.size,
        sha256: x.sha256,
      },
    });
    return x;
  });
  return attached(row);
}

export async function readAttachment(db: Db, auth: Auth | null, id: number) {
  const x = await repo.findAttachment(db, id);
  if (!x) {
    requirePermission(auth, "unit.read");
    throw errors.notFoundOrForbidden(String(id));
  }
  await requireDocument(db, auth, x.document_id, "unit.read");
  return x;
}

/** The registry entry of a document numbered in a body's registry of outgoing documents, if it was entered. */
export async function registryIdOfNumber(db: Db, numberId: number): Promise<number | null> {
  return (await repo.findByNumber(db, numberId))?.id ?? null;
}
