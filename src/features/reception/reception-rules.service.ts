/**
 * The reception minimums as data (src/domain/reception-schedule.ts): the law's, a newer law-wide rule a system
 * administrator stores as the law changes, and a unit's own stricter rule (never below the law's), each from its
 * date; the schedules' checks read them.
 * @module
 */
import { unitPath } from "../../access/access.repository.ts";
import { type Auth, requirePermission, requireUnitAccess } from "../../access/access.ts";
import { appendAudit } from "../../audit/audit-log.repository.ts";
import type { Db } from "../../db/database.ts";
import { todayInVietnam } from "../../domain/dates.ts";
import {
  DEFAULT_RECEPTION_RULES,
  RECEIVER_ROLES,
  type ReceiverRole,
  type ReceptionRule,
  receptionRuleOn,
} from "../../domain/reception-schedule.ts";
import { errors } from "../../errors.ts";
import * as repo from "./reception.repository.ts";

export interface ReceptionRuleInput {
  /** null: a law-wide rule (system administrators); a unit: its own stricter rule */
  unitCode: string | null;
  role: ReceiverRole;
  days: number;
  per: ReceptionRule["per"];
  validFrom: string;
  source: string;
  confidence: ReceptionRule["confidence"];
}

/** Days a month a minimum asks for, to compare a unit's rule with the law's. */
const perMonth = (r: { days: number; per: ReceptionRule["per"] }) =>
  r.per === "week" ? r.days * 4.33 : r.per === "working_day" ? 21 : r.days;

/** The stored minimums, as the domain reads them. */
export async function storedReceptionRules(db: Db): Promise<ReceptionRule[]> {
  return (await repo.receptionRules(db)).map((r) => ({
    role: r.role,
    days: r.days,
    per: r.per,
    validFrom: r.valid_from,
    unitCode: r.unit_code,
    source: r.source,
    confidence: r.confidence,
  }));
}

/** The minimums that apply to a unit: the law's, a stored law-wide one, and the unit's (or an ancestor's) own. */
export async function rulesFor(db: Db, auth: Auth | null, unit: string) {
  const path = await requireUnitAccess(db, auth, "unit.read", unit);
  const stored = await storedReceptionRules(db);
  return {
    items: [...DEFAULT_RECEPTION_RULES, ...stored].filter(
      (r) => r.unitCode === null || path.includes(r.unitCode),
    ),
    inForce: RECEIVER_ROLES.flatMap((role) => receptionRuleOn(role, todayInVietnam(), path, stored) ?? []),
  };
}

/**
 * Adds a minimum: law-wide (a system administrator, as the law changes), or a unit's own, which must be at
 * least as strict as the law's (Luật Tiếp công dân 2013 sets the floor; a unit may ask more, never less).
 */
export async function addReceptionRule(db: Db, auth: Auth | null, input: ReceptionRuleInput) {
  if (input.unitCode === null) requirePermission(auth, "legal_rule.manage");
  else await requireUnitAccess(db, auth, "letter.handle", input.unitCode);
  const a = auth as Auth;
  const path = input.unitCode ? ((await unitPath(db, input.unitCode)) ?? [input.unitCode]) : [];
  if (input.unitCode !== null) {
    const law = receptionRuleOn(input.role, input.validFrom, [], await storedReceptionRules(db));
    if (law && perMonth(input) < perMonth(law))
      throw errors.badRequest(
        `Quy định của đơn vị không được thấp hơn mức luật định (${law.days} ngày/${law.per === "week" ? "tuần" : "tháng"})`,
        `A unit's rule may not ask less than the law (${law.days} day(s) a ${law.per})`,
        { field: "days" },
      );
  }
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertReceptionRule(trx, {
      unit_code: input.unitCode,
      role: input.role,
      days: input.days,
      per: input.per,
      valid_from: input.validFrom,
      source: input.source.trim(),
      confidence: input.confidence,
      created_by: a.userId,
    });
    await appendAudit(trx, {
      actorId: a.userId,
      actorName: a.username,
      action: "reception_rule.create",
      entity: "reception_rule",
      entityId: String(row.id),
      unitCode: input.unitCode,
      scope: path,
      before: null,
      after: input,
    });
    return input;
  });
}
