/**
 * Work that must be one transaction whether it is called alone or inside a caller's transaction: a number taken
 * for a document, its registry entry and the record that keeps it commit together or not at all.
 * @module
 */
import type { Db } from "./database.ts";

/** Runs `work` on the caller's transaction when `db` is one, else in a transaction of its own. */
export function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
