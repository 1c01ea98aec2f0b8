/** The SQL of what is sealed of a letter: its scans, and re-sealing them and writers' identities under a new key. @module */
import type { Db } from "../../db/database.ts";

export async function insertScan(
  db: Db,
  row: {
    letter_id: number;
    province_code: string;
    content_type: string;
    size: number;
    key_id: string;
    sealed: Buffer;
    created_by: number;
  },
) {
  return db
    .insertInto("letter_scan")
    .values(row)
    .returning(["id", "letter_id", "content_type", "size", "created_at"])
    .executeTakeFirstOrThrow();
}

/** A letter's scans, oldest first: what they are, never what they hold. */
export async function scansOf(db: Db, letterId: number) {
  return db
    .selectFrom("letter_scan")
    .select(["id", "content_type", "size", "created_at"])
    .where("letter_id", "=", letterId)
    .orderBy("id")
    .execute();
}

export async function findScan(db: Db, id: number) {
  return db.selectFrom("letter_scan").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The scans sealed under a key other than `keyId`, a batch at a time after `afterId` (for re-sealing). */
export async function scansNotUnder(db: Db, keyId: string, afterId: number, limit: number) {
  return db
    .selectFrom("letter_scan")
    .select(["id", "letter_id", "key_id", "sealed"])
    .where("key_id", "<>", keyId)
    .where("id", ">", afterId)
    .orderBy("id")
    .limit(limit)
    .execute();
}

export async function resealScan(db: Db, id: number, from: string, to: { key_id: string; sealed: Buffer }) {
  await db.updateTable("letter_scan").set(to).where("id", "=", id).where("key_id", "=", from).execute();
}

/** The identities sealed under a key other than `keyId`, a batch at a time after `afterId` (for re-sealing). */
export async function identitiesNotUnder(db: Db, keyId: string, afterId: number, limit: number) {
  return db
    .selectFrom("letter_identity")
    .select(["letter_id", "key_id", "sealed"])
    .where("key_id", "<>", keyId)
    .where("letter_id", ">", afterId)
    .orderBy("letter_id")
    .limit(limit)
    .execute();
}

export async function resealIdentity(
  db: Db,
  letterId: number,
  from: string,
  to: { key_id: string; sealed: Buffer },
) {
  await db
    .updateTable("letter_identity")
    .set(to)
    .where("letter_id", "=", letterId)
    .where("key_id", "=", from)
    .execute();
}
