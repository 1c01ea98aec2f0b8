/**
 * A unit's evidence files for the criteria it scores itself on ("tài liệu kiểm chứng"): PDF, Word, Excel, PNG or
 * JPEG, checked by their content like every attachment; added or taken away by the unit while its
 * self-assessment is open, read by whoever may read the evaluation (the unit, the province that appraises it).
 * A file kept for a criterion is its evidence, as a line of text is.
 * @module
 */
import { type Auth, requirePermission } from "../../access/access.ts";
import { appendAudit } from "../../audit/audit-log.repository.ts";
import type { Db, EvaluationRow } from "../../db/database.ts";
import { leaves } from "../../domain/evaluation.ts";
import { errors } from "../../errors.ts";
import { attached } from "../../http/attachment-routes.ts";
import type { Offload } from "../../offload/pool.ts";
import * as repo from "./evaluations.repository.ts";
import { requireEvaluation, requireSelfOpen } from "./evaluations.service.ts";

function auditFile(
  db: Db,
  a: Auth,
  e: EvaluationRow,
  action: "evaluation_attachment.create" | "evaluation_attachment.delete",
  file: { id: number; item_code: string; filename: string; content_type: string; size: number },
) {
  const shown = {
    attachmentId: file.id,
    itemCode: file.item_code,
    filename: file.filename,
    contentType: file.content_type,
    size: file.size,
  };
  return appendAudit(db, {
    actorId: a.userId,
    actorName: a.username,
    action,
    entity: "evaluation",
    entityId: String(e.id),
    unitCode: e.unit_code,
    scope: e.unit_path,
    before: action === "evaluation_attachment.delete" ? shown : null,
    after: action === "evaluation_attachment.create" ? shown : null,
  });
}

export async function attach(
  db: Db,
  auth: Auth | null,
  id: number,
  filename: string,
  content: Buffer,
  offload: Offload,
  item?: string,
) {
  const { a, e, s } = await requireSelfOpen(db, auth, id, "item");
  const leaf = leaves(s.scheme.items).find((l) => l.code === item);
  const itemCode = leaf?.scoredBy === "unit" ? leaf.code : null;
  if (itemCode === null) {
    throw errors.badRequest(
      `Không có tiêu chí ${item ?? ""} do đơn vị tự chấm`,
      `No item ${item ?? ""} the unit scores itself`,
      { field: "item" },
    );
  }
  const file = await offload.acceptAttachment(filename, content);
  const row = await db.transaction().execute(async (trx) => {
    const x = await repo.insertAttachment(trx, {
      evaluationId: id,
      itemCode,
      provinceCode: e.province_code,
      filename: file.filename,
      contentType: file.contentType,
      sha256: file.sha256,
      content,
      createdBy: a.userId,
    });
    await auditFile(trx, a, e, "evaluation_attachment.create", x);
    return x;
  });
  return attached(row);
}

async function requireFile(db: Db, auth: Auth | null, attachmentId: number) {
  const x = await repo.findAttachment(db, attachmentId);
  if (!x) {
    requirePermission(auth, "unit.read");
    throw errors.notFoundOrForbidden(String(attachmentId));
  }
  return x;
}

export async function readAttachment(db: Db, auth: Auth | null, attachmentId: number) {
  const x = await requireFile(db, auth, attachmentId);
  await requireEvaluation(db, auth, x.evaluation_id);
  return x;
}

/** Takes a file away while the self-assessment is open (once sent, its evidence stays as it was sent). */
export async function removeAttachment(db: Db, auth: Auth | null, attachmentId: number) {
  const x = await requireFile(db, auth, attachmentId);
  const { a, e } = await requireSelfOpen(db, auth, x.evaluation_id, "id");
  await db.transaction().execute(async (trx) => {
    await repo.deleteAttachment(trx, x.id);
    await auditFile(trx, a, e, "evaluation_attachment.delete", x);
  });
  return { deleted: x.id };
}
