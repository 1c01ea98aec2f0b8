/**
 * A request addressed to bodies by name (the Ban Dân vận Huyện ủy asks the UBND huyện, the UBMTTQ huyện and
 * the đoàn thể of its own district, or the Đảng ủy of every commune): each body checked to be of the issuer's
 * unit or a unit below it on the period's date, at a level the form is filled at, and one the issuing body may
 * ask (bodies/ask-rules.service.ts).
 * @module
 */
import { type Auth, readableRecords } from "../../../access/access.ts";
import type { BodyRow, Db, ReportFormRow, UnitRow } from "../../../db/database.ts";
import { type AskRelation, type AskRule, mayAsk } from "../../../domain/ask-rules.ts";
import { BODY_KINDS } from "../../../domain/body-kinds.ts";
import { isWithin } from "../../../domain/dates.ts";
import type { UnitLevel } from "../../../domain/report-forms.ts";
import { errors } from "../../../errors.ts";
import { askRulesOf } from "../../bodies/ask-rules.service.ts";
import { bodiesByIds, bodyById } from "../../bodies/bodies.service.ts";
import * as unitService from "../../units/units.service.ts";
import type { Target } from "./requests.repository.ts";

/** The series of a request to bodies of several kinds: their reports are consolidated together, apart from
 * every series of one kind. */
export const MIXED_BODIES = "mixed";

const RANK: Record<UnitLevel, number> = { province: 0, district: 1, commune: 2, hamlet: 3 };
const kindName = (kind: string) => BODY_KINDS.find((k) => k.kind === kind);

/**
 * The named bodies as targets (their units as on `asOf`, remapped to today by `remap`), the deepest level
 * among them and the series they report in (their kind, or MIXED_BODIES).
 */
export async function bodyTargets(
  db: Db,
  auth: Auth | null,
  input: { issuerUnitCode: string; issuerBodyId?: number; targetBodyIds: number[] },
  ctx: {
    form: ReportFormRow;
    asOf: string;
    today: string;
    /** the day the request goes out: the issuing body and the rules of who asks whom as they were then */
    issuedOn: string;
    /** the issuer's units on `asOf` (itself, or the units it was made of) */
    issuerCodes: Set<string>;
    remap: (units: UnitRow[]) => Promise<Map<number, Omit<Target, "unit_code" | "unit_id" | "body_id">>>;
  },
): Promise<{ targets: Target[]; targetLevel: UnitLevel; targetBodyKind: string }> {
  if (input.issuerBodyId === undefined)
    throw errors.badRequest(
      "Chọn cơ quan gửi yêu cầu: cơ quan này hỏi cơ quan kia",
      "Choose the body that asks: bodies ask bodies",
      { field: "issuerBodyId" },
    );
  const issuer = await requireIssuerBody(db, input.issuerUnitCode, input.issuerBodyId, ctx.issuedOn);
  const rules = await askRulesOf(db, issuer.kind, ctx.issuedOn);
  const chosen: { body: BodyRow; unit: UnitRow }[] = [];
  // every body, its access and its unit on the period's date read in three statements, not three per body
  const ids = [...new Set(input.targetBodyIds)];
  const found = new Map((await bodiesByIds(db, ids)).map((b) => [b.id, b]));
  const listed = ids.map((id) => found.get(id));
  const owners = listed.map((b) => ({ unitCode: b?.unit_code ?? "" }));
  const readable = await readableRecords(db, auth, "unit.read", owners);
  const units = await unitService.unitsAt(db, owners.map((o) => o.unitCode).filter(Boolean), ctx.asOf);
  for (const [i, body] of listed.entries()) {
    const field = `targetBodyIds.${i}`;
    // a read, like any reference: another province's body is refused as one that does not exist
    if (!body || !readable.has(i))
      throw errors.badRequest(
        "Không tìm thấy cơ quan này trong các đơn vị bạn được xem",
        "No such body in the units you may read",
        { field },
      );
    const unit = units.get(body.unit_code);
    if (!unit || !isWithin(ctx.asOf, body.valid_from ?? unit.valid_from, body.valid_to))
      throw errors.badRequest(
        `${body.name} không hoạt động vào ngày ${ctx.asOf}`,
        `${body.name} did not exist on ${ctx.asOf}`,
        { field },
      );
    const relation = ctx.issuerCodes.has(unit.code)
      ? "same"
      : unit.ancestors.some((a) => ctx.issuerCodes.has(a))
        ? "below"
        : null;
    if (!relation)
      throw errors.badRequest(
        `${body.name} không thuộc đơn vị yêu cầu hay cấp dưới của đơn vị`,
        `${body.name} is neither of the requesting unit nor below it`,
        { field },
      );
    requireMayAsk(rules, issuer, body.kind, relation, ctx.issuedOn, { field });
    if (!ctx.form.levels.includes(unit.level))
      throw errors.badRequest(
        `Biểu mẫu này không dành cho cấp của ${body.name}`,
        `This form is not filled at the level of ${body.name}`,
        { field, allowed: ctx.form.levels },
      );
    chosen.push({ body, unit });
  }
  if (chosen.length === 0)
    throw errors.badRequest("Chọn ít nhất một cơ quan", "Choose at least one body", {
      field: "targetBodyIds",
    });
  const remap = await ctx.remap(
    chosen.map((c) => c.unit).filter((u) => !isWithin(ctx.today, u.valid_from, u.valid_to)),
  );
  const targets = chosen.map(({ body, unit }) => {
    const own = [...unit.ancestors, unit.code];
    const m = remap.get(unit.id);
    return {
      unit_code: unit.code,
      unit_id: unit.id,
      body_id: body.id,
      province_code: m?.province_code ?? unit.province_code,
      rollup_path: m ? [...new Set([...own, ...m.rollup_path])] : own,
      owner_codes: [...new Set([unit.code, ...(m?.owner_codes ?? [])])],
      partial: m?.partial ?? false,
    };
  });
  const kinds = new Set(chosen.map((c) => c.body.kind));
  const targetLevel = chosen
    .map((c) => c.unit.level as UnitLevel)
    .reduce((deepest, l) => (RANK[l] > RANK[deepest] ? l : deepest));
  return {
    targets,
    targetLevel,
    targetBodyKind: kinds.size === 1 ? ([...kinds][0] as string) : MIXED_BODIES,
  };
}

/** The body a request is issued by: one of the issuing unit's, in existence on the day it asks. */
export async function requireIssuerBody(db: Db, unitCode: string, id: number, on: string): Promise<BodyRow> {
  const body = await bodyById(db, id);
  if (body?.unit_code !== unitCode)
    throw errors.badRequest("Cơ quan yêu cầu không thuộc đơn vị này", "The body is not in this unit", {
      field: "issuerBodyId",
    });
  if (!isWithin(on, body.valid_from ?? on, body.valid_to))
    throw errors.badRequest(
      `${body.name} không hoạt động vào ngày ${on}`,
      `${body.name} did not exist on ${on}`,
      {
        field: "issuerBodyId",
      },
    );
  return body;
}

/** Refuses, naming both kinds, when by `rules` a body of `issuer`'s kind may not ask one of `targetKind`. */
function requireMayAsk(
  rules: readonly AskRule[],
  issuer: BodyRow,
  targetKind: string,
  relation: AskRelation,
  today: string,
  details: { field: string },
) {
  if (mayAsk(rules, issuer.kind, targetKind, relation, today)) return;
  const from = kindName(issuer.kind);
  const to = kindName(targetKind);
  const where = relation === "same" ? ["cùng cấp", "of its own unit"] : ["cấp dưới", "below it"];
  throw errors.badRequest(
    `${from?.vi ?? issuer.kind} không yêu cầu ${to?.vi ?? targetKind} ${where[0]} báo cáo`,
    `A ${from?.en ?? issuer.kind} does not ask a ${to?.en ?? targetKind} ${where[1]} for reports`,
    { ...details, issuerKind: issuer.kind, targetKind, relation },
  );
}

/** A request from `issuer` to the bodies of `targetKind` of the units below: allowed by the rules? */
export async function requireMayAskBelow(db: Db, issuer: BodyRow, targetKind: string, today: string) {
  const rules = await askRulesOf(db, issuer.kind, today);
  requireMayAsk(rules, issuer, targetKind, "below", today, { field: "targetBodyKind" });
}
