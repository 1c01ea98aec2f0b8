/**
 * A registry entry corrected (a number-symbol, issuer, date, excerpt or text typed wrong), with the version read
 * (409 when stale) and what it was and became in the audit log. A document numbered from a body's registry of
 * outgoing documents keeps its number-symbol here: a number taken by mistake is cancelled there instead, and its
 * entry is then withdrawn with it.
 *
 * An entry is never deleted: a document recalled by its issuer (NĐ 30/2020 Art. 16(3), thu hồi văn bản) or
 * registered by mistake is withdrawn, with the day and the reason, and stays listed, marked; it can be restored.
 * @module
 */
import type { Kysely } from "kysely";
import type { Auth } from "../../access/access.ts";
import { appendAudit } from "../../audit/audit-log.repository.ts";
import type { Database, RegistryDocumentRow } from "../../db/database.ts";
import { todayInVietnam } from "../../domain/dates.ts";
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
    /** withdraw the entry (with its reason) or restore it */
    withdrawn?: boolean;
    withdrawnReason?: string;
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
  const withdrawal = await withdrawalOf(db, d, a, input);
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
      ...withdrawal,
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
      action:
        withdrawal.withdrawn_on === undefined
          ? "registry_document.update"
          : withdrawal.withdrawn_on
            ? "registry_document.withdraw"
            : "registry_document.restore",
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

/** The withdrawal asked for, if it changes anything: a reason to withdraw; no restoring a cancelled number's entry. */
async function withdrawalOf(
  db: Db,
  d: RegistryDocumentRow,
  a: Auth,
  input: { withdrawn?: boolean; withdrawnReason?: string },
) {
  if (input.withdrawn === undefined || input.withdrawn === (d.withdrawn_on !== null)) return {};
  if (!input.withdrawn) {
    if (d.document_number_id !== null && (await repo.isNumberCancelled(db, d.document_number_id)))
      throw errors.badRequest(
        "Số của văn bản này đã bị hủy trong sổ văn bản đi: không khôi phục được",
        "This document's number was cancelled in the registry of outgoing documents: it cannot be restored",
        { field: "withdrawn" },
      );
    return { withdrawn_on: null, withdrawn_reason: null, withdrawn_by: null };
  }
  const reason = input.withdrawnReason?.trim() ?? "";
  if (!reason)
    throw errors.badRequest(
      "Hãy nêu lý do thu hồi hoặc hủy đăng ký văn bản",
      "Give the reason for withdrawing the entry",
      { field: "withdrawnReason" },
    );
  return { withdrawn_on: todayInVietnam(), withdrawn_reason: reason, withdrawn_by: a.userId };
}

/**
 * Withdraws the entry of a number cancelled in the registry of outgoing documents, in the caller's transaction,
 * with the cancellation's reason; audited. Nothing when the number has no entry, or its entry is withdrawn.
 */
export async function withdrawNumbered(db: Db, a: Auth, numberId: number, reason: string) {
  const before = await repo.findByNumber(db, numberId);
  if (!before || before.withdrawn_on !== null) return;
  const row = await repo.withdrawByNumber(db, numberId, {
    withdrawn_on: todayInVietnam(),
    withdrawn_reason: reason,
    withdrawn_by: a.userId,
  });
  if (!row) return;
  await appendAudit(db, {
    actorId: a.userId,
    actorName: a.username,
    action: "registry_document.withdraw",
    entity: "registry_document",
    entityId: String(row.id),
    unitCode: row.unit_code,
    scope: [row.province_code],
    before: toDocumentDto(before),
    after: toDocumentDto(row),
  });
}
