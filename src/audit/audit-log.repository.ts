/**
 * The audit log's writer, used by every feature that changes something: one append-only row per change
 * (who, when, what, the unit and its ancestors, before and after); a database trigger refuses UPDATE, DELETE
 * and TRUNCATE. Reading it is the audit feature's (features/audit).
 * @module
 */
import type { Kysely } from "kysely";
import type { Database } from "../db/database.ts";
import { type AuditEntry, auditRow } from "./audit-row.ts";

export type { AuditEntry };

export async function appendAudit(db: Kysely<Database>, e: AuditEntry): Promise<void> {
  const row = auditRow(e);
  await db
    .insertInto("audit_log")
    .values({
      ...row,
      before: row.before === null ? null : JSON.stringify(row.before),
      after: row.after === null ? null : JSON.stringify(row.after),
    })
    .execute();
}
