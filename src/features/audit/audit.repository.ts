/** Append-only audit log (a database trigger refuses UPDATE, DELETE and TRUNCATE). @module */
import { type Kysely, sql } from "kysely";
import type { AuditRow, Database } from "../../db/database.ts";

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

export interface AuditFilter {
  scope: string[] | null;
  entity?: string;
  unitCode?: string;
  limit: number;
  offset: number;
}

export async function listAudit(
  db: Kysely<Database>,
  f: AuditFilter,
): Promise<{ rows: AuditRow[]; total: number }> {
  let q = db.selectFrom("audit_log");
  if (f.scope) q = q.where(sql<boolean>`scope_codes && ${sql.val(f.scope)}::text[]`);
  if (f.entity) q = q.where("entity", "=", f.entity);
  if (f.unitCode) q = q.where(sql<boolean>`scope_codes @> array[${f.unitCode}]::text[]`);
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy("id", "desc").limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
