/**
 * Who may ask whom for a report (src/domain/ask-rules.ts): everyone reads the rules, system administrators
 * add one or end one from a date on; a request checks its targets against the rules in force on its date.
 * @module
 */
import type { Kysely } from "kysely";
import { type Auth, requirePermission } from "../../access/access.ts";
import { appendAudit } from "../../audit/audit-log.repository.ts";
import type { AskRuleRow, Database } from "../../db/database.ts";
import {
  type AskRelation,
  type AskRule,
  DEFAULT_ASK_RULES,
  DEFAULT_ASK_RULES_FROM,
} from "../../domain/ask-rules.ts";
import { BODY_KINDS } from "../../domain/body-kinds.ts";
import { errors } from "../../errors.ts";
import * as repo from "./ask-rules.repository.ts";

type Db = Kysely<Database>;

export function toAskRuleDto(r: AskRuleRow) {
  return {
    id: r.id,
    issuerKind: r.issuer_kind,
    targetKind: r.target_kind,
    relation: r.relation,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    source: r.source,
    version: r.version,
  };
}

/** At start-up: add the shipped rules that are not there yet (one an administrator ended stays ended). */
export async function ensureDefaultAskRules(db: Db): Promise<number> {
  return repo.insertMissingAskRules(
    db,
    DEFAULT_ASK_RULES.map((r) => ({
      issuer_kind: r.issuerKind,
      target_kind: r.targetKind,
      relation: r.relation,
      valid_from: DEFAULT_ASK_RULES_FROM,
      source: "",
    })),
  );
}

export async function listAskRules(db: Db, auth: Auth | null) {
  requirePermission(auth, "unit.read");
  return { items: (await repo.listAskRules(db)).map(toAskRuleDto) };
}

/** The stored rules of issuers of `issuerKind` in force on `on` (read once, checked with domain mayAsk). */
export async function askRulesOf(db: Db, issuerKind: string, on: string): Promise<AskRule[]> {
  return (await repo.askRulesOf(db, issuerKind, on)).map(toAskRuleDto);
}

const KINDS = new Set(BODY_KINDS.map((k) => k.kind));

function requireKind(kind: string, field: string) {
  if (!KINDS.has(kind))
    throw errors.badRequest(`Loại cơ quan không có: ${kind}`, `No such kind of body: ${kind}`, { field });
}

async function audited(db: Db, a: Auth, action: string, before: AskRuleRow | null, after: AskRuleRow) {
  await appendAudit(db, {
    actorId: a.userId,
    actorName: a.username,
    action,
    entity: "ask_rule",
    entityId: String(after.id),
    unitCode: null,
    scope: [],
    before: before ? toAskRuleDto(before) : null,
    after: toAskRuleDto(after),
  });
  return toAskRuleDto(after);
}

export interface AskRuleInput {
  issuerKind: string;
  targetKind: string;
  relation: AskRelation;
  validFrom: string;
  validTo?: string | null;
  source?: string;
}

export async function addAskRule(db: Db, auth: Auth | null, input: AskRuleInput) {
  const a = requirePermission(auth, "ask_rule.manage");
  requireKind(input.issuerKind, "issuerKind");
  requireKind(input.targetKind, "targetKind");
  if (input.validTo && input.validTo < input.validFrom)
    throw errors.badRequest("Ngày kết thúc trước ngày bắt đầu", "The end is before the start", {
      field: "validTo",
    });
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertAskRule(trx, {
      issuer_kind: input.issuerKind,
      target_kind: input.targetKind,
      relation: input.relation,
      valid_from: input.validFrom,
      valid_to: input.validTo ?? null,
      source: input.source ?? "",
    });
    if (!row)
      throw errors.conflict("Đã có quy định này từ ngày đó", "This rule exists already from that date", {
        field: "validFrom",
      });
    return audited(trx, a, "ask_rule.create", null, row);
  });
}

/** Ends a rule on `validTo` (the last day it applies); the rule stays, dated, for the requests made under it. */
export async function endAskRule(
  db: Db,
  auth: Auth | null,
  id: number,
  input: { version: number; validTo: string },
) {
  const a = requirePermission(auth, "ask_rule.manage");
  const before = await repo.findAskRule(db, id);
  if (!before) throw errors.notFound("quy định / rule", String(id));
  if (input.validTo < before.valid_from)
    throw errors.badRequest(
      "Ngày kết thúc trước ngày bắt đầu của quy định",
      "The end is before the rule's start",
      { field: "validTo", validFrom: before.valid_from },
    );
  return db.transaction().execute(async (trx) => {
    const row = await repo.endAskRuleVersioned(trx, id, input.version, input.validTo);
    if (!row) throw errors.stale(before.version);
    return audited(trx, a, "ask_rule.end", before, row);
  });
}
