/**
 * The audit log's writer, used by every feature that changes something: one append-only row per change
 * (who, when, what, the unit and its ancestors, before and after); a database trigger refuses UPDATE, DELETE
 * and TRUNCATE. Reading it is the audit feature's (features/audit).
 * @module
 */
import type { Kysely } from "kysely";
import type { Database } from "../db/database.ts";

export interface AuditEntry {
  actorId: number | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string;
  unitCode: string | null;
  /** The unit's ancestors and itself. */
  scope: string[];
  before: unknown;
  after: unknown;
}

export async function appendAudit(db: Kysely<Database>, e: AuditEntry): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      actor_id: e.actorId,
      actor_name: e.actorName,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId,
      unit_code: e.unitCode,
      province_code: e.scope[0] ?? null,
      scope_codes: e.scope,
      before: e.before === undefined || e.before === null ? null : JSON.stringify(e.before),
      after: e.after === undefined || e.after === null ? null : JSON.stringify(e.after),
    })
    .execute();
}
