/** SQL for the registry of documents received and issued, their relations and attachments. @module */
import { type Kysely, sql } from "kysely";
import type { Database, RegistryDocumentRow, RelationKind } from "../../db/database.ts";

type Db = Kysely<Database>;

export type RegistryListRow = Omit<
  RegistryDocumentRow,
  "search" | "body_text" | "symbol_key" | "withdrawn_by"
>;

const LIST_COLUMNS = [
  "id",
  "unit_code",
  "province_code",
  "direction",
  "type_code",
  "number_symbol",
  "issuer_name",
  "issued_on",
  "excerpt",
  "document_number_id",
  "withdrawn_on",
  "withdrawn_reason",
  "version",
  "created_by",
  "created_at",
  "updated_at",
] as const;

export type NewDocument = Omit<
  RegistryDocumentRow,
  | "id"
  | "version"
  | "created_at"
  | "updated_at"
  | "search"
  | "withdrawn_on"
  | "withdrawn_reason"
  | "withdrawn_by"
> & {
  searchText: string;
};

function insertInto(db: Db, d: NewDocument) {
  const { searchText, ...row } = d;
  return db
    .insertInto("registry_document")
    .values({ ...row, search: sql<string>`to_tsvector('simple', ${searchText})` });
}

export async function insertDocument(db: Db, d: NewDocument): Promise<RegistryDocumentRow> {
  return insertInto(db, d).returningAll().executeTakeFirstOrThrow();
}

/**
 * Enters a numbered document once per number: a second call for the same number inserts nothing and returns
 * undefined (the partial unique index on `document_number_id`).
 */
export async function insertNumberedDocument(
  db: Db,
  d: NewDocument,
): Promise<RegistryDocumentRow | undefined> {
  return insertInto(db, d)
    .onConflict((oc) =>
      oc.column("document_number_id").where("document_number_id", "is not", null).doNothing(),
    )
    .returningAll()
    .executeTakeFirst();
}

export async function findByNumber(db: Db, numberId: number): Promise<RegistryDocumentRow | undefined> {
  return db
    .selectFrom("registry_document")
    .selectAll()
    .where("document_number_id", "=", numberId)
    .executeTakeFirst();
}

/** The documents of a unit's registry numbered so (a number-symbol key), newest first. */
export async function findBySymbol(db: Db, unitCode: string, key: string, limit: number) {
  return db
    .selectFrom("registry_document")
    .select(["id", "province_code"])
    .where("unit_code", "=", unitCode)
    .where("symbol_key", "=", key)
    .orderBy("issued_on", "desc")
    .limit(limit)
    .execute();
}

export async function findDocument(db: Db, id: number): Promise<RegistryDocumentRow | undefined> {
  return db.selectFrom("registry_document").selectAll().where("id", "=", id).executeTakeFirst();
}

type Scope = { unitCode?: string; provinceCode?: string };
type Filter = {
  tsquery: string | null;
  symbolKey?: string;
  direction?: "incoming" | "outgoing";
  typeCode?: string;
};

/** How many of the newest documents the first search pass reads (see `searchDocuments`). */
export const RECENT_WINDOW = 5000;

function scoped(db: Db, scope: Scope, f: Omit<Filter, "tsquery" | "symbolKey">) {
  let q = db.selectFrom("registry_document").select(LIST_COLUMNS);
  if (scope.unitCode) q = q.where("unit_code", "=", scope.unitCode);
  if (scope.provinceCode) q = q.where("province_code", "=", scope.provinceCode);
  if (f.direction) q = q.where("direction", "=", f.direction);
  if (f.typeCode) q = q.where("type_code", "=", f.typeCode);
  return q;
}

/**
 * Documents of a scope (one unit, a whole province, or everything), newest first; with a number-symbol key,
 * those numbered so; with a tsquery, the matching ones — in two passes: the newest RECENT_WINDOW documents
 * are read in date order and filtered, which answers common words at once; when that finds fewer than
 * `limit`, the words are rare and the GIN index answers for the whole scope.
 */
export async function searchDocuments(
  db: Db,
  scope: Scope,
  f: Filter,
  limit: number,
): Promise<RegistryListRow[]> {
  if (f.symbolKey) {
    return scoped(db, scope, f)
      .where("symbol_key", "=", f.symbolKey)
      .orderBy("issued_on", "desc")
      .orderBy("id", "desc")
      .limit(limit)
      .execute();
  }
  if (!f.tsquery)
    return scoped(db, scope, f).orderBy("issued_on", "desc").orderBy("id", "desc").limit(limit).execute();
  const match = sql<boolean>`search @@ to_tsquery('simple', ${f.tsquery})`;
  const recent = await db
    .selectFrom(
      scoped(db, scope, f)
        .select("search")
        .orderBy("issued_on", "desc")
        .orderBy("id", "desc")
        .limit(RECENT_WINDOW)
        .as("d"),
    )
    .select(LIST_COLUMNS)
    .where(match)
    .orderBy("issued_on", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  if (recent.length >= limit) return recent;
  return scoped(db, scope, f)
    .where(match)
    .orderBy("issued_on", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

export async function insertRelation(
  db: Db,
  r: { fromId: number; toId: number; kind: RelationKind; provinceCode: string },
): Promise<boolean> {
  const res = await db
    .insertInto("registry_relation")
    .values({ from_id: r.fromId, to_id: r.toId, kind: r.kind, province_code: r.provinceCode })
    .onConflict((oc) => oc.columns(["from_id", "to_id", "kind"]).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** A document's relations both ways, with the other document's number and excerpt. */
export async function relationsOf(db: Db, id: number) {
  const out = await db
    .selectFrom("registry_relation as r")
    .innerJoin("registry_document as d", "d.id", "r.to_id")
    .select(["r.kind", "d.id", "d.unit_code", "d.number_symbol", "d.issuer_name", "d.issued_on", "d.excerpt"])
    .where("r.from_id", "=", id)
    .orderBy("d.issued_on")
    .execute();
  const inward = await db
    .selectFrom("registry_relation as r")
    .innerJoin("registry_document as d", "d.id", "r.from_id")
    .select(["r.kind", "d.id", "d.unit_code", "d.number_symbol", "d.issuer_name", "d.issued_on", "d.excerpt"])
    .where("r.to_id", "=", id)
    .orderBy("d.issued_on")
    .execute();
  return { out, inward };
}

export async function insertAttachment(
  db: Db,
  a: {
    documentId: number;
    provinceCode: string;
    filename: string;
    contentType: string;
    sha256: string;
    content: Buffer;
    createdBy: number;
  },
) {
  return db
    .insertInto("registry_attachment")
    .values({
      document_id: a.documentId,
      province_code: a.provinceCode,
      filename: a.filename,
      content_type: a.contentType,
      size: a.content.length,
      sha256: a.sha256,
      content: a.content,
      created_by: a.createdBy,
    })
    .returning(["id", "filename", "content_type", "size", "sha256", "created_at"])
    .executeTakeFirstOrThrow();
}

export async function attachmentsOf(db: Db, documentId: number) {
  return db
    .selectFrom("registry_attachment")
    .select(["id", "filename", "content_type", "size", "sha256", "created_at"])
    .where("document_id", "=", documentId)
    .orderBy("id")
    .execute();
}

export async function findAttachment(db: Db, id: number) {
  return db.selectFrom("registry_attachment").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Writes a corrected entry (its search text made again) if it still has `version`; undefined otherwise. */
export async function updateDocumentVersioned(
  db: Db,
  id: number,
  version: number,
  d: Pick<
    RegistryDocumentRow,
    "number_symbol" | "symbol_key" | "type_code" | "issuer_name" | "issued_on" | "excerpt" | "body_text"
  > &
    Partial<Pick<RegistryDocumentRow, "withdrawn_on" | "withdrawn_reason" | "withdrawn_by">> & {
      searchText: string;
    },
): Promise<RegistryDocumentRow | undefined> {
  const { searchText, ...row } = d;
  return db
    .updateTable("registry_document")
    .set({
      ...row,
      search: sql<string>`to_tsvector('simple', ${searchText})`,
      version: sql<number>`version + 1`,
      updated_at: sql<Date>`now()`,
    })
    .where("id", "=", id)
    .where("version", "=", version)
    .returningAll()
    .executeTakeFirst();
}

/** Withdraws the entry of a cancelled number, if it has one and it stands; the entry as it was and became. */
export async function withdrawByNumber(
  db: Db,
  numberId: number,
  w: { withdrawn_on: string; withdrawn_reason: string; withdrawn_by: number },
): Promise<RegistryDocumentRow | undefined> {
  return db
    .updateTable("registry_document")
    .set({ ...w, version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
    .where("document_number_id", "=", numberId)
    .where("withdrawn_on", "is", null)
    .returningAll()
    .executeTakeFirst();
}

/** Whether a number of the registry of outgoing documents was cancelled there. */
export async function isNumberCancelled(db: Db, numberId: number): Promise<boolean> {
  const r = await db
    .selectFrom("document_number")
    .select("status")
    .where("id", "=", numberId)
    .executeTakeFirst();
  return r?.status === "cancelled";
}
