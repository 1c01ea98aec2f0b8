/** The SQL of drafted documents. @module */
import { sql } from "kysely";
import { granted, type ScopeGrants } from "../../access/access.ts";
import type { Db, DocumentDraftRow, NewDocumentDraft } from "../../db/database.ts";

export async function insertDraft(db: Db, row: NewDocumentDraft): Promise<DocumentDraftRow> {
  return db.insertInto("document_draft").values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findDraft(db: Db, id: number): Promise<DocumentDraftRow | undefined> {
  return db.selectFrom("document_draft").selectAll().where("id", "=", id).executeTakeFirst();
}

/** A unit's drafts the grants of `scope` cover (null: all), newest first. */
export async function listDrafts(
  db: Db,
  unitCode: string,
  scope: ScopeGrants | null,
  limit: number,
): Promise<DocumentDraftRow[]> {
  let q = db
    .selectFrom("document_draft")
    .selectAll()
    .where("unit_code", "=", unitCode)
    .orderBy("id", "desc")
    .limit(limit);
  if (scope !== null) q = q.where(granted(scope, "unit_path", "body_id"));
  return q.execute();
}

/** Writes a draft if it still has `version`; undefined when someone else wrote first. */
export async function updateDraftVersioned(
  db: Db,
  id: number,
  version: number,
  set: Partial<Omit<NewDocumentDraft, "id" | "version" | "created_by" | "created_at">> & {
    updated_by: number;
  },
): Promise<DocumentDraftRow | undefined> {
  return db
    .updateTable("document_draft")
    .set((eb) => ({ ...set, version: eb("version", "+", 1), updated_at: sql<Date>`now()` }))
    .where("id", "=", id)
    .where("version", "=", version)
    .returningAll()
    .executeTakeFirst();
}
