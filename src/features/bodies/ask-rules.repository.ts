/** SQL for the rules of who may ask whom for a report. @module */
import { type Kysely, sql } from "kysely";
import type { AskRuleRow, Database } from "../../db/database.ts";

type Db = Kysely<Database>;

export async function listAskRules(db: Db): Promise<AskRuleRow[]> {
  return db
    .selectFrom("ask_rule")
    .selectAll()
    .orderBy("issuer_kind")
    .orderBy("relation")
    .orderBy("target_kind")
    .orderBy("valid_from")
    .execute();
}

/** The rules of issuers of `issuerKind` in force on `on`. */
export async function askRulesOf(db: Db, issuerKind: string, on: string): Promise<AskRuleRow[]> {
  return db
    .selectFrom("ask_rule")
    .selectAll()
    .where("issuer_kind", "=", issuerKind)
    .where("valid_from", "<=", on)
    .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">=", on)]))
    .execute();
}

export async function findAskRule(db: Db, id: number): Promise<AskRuleRow | undefined> {
  return db.selectFrom("ask_rule").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Adds the rules not there yet (by issuer, target, relation and first date); answers how many were added. */
export async function insertMissingAskRules(
  db: Db,
  rules: Pick<AskRuleRow, "issuer_kind" | "target_kind" | "relation" | "valid_from" | "source">[],
): Promise<number> {
  if (rules.length === 0) return 0;
  const r = await db
    .insertInto("ask_rule")
    .values(rules)
    .onConflict((oc) => oc.columns(["issuer_kind", "target_kind", "relation", "valid_from"]).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0);
}

export async function insertAskRule(
  db: Db,
  rule: Pick<AskRuleRow, "issuer_kind" | "target_kind" | "relation" | "valid_from" | "valid_to" | "source">,
): Promise<AskRuleRow | undefined> {
  return db
    .insertInto("ask_rule")
    .values(rule)
    .onConflict((oc) => oc.columns(["issuer_kind", "target_kind", "relation", "valid_from"]).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function endAskRuleVersioned(
  db: Db,
  id: number,
  version: number,
  validTo: string,
): Promise<AskRuleRow | undefined> {
  return db
    .updateTable("ask_rule")
    .set({ valid_to: validTo, version: sql`version + 1` })
    .where("id", "=", id)
    .where("version", "=", version)
    .returningAll()
    .executeTakeFirst();
}
