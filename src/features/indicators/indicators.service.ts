/** The indicator catalogue: everyone reads it; system admins add and edit. @module */
import type { Kysely } from "kysely";
import { type Auth, requirePermission } from "../../access/access.ts";
import { appendAudit } from "../../audit/audit-log.repository.ts";
import type { Database, IndicatorRow } from "../../db/database.ts";
import type { Kept } from "../../db/kept.ts";
import { BUILT_IN_INDICATORS, checkWeight, type IndicatorDefinition } from "../../domain/indicators.ts";
import { errors } from "../../errors.ts";
import { catalogue, refreshCatalogue } from "./catalogue.ts";
import * as repo from "./indicators.repository.ts";

type Db = Kysely<Database>;

export function toIndicatorDto(r: IndicatorRow) {
  return {
    code: r.code,
    nameVi: r.name_vi,
    nameEn: r.name_en,
    type: r.type,
    unitOfMeasure: r.unit_of_measure,
    aggregation: r.aggregation,
    categories: r.categories,
    description: r.description,
    weightCode: r.weight_code,
    maxValue: r.max_value,
    builtIn: r.built_in,
    version: r.version,
  };
}

/** At start-up: add the shipped indicators that are not there yet. */
export async function ensureBuiltInIndicators(db: Db): Promise<number> {
  return repo.insertMissing(db, BUILT_IN_INDICATORS);
}

export async function listIndicators(db: Db, kept: Kept, auth: Auth | null) {
  requirePermission(auth, "unit.read");
  return { items: (await catalogue(db, kept)).map(toIndicatorDto) };
}

async function audited(db: Db, a: Auth, action: string, before: IndicatorRow | null, after: IndicatorRow) {
  await appendAudit(db, {
    actorId: a.userId,
    actorName: a.username,
    action,
    entity: "indicator",
    entityId: after.code,
    unitCode: null,
    scope: [],
    before: before ? toIndicatorDto(before) : null,
    after: toIndicatorDto(after),
  });
  return toIndicatorDto(after);
}

/** A weighted average's weight, and the weighted averages that use this indicator as theirs, stay sound. */
async function requireSoundWeights(db: Db, input: IndicatorDefinition) {
  const all = await repo.listIndicators(db);
  const catalogue = new Map<string, { type: IndicatorDefinition["type"] }>(all.map((i) => [i.code, i]));
  catalogue.set(input.code, input);
  const problem = checkWeight(input, catalogue);
  if (problem) throw errors.badRequest(problem.messageVi, problem.messageEn, { field: "weightCode" });
  const user = all.find((i) => i.weight_code === input.code && i.code !== input.code);
  if (user && input.type !== "integer" && input.type !== "decimal") {
    throw errors.badRequest(
      `Chỉ tiêu này là trọng số của ${user.code}: phải là số nguyên hoặc số thập phân`,
      `This indicator weighs ${user.code}: it must stay an integer or decimal count`,
      { field: "type" },
    );
  }
}

export async function createIndicator(db: Db, kept: Kept, auth: Auth | null, input: IndicatorDefinition) {
  const a = requirePermission(auth, "indicator.manage");
  await requireSoundWeights(db, input);
  const done = await db.transaction().execute(async (trx) => {
    const row = await repo.insertIndicator(trx, input);
    if (!row) {
      throw errors.conflict(`Đã có chỉ tiêu mã ${input.code}`, `Indicator ${input.code} exists already`, {
        field: "code",
      });
    }
    return audited(trx, a, "indicator.create", null, row);
  });
  await refreshCatalogue(kept);
  return done;
}

export async function updateIndicator(
  db: Db,
  kept: Kept,
  auth: Auth | null,
  code: string,
  input: Omit<IndicatorDefinition, "code"> & { version: number },
) {
  const a = requirePermission(auth, "indicator.manage");
  const before = await repo.findIndicator(db, code);
  if (!before) throw errors.notFound("chỉ tiêu / indicator", code);
  const { version, ...fields } = input;
  await requireSoundWeights(db, { ...fields, code });
  const done = await db.transaction().execute(async (trx) => {
    const row = await repo.updateIndicatorVersioned(trx, code, version, fields);
    if (!row) throw errors.stale(before.version);
    return audited(trx, a, "indicator.update", before, row);
  });
  await refreshCatalogue(kept);
  return done;
}
