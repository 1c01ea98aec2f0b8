/** Reading the audit log: system admins see all, unit admins their subtree. @module */
import type { Kysely } from "kysely";
import { type Auth, requirePermission, scopeCodes } from "../../access/access.ts";
import type { Database } from "../../db/database.ts";
import * as repo from "./audit.repository.ts";

export async function listAudit(
  db: Kysely<Database>,
  auth: Auth | null,
  q: { entity?: string; unitCode?: string; limit: number; offset: number },
) {
  const a = requirePermission(auth, "audit.read");
  const { rows, total } = await repo.listAudit(db, { ...q, scope: scopeCodes(a, "audit.read") });
  return {
    total,
    items: rows.map((r) => ({
      id: Number(r.id),
      at: r.at.toISOString(),
      actorName: r.actor_name,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      unitCode: r.unit_code,
      before: r.before,
      after: r.after,
    })),
  };
}
