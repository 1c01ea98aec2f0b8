/**
 * A registry entry corrected (a number-symbol, issuer, date, excerpt or text typed wrong), with the version read
 * (409 when stale) and what it was and became in the audit log. A document numbered from a body's registry of
 * outgoing documents keeps its number-symbol here: a number taken by mistake is cancelled there instead.
 * @module
 */
import type { Kysely } from "kysely";
import type { Auth } from "../../access/access.ts";
import { appendAudit } from "../../audit/audit-log.repository.ts";
import type { Database } from "../../db/database.ts";
import { searchText, symbolKey } from "../../domain/document-registry.ts";
import { errors } from "../../errors.ts";
import * as repo from "./registry.repository.ts";
import { readSymbol, requireDocument, toDocumentDto } from "./registry.service.ts";

type Db = Kysely<Database>;

export async function correctDocument(
  db: Db,
  auth: Auth | null,
  id: number,
  input: {
    version: number;
    numberSymbol?: string;
    issuerName?: string;
    issuedOn?: string;
    excerpt?: string;
    bodyText?: string;
  },
) {
  const d = await requireDocument(db, auth, id, "document.register");
  const a = auth as Auth;
  const symbol = input.numberSymbol === undefined ? null : readSymbol(input.numberSymbol);
  if (symbol && d.document_number_id !== null && symbol.numberSymbol !== d.number_symbol)
    throw errors.badRequest(
      "Văn bản lấy số trong sổ văn bản đi giữ số, ký hiệu đã cấp; nếu cấp nhầm, hãy hủy số trong sổ",
      "A document numbered from the registry of outgoing documents keeps its number; cancel a wrong one there",
      { field: "numberSymbol" },
    );
  const next = {
    number_symbol: symbol?.numberSymbol ?? d.number_symbol,
    type_code: symbol ? symbol.typeCode : d.type_code,
    issuer_name: input.issuerName ?? d.issuer_name,
    issued_on: input.issuedOn ?? d.issued_on,
    excerpt: input.excerpt ?? d.excerpt,
    body_text: input.bodyText ?? d.body_text,
  };
  return db.transaction().execute(async (trx) => {
    const row = await repo.updateDocumentVersioned(trx, id, input.version, {
      ...next,
      symbol_key: symbolKey(next.number_symbol),
      searchText: searchText({
        numberSymbol: next.number_symbol,
        issuerName: next.issuer_name,
        excerpt: next.excerpt,
        bodyText: next.body_text,
      }),
    });
    if (!row) throw errors.stale(d.version);
    await appendAudit(trx, {
      actorId: a.userId,
      actorName: a.username,
      action: "registry_document.update",
      entity: "registry_document",
      entityId: String(id),
      unitCode: row.unit_code,
      scope: [row.province_code],
      before: toDocumentDto(d),
      after: toDocumentDto(row),
    });
    return toDocumentDto(row);
  });
}
