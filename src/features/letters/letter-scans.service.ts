/**
 * Scans of a letter as its writer handed it in, their handwriting and signature: sealed like the writer's
 * identity (Luật Tố cáo 2018 Art. 9), AES-256-GCM under the key outside the database, bound to the letter; no
 * file name is kept, since a name can name the writer. Those who handle the letter add them; they are read under
 * the rule of the writer's identity (a denunciation's by a user granted `letter.identity` on its body only,
 * another letter's by those who handle it), and every read is written to the audit log. A scan is a PDF, PNG
 * or JPEG (what a scanner or a phone makes), recognised by its content and checked whole off the request thread.
 * @module
 */
import { type Auth, coversPath, requirePermission } from "../../access/access.ts";
import { appendAudit } from "../../audit/audit-log.repository.ts";
import type { Db } from "../../db/database.ts";
import { extensionOf, kindByContent } from "../../domain/document-registry.ts";
import { errors } from "../../errors.ts";
import type { Offload } from "../../offload/pool.ts";
import type { Sealer } from "../../secrets/sealer.ts";
import * as repo from "./letter-sealed.repository.ts";
import { readableLetter } from "./letters.service.ts";

/** The scans a letter may hold: a letter of a few pages, each scanned apart, and a margin. */
export const MAX_SCANS_PER_LETTER = 20;

/** What a scanner or a phone makes. */
const SCAN_KINDS = ["pdf", "png", "jpg"] as const;

const bound = (letterId: number) => `letter_scan:${letterId}`;

export const scanDto = (x: {
  id: number;
  content_type: string;
  size: number;
  created_at: Date | string;
}) => ({
  id: x.id,
  contentType: x.content_type,
  size: x.size,
  createdAt: new Date(x.created_at).toISOString(),
});

/** A letter's scans as its page lists them: their kind and size, never what they hold. */
export async function scansOf(db: Db, letterId: number) {
  return (await repo.scansOf(db, letterId)).map(scanDto);
}

export async function addScan(
  db: Db,
  sealer: Sealer,
  auth: Auth | null,
  letterId: number,
  content: Buffer,
  offload: Offload,
) {
  const { l, a } = await readableLetter(db, auth, letterId, "letter.handle");
  const kind = kindByContent(content, SCAN_KINDS);
  if (!kind)
    throw errors.badRequest(
      "Bản chụp đơn là tệp PDF, PNG hoặc JPEG",
      "A scan of a letter is a PDF, PNG or JPEG file",
      { field: "file" },
    );
  if ((await repo.scansOf(db, letterId)).length >= MAX_SCANS_PER_LETTER)
    throw errors.badRequest(
      `Mỗi đơn giữ tối đa ${MAX_SCANS_PER_LETTER} bản chụp`,
      `A letter holds at most ${MAX_SCANS_PER_LETTER} scans`,
      { field: "file" },
    );
  // the whole file is checked on a worker thread before anything is kept
  const file = await offload.acceptAttachment(`ban-chup.${kind}`, content);
  const { keyId, sealed } = sealer.sealBytes(content, bound(letterId));
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertScan(trx, {
      letter_id: letterId,
      province_code: l.province_code,
      content_type: file.contentType,
      size: content.length,
      key_id: keyId,
      sealed,
      created_by: a.userId,
    });
    await appendAudit(trx, {
      actorId: a.userId,
      actorName: a.username,
      action: "letter_scan.create",
      entity: "letter",
      entityId: String(letterId),
      unitCode: l.unit_code,
      scope: l.unit_path,
      before: null,
      after: { code: l.code, scanId: row.id, contentType: row.content_type, size: row.size },
    });
    return scanDto(row);
  });
}

/** A scan opened for whom the law lets see the writer; the read is written to the audit log. */
export async function readScan(db: Db, sealer: Sealer, auth: Auth | null, scanId: number) {
  const x = await repo.findScan(db, scanId);
  if (!x) {
    requirePermission(auth, "unit.read");
    throw errors.notFoundOrForbidden(String(scanId));
  }
  const { l, a } = await readableLetter(db, auth, x.letter_id, "unit.read");
  const permission = l.kind === "denunciation" ? "letter.identity" : "letter.handle";
  if (!coversPath(a, permission, l.unit_path, l.body_id)) throw errors.forbidden();
  const content = sealer.openBytes(x.key_id, x.sealed, bound(x.letter_id));
  await appendAudit(db, {
    actorId: a.userId,
    actorName: a.username,
    action: "letter_scan.read",
    entity: "letter",
    entityId: String(l.id),
    unitCode: l.unit_code,
    scope: l.unit_path,
    before: null,
    after: { code: l.code, kind: l.kind, scanId: x.id },
  });
  const ext = extensionOf(x.content_type) ?? "pdf";
  return { content, content_type: x.content_type, filename: `ban-chup-don-${l.code}-${x.id}.${ext}` };
}
