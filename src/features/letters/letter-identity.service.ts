/**
 * Who wrote a letter, for those the law lets see it. A denouncer's identity (name, address, contacts, ID number,
 * handwriting) is protected (Luật Tố cáo 2018 Art. 9): only a user granted `letter.identity` on the letter's
 * body reads it, never a system administrator by that title, and every read is written to the audit log (who,
 * when, which letter; never the identity itself). A complainant's or petitioner's contacts are read by those who
 * handle the letter.
 * @module
 */
import { type Auth, coversPath } from "../../access/access.ts";
import { appendAudit } from "../../audit/audit-log.repository.ts";
import type { Db } from "../../db/database.ts";
import { errors } from "../../errors.ts";
import type { Sealer } from "../../secrets/sealer.ts";
import * as repo from "./letters.repository.ts";
import type { Sender } from "./letters.service.ts";
import { readableLetter } from "./letters.service.ts";

export async function readIdentity(db: Db, sealer: Sealer, auth: Auth | null, id: number) {
  const { l, a } = await readableLetter(db, auth, id, "unit.read");
  const permission = l.kind === "denunciation" ? "letter.identity" : "letter.handle";
  // refused as the letter itself would be: the page does not learn whether there is an identity to see
  if (!coversPath(a, permission, l.unit_path, l.body_id)) throw errors.forbidden();
  const sealed = await repo.identityOf(db, id);
  const identity = sealed ? (sealer.open(sealed.key_id, sealed.sealed, `letter:${id}`) as Sender) : {};
  await appendAudit(db, {
    actorId: a.userId,
    actorName: a.username,
    action: "letter.identity.read",
    entity: "letter",
    entityId: String(id),
    unitCode: l.unit_code,
    scope: l.unit_path,
    before: null,
    after: { code: l.code, kind: l.kind, read: Object.keys(identity).sort() },
  });
  return {
    name: identity.name ?? null,
    address: identity.address ?? null,
    phone: identity.phone ?? null,
    email: identity.email ?? null,
    idNumber: identity.idNumber ?? null,
  };
}
