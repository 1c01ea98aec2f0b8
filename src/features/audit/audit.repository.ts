/** Reading the audit log (written by src/audit/audit-log.repository.ts). @module */
import { type Kysely, sql } from "kysely";
import type { AuditRow, Database } from "../../db/database.ts";

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
