/**
 * An audit entry and the audit_log row it becomes: the one mapping the audit writer (audit-log.repository.ts)
 * and the batched statements that audit as they write (a report's workflow steps) share.
 * @module
 */
import { type RawBuilder, sql } from "kysely";

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

/** The audit_log columns an entry fills, in the order `auditRow` and `insertAuditRows` use. */
const COLUMNS = [
  "actor_id",
  "actor_name",
  "action",
  "entity",
  "entity_id",
  "unit_code",
  "province_code",
  "scope_codes",
  "before",
  "after",
] as const;

/**
 * An entry as the audit_log row it becomes: the one mapping every writer uses (the province is the first code
 * of the scope; a missing before or after is null).
 */
export function auditRow(e: AuditEntry) {
  return {
    actor_id: e.actorId,
    actor_name: e.actorName,
    action: e.action,
    entity: e.entity,
    entity_id: e.entityId,
    unit_code: e.unitCode,
    province_code: e.scope[0] ?? null,
    scope_codes: e.scope,
    before: e.before ?? null,
    after: e.after ?? null,
  };
}

/**
 * The same insert inside a batched statement: one entry for each row of `from` whose JSON column `entry`
 * holds an `auditRow` (rows where it is null write none), so a data-modifying CTE audits only the rows it
 * really changed.
 */
export function insertAuditRows(from: string, entry: string): RawBuilder<unknown> {
  const columns = sql.join(COLUMNS.map((c) => sql.ref(c)));
  const values = sql.join(COLUMNS.map((c) => sql.ref(`audit_entry.${c}`)));
  return sql`insert into audit_log (${columns})
    select ${values} from ${sql.table(from)}, jsonb_populate_record(null::audit_log, ${sql.ref(`${from}.${entry}`)}) as audit_entry
    where ${sql.ref(`${from}.${entry}`)} is not null`;
}
