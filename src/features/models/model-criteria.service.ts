/**
 * The fields of models and the criteria a model is assessed against: the province's own set for each kind
 * (collective, individual), or the example set until it has one.
 * @module
 */
import { type Auth, requirePermission, requireUnitAccess } from "../../access/access.ts";
import { appendAudit } from "../../audit/audit-log.repository.ts";
import type { Db } from "../../db/database.ts";
import type { CriteriaSet, ModelKind } from "../../domain/dvk-models.ts";
import { errors } from "../../errors.ts";
import * as repo from "./models.repository.ts";

export async function listFields(db: Db, auth: Auth | null) {
  requirePermission(auth, "unit.read");
  return {
    items: (await repo.listFields(db)).map((f) => ({ code: f.code, nameVi: f.name_vi, nameEn: f.name_en })),
  };
}

/** The criteria a province assesses its models by: its own set for each kind, else the example set. */
export async function criteriaFor(
  db: Db,
  provinceCode: string,
): Promise<Map<ModelKind, CriteriaSet & { example: boolean; source: string }>> {
  const out = new Map<ModelKind, CriteriaSet & { example: boolean; source: string }>();
  for (const r of await repo.criteriaSets(db, provinceCode)) {
    if (!out.has(r.kind)) {
      out.set(r.kind, {
        kind: r.kind,
        criteria: r.criteria,
        minimumMet: r.minimum_met,
        example: r.example,
        source: r.source,
      });
    }
  }
  return out;
}

/** The criteria a unit's models are assessed by: those of its province (a commune reads its province's). */
export async function getCriteria(db: Db, auth: Auth | null, unitCode: string) {
  const path = await requireUnitAccess(db, auth, "unit.read", unitCode);
  const province = path[0] as string;
  return { province, items: [...(await criteriaFor(db, province)).values()] };
}

/** A province issues its own criteria for a kind of model (the example set stays for the others). */
export async function setCriteria(
  db: Db,
  auth: Auth | null,
  input: {
    unit: string;
    kind: ModelKind;
    criteria: CriteriaSet["criteria"];
    minimumMet: number;
    source: string;
  },
) {
  const path = await requireUnitAccess(db, auth, "evaluation.manage", input.unit);
  const a = auth as Auth;
  if (path.length !== 1) {
    throw errors.badRequest("Bộ tiêu chí do cấp tỉnh ban hành", "A province issues the criteria", {
      field: "unit",
    });
  }
  const codes = input.criteria.map((c) => c.code);
  if (new Set(codes).size !== codes.length) {
    throw errors.badRequest("Trùng mã tiêu chí", "Two criteria share a code", { field: "criteria" });
  }
  if (
    input.minimumMet > input.criteria.length ||
    input.minimumMet < input.criteria.filter((c) => c.required).length
  ) {
    throw errors.badRequest(
      "Số tiêu chí phải đạt phải từ số tiêu chí bắt buộc đến tổng số tiêu chí",
      "The criteria to meet must be between the required ones and all of them",
      { field: "minimumMet" },
    );
  }
  await repo.upsertCriteria(db, { provinceCode: input.unit, ...input });
  await appendAudit(db, {
    actorId: a.userId,
    actorName: a.username,
    action: "model_criteria.set",
    entity: "model_criteria_set",
    entityId: `${input.unit}/${input.kind}`,
    unitCode: input.unit,
    scope: path,
    before: null,
    after: { kind: input.kind, criteria: codes, minimumMet: input.minimumMet },
  });
  return getCriteria(db, auth, input.unit);
}
