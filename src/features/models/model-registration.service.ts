/**
 * Registering models: a unit registers a model (warned of likely duplicates in the same unit and year
 * first), and keeps last year's models up into a new year in one action.
 * @module
 */

import { type Auth, requireUnitAccess } from "../../access/access.ts";
import { appendAudit } from "../../audit/audit-log.repository.ts";
import type { Db, ModelDetailsJson } from "../../db/database.ts";
import type { Kept } from "../../db/kept.ts";
import { likelyDuplicates, type ModelKind } from "../../domain/dvk-models.ts";
import { AppError, errors } from "../../errors.ts";
import { bodyById } from "../bodies/bodies.service.ts";
import { registryChanged } from "./model-counts.service.ts";
import * as repo from "./models.repository.ts";

export interface ModelInput {
  unitCode: string;
  bodyId: number | null;
  year: number;
  name: string;
  fieldCode: string;
  kind: ModelKind;
  details: ModelDetailsJson;
  startedOn: string;
  evaluationOn: string | null;
  /** Save although likely duplicates were shown. */
  confirmDuplicate: boolean;
}

export async function similarModels(
  db: Db,
  auth: Auth | null,
  q: { unit: string; year: number; name: string },
) {
  await requireUnitAccess(db, auth, "unit.read", q.unit);
  return {
    items: likelyDuplicates(q.name, await repo.namesInUnitYear(db, q.unit, q.year)).map((d) => ({
      id: d.item.id,
      name: d.item.name,
      registration: d.item.registration,
      similarity: Math.round(d.similarity * 100) / 100,
    })),
  };
}

export async function registerModel(db: Db, kept: Kept, auth: Auth | null, input: ModelInput) {
  const path = await requireUnitAccess(db, auth, "model.register", input.unitCode);
  const a = auth as Auth;
  if (input.bodyId !== null) {
    const body = await bodyById(db, input.bodyId);
    if (!body || body.unit_code !== input.unitCode) {
      throw errors.badRequest(
        "Cơ quan đăng ký không thuộc đơn vị này",
        "The registering body does not belong to this unit",
        { field: "bodyId" },
      );
    }
  }
  const fields = await repo.listFields(db);
  if (!fields.some((f) => f.code === input.fieldCode)) {
    throw errors.badRequest(`Không có lĩnh vực "${input.fieldCode}"`, `No field "${input.fieldCode}"`, {
      field: "fieldCode",
    });
  }
  if (input.evaluationOn !== null && input.evaluationOn < input.startedOn) {
    throw errors.badRequest("Ngày đánh giá trước ngày bắt đầu", "The evaluation date is before the start", {
      field: "evaluationOn",
    });
  }
  if (!input.confirmDuplicate) {
    const alike = likelyDuplicates(input.name, await repo.namesInUnitYear(db, input.unitCode, input.year));
    if (alike.length > 0) {
      throw new AppError(
        409,
        "possible_duplicate",
        `Đơn vị đã có mô hình gần trùng tên trong năm ${input.year}: ${alike.map((d) => `"${d.item.name}"`).join(", ")}`,
        `The unit already has a model with a similar name in ${input.year}`,
        alike.map((d) => ({ id: d.item.id, name: d.item.name, similarity: d.similarity })),
      );
    }
  }
  const done = await db
    .transaction()
    .execute((trx) => insertRegistered(trx, a, path, input, "model.register"));
  await registryChanged(kept);
  return done;
}

/** Writes a new model, its year ("new"), its first step and the audit entry (inside the caller's transaction). */
export async function insertRegistered(
  trx: Db,
  a: Auth,
  path: string[],
  input: Omit<ModelInput, "confirmDuplicate">,
  action: "model.register" | "model.import",
) {
  const model = await repo.insertModel(trx, {
    unit_code: input.unitCode,
    unit_path: path,
    province_code: path[0] as string,
    body_id: input.bodyId,
    name: input.name,
    field_code: input.fieldCode,
    kind: input.kind,
    details: input.details,
    started_on: input.startedOn,
    evaluation_on: input.evaluationOn,
    created_by: a.userId,
  });
  await repo.insertYears(trx, [
    { model_id: model.id, year: input.year, province_code: model.province_code, registration: "new" },
  ]);
  await repo.insertSteps(trx, [
    {
      model_id: model.id,
      year: input.year,
      province_code: model.province_code,
      from_status: null,
      to_status: "registered",
      comment: action === "model.import" ? "Nhập từ tệp Excel" : "",
      decision_symbol: null,
      actor_id: a.userId,
      actor_name: a.username,
    },
  ]);
  await appendAudit(trx, {
    actorId: a.userId,
    actorName: a.username,
    action,
    entity: "dvk_model",
    entityId: String(model.id),
    unitCode: model.unit_code,
    scope: path,
    before: null,
    after: { name: model.name, year: input.year, fieldCode: model.field_code, kind: model.kind },
  });
  return { id: model.id };
}

/** Keeps up the unit's chosen models in `year` (registration "kept", status "registered"), all in one action. */
export async function carryOver(
  db: Db,
  kept: Kept,
  auth: Auth | null,
  input: { unitCode: string; year: number; modelIds: number[] },
) {
  const path = await requireUnitAccess(db, auth, "model.register", input.unitCode);
  const a = auth as Auth;
  const candidates = new Map(
    (await repo.carryOverCandidates(db, input.unitCode, input.year)).map((c) => [c.id, c]),
  );
  const bad = input.modelIds.filter((id) => !candidates.has(id));
  if (bad.length) {
    throw errors.badRequest(
      `Không thể chuyển tiếp các mô hình ${bad.join(", ")}: không thuộc đơn vị, chưa có năm trước hoặc đã có trong năm ${input.year}`,
      `Models ${bad.join(", ")} cannot be kept up: not the unit's, no earlier year, or already in ${input.year}`,
      { field: "modelIds", ids: bad },
    );
  }
  const province = path[0] as string;
  const done = await db.transaction().execute(async (trx) => {
    const added = await repo.insertYears(
      trx,
      input.modelIds.map((id) => ({
        model_id: id,
        year: input.year,
        province_code: province,
        registration: "kept",
      })),
    );
    await repo.insertSteps(
      trx,
      added.map((id) => ({
        model_id: id,
        year: input.year,
        province_code: province,
        from_status: null,
        to_status: "registered" as const,
        comment: `Duy trì từ năm ${candidates.get(id)?.last_year}`,
        decision_symbol: null,
        actor_id: a.userId,
        actor_name: a.username,
      })),
    );
    if (added.length) {
      await appendAudit(trx, {
        actorId: a.userId,
        actorName: a.username,
        action: "model.carry_over",
        entity: "dvk_model",
        entityId: added.join(","),
        unitCode: input.unitCode,
        scope: path,
        before: null,
        after: { year: input.year, models: added },
      });
    }
    return { kept: added.length };
  });
  await registryChanged(kept);
  return done;
}

export async function carryOverCandidates(db: Db, auth: Auth | null, q: { unit: string; year: number }) {
  await requireUnitAccess(db, auth, "unit.read", q.unit);
  return {
    items: (await repo.carryOverCandidates(db, q.unit, q.year)).map((c) => ({
      id: c.id,
      name: c.name,
      lastYear: c.last_year,
      status: c.status,
    })),
  };
}
