/** The SQL of dialogues with the people and the commitments made at them. @module */
import { sql } from "kysely";
import type { Db, DialogueCommitmentRow, DialogueRow } from "../../db/database.ts";

export async function insertDialogue(
  db: Db,
  row: Omit<DialogueRow, "id" | "version" | "created_at">,
): Promise<DialogueRow> {
  return db.insertInto("dialogue").values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertCommitments(
  db: Db,
  rows: {
    dialogue_id: number;
    province_code: string;
    content: string;
    owner: string;
    due_on: string | null;
    updated_by: number;
  }[],
): Promise<DialogueCommitmentRow[]> {
  if (rows.length === 0) return [];
  return db.insertInto("dialogue_commitment").values(rows).returningAll().execute();
}

/** The dialogues held under a unit in [from, to], newest first. */
export async function dialoguesUnder(db: Db, unitCode: string, from: string, to: string, limit: number) {
  return db
    .selectFrom("dialogue")
    .selectAll()
    .where(sql<boolean>`unit_path @> array[${unitCode}]::text[]`)
    .where("held_on", ">=", from)
    .where("held_on", "<=", to)
    .orderBy("held_on", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

export async function findDialogue(db: Db, id: number): Promise<DialogueRow | undefined> {
  return db.selectFrom("dialogue").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The commitments of the given dialogues, in the order they were made. */
export async function commitmentsOf(db: Db, dialogueIds: number[]): Promise<DialogueCommitmentRow[]> {
  if (dialogueIds.length === 0) return [];
  return db
    .selectFrom("dialogue_commitment")
    .selectAll()
    .where("dialogue_id", "in", dialogueIds)
    .orderBy("id")
    .execute();
}

export async function findCommitment(db: Db, id: number): Promise<DialogueCommitmentRow | undefined> {
  return db.selectFrom("dialogue_commitment").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Updates a commitment if `version` is current; undefined otherwise. */
export async function updateCommitmentVersioned(
  db: Db,
  id: number,
  version: number,
  set: {
    status?: DialogueCommitmentRow["status"];
    result?: string;
    plan_task_id?: number;
    updated_by: number;
  },
): Promise<DialogueCommitmentRow | undefined> {
  return db
    .updateTable("dialogue_commitment")
    .set({ ...set, version: sql`version + 1`, updated_at: sql`now()` })
    .where("id", "=", id)
    .where("version", "=", version)
    .returningAll()
    .executeTakeFirst();
}
