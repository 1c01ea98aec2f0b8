/** SQL for document types, Party terms and the numbering registry. @module */
import type { Kysely } from "kysely";
import type { Database, DocumentNumberRow, DocumentTypeRow, PartyTermRow } from "../../db/database.ts";
import type { DocumentType } from "../../domain/document-types.ts";

type Db = Kysely<Database>;

/** Inserts the shipped document types that are missing (never overwrites an admin's). */
export async function insertMissingTypes(db: Db, types: readonly DocumentType[]): Promise<number> {
  if (types.length === 0) return 0;
  const r = await db
    .insertInto("document_type")
    .values(
      types.map((t) => ({
        family: t.family,
        code: t.code,
        name_vi: t.nameVi,
        name_en: t.nameEn,
        normative: t.normative,
        built_in: true,
      })),
    )
    .onConflict((oc) => oc.columns(["family", "code"]).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0);
}

export async function listTypes(db: Db): Promise<DocumentTypeRow[]> {
  return db.selectFrom("document_type").selectAll().orderBy("family").orderBy("code").execute();
}

export async function listTerms(db: Db, bodyId: number): Promise<PartyTermRow[]> {
  return db.selectFrom("party_term").selectAll().where("body_id", "=", bodyId).orderBy("starts_on").execute();
}

export async function insertTerm(
  db: Db,
  t: { bodyId: number; name: string; startsOn: string; endsOn: string | null },
): Promise<PartyTermRow> {
  return db
    .insertInto("party_term")
    .values({ body_id: t.bodyId, name: t.name, starts_on: t.startsOn, ends_on: t.endsOn })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * The next number of a sequence: the row is created at 1 or raised by one, and stays locked until the
 * caller's transaction ends, so concurrent callers queue and a rolled-back number is never skipped.
 */
export async function nextNumber(
  db: Db,
  s: { issuerBodyId: number; series: string; scope: string },
): Promise<number> {
  const r = await db
    .insertInto("number_sequence")
    .values({ issuer_body_id: s.issuerBodyId, series: s.series, scope: s.scope, last_number: 1 })
    .onConflict((oc) =>
      oc
        .columns(["issuer_body_id", "series", "scope"])
        .doUpdateSet((eb) => ({ last_number: eb("number_sequence.last_number", "+", 1) })),
    )
    .returning("last_number")
    .executeTakeFirstOrThrow();
  return r.last_number;
}

export async function insertNumber(
  db: Db,
  n: Omit<
    DocumentNumberRow,
    "id" | "status" | "allocated_at" | "cancelled_by" | "cancelled_at" | "cancel_reason"
  >,
): Promise<DocumentNumberRow> {
  return db.insertInto("document_number").values(n).returningAll().executeTakeFirstOrThrow();
}

export async function findNumber(db: Db, id: number): Promise<DocumentNumberRow | undefined> {
  return db.selectFrom("document_number").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The registry of one issuing body, newest first; optionally one calendar year. */
export async function listNumbers(
  db: Db,
  issuerBodyId: number,
  year: number | null,
  limit: number,
): Promise<DocumentNumberRow[]> {
  let q = db
    .selectFrom("document_number")
    .selectAll()
    .where("issuer_body_id", "=", issuerBodyId)
    .orderBy("issued_on", "desc")
    .orderBy("id", "desc")
    .limit(limit);
  if (year !== null)
    q = q.where("issued_on", ">=", `${year}-01-01`).where("issued_on", "<=", `${year}-12-31`);
  return q.execute();
}

/** Marks an allocated number cancelled; undefined when it was cancelled already. */
export async function cancelNumber(
  db: Db,
  id: number,
  by: number,
  reason: string,
): Promise<DocumentNumberRow | undefined> {
  return db
    .updateTable("document_number")
    .set({ status: "cancelled", cancelled_by: by, cancelled_at: new Date(), cancel_reason: reason })
    .where("id", "=", id)
    .where("status", "=", "allocated")
    .returningAll()
    .executeTakeFirst();
}
