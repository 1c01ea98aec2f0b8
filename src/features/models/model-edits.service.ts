/**
 * Correcting a model's registration (its name, field, kind, registering body, dates and sheet) and stopping it,
 * by its registering unit, with the version read (409 when stale) and what it was and became in the audit log.
 * A stopped model stays listed, marked, with its years and steps; it takes no more steps and is not kept up
 * into a new year. The years it was registered in keep counting: the reports sent then do not change.
 * @module
 */
import { type Auth, coversPath } from "../../access/access.ts";
import { appendAudit } from "../../audit/audit-log.repository.ts";
import type { Db, DvkModelRow, ModelDetailsJson } from "../../db/database.ts";
import type { Kept } from "../../db/kept.ts";
import { todayInVietnam } from "../../domain/dates.ts";
import type { ModelKind } from "../../domain/dvk-models.ts";
import { errors } from "../../errors.ts";
import { bodyById } from "../bodies/bodies.service.ts";
import { registryChanged } from "./model-counts.service.ts";
import * as repo from "./models.repository.ts";
import { getModel, requireModel } from "./models.service.ts";

export interface ModelEdit {
  version: number;
  name?: string;
  fieldCode?: string;
  kind?: ModelKind;
  bodyId?: number | null;
  details?: ModelDetailsJson;
  startedOn?: string;
  evaluationOn?: string | null;
  status?: "active" | "stopped";
  stopReason?: string;
}

const fieldsOf = (m: DvkModelRow) => ({
  name: m.name,
  fieldCode: m.field_code,
  kind: m.kind,
  bodyId: m.body_id,
  details: m.details,
  startedOn: m.started_on,
  evaluationOn: m.evaluation_on,
  stoppedOn: m.stopped_on,
  stopReason: m.stop_reason,
});

export async function updateModel(db: Db, kept: Kept, auth: Auth | null, id: number, input: ModelEdit) {
  const { a, model } = await requireModel(db, auth, id);
  if (!coversPath(a, "model.register", model.unit_path)) throw errors.forbidden();
  const next = { ...fieldsOf(model), ...input };
  if (input.bodyId !== undefined && input.bodyId !== null) {
    const body = await bodyById(db, input.bodyId);
    if (!body || body.unit_code !== model.unit_code) {
      throw errors.badRequest(
        "Cơ quan đăng ký không thuộc đơn vị này",
        "The registering body does not belong to this unit",
        { field: "bodyId" },
      );
    }
  }
  if (input.fieldCode !== undefined && !(await repo.listFields(db)).some((f) => f.code === input.fieldCode)) {
    throw errors.badRequest(`Không có lĩnh vực "${input.fieldCode}"`, `No field "${input.fieldCode}"`, {
      field: "fieldCode",
    });
  }
  if (next.evaluationOn !== null && next.evaluationOn < next.startedOn) {
    throw errors.badRequest("Ngày đánh giá trước ngày bắt đầu", "The evaluation date is before the start", {
      field: "evaluationOn",
    });
  }
  // an assessment was made against the criteria of the model's kind
  if (input.kind !== undefined && input.kind !== model.kind) {
    const years = await repo.yearsOf(db, id);
    if (years.some((y) => y.assessment !== null)) {
      throw errors.conflict(
        "Mô hình đã được bình xét theo bộ tiêu chí của loại này: không thể đổi loại",
        "The model was assessed against this kind's criteria: its kind cannot change",
        { field: "kind" },
      );
    }
  }
  const stopping = input.status === "stopped" && model.stopped_on === null;
  const reason = input.stopReason?.trim() ?? "";
  if (stopping && !reason) {
    throw errors.badRequest(
      "Hãy nêu lý do dừng thực hiện mô hình",
      "Give the reason for stopping the model",
      { field: "stopReason" },
    );
  }
  const set: Parameters<typeof repo.updateModelVersioned>[3] = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.fieldCode !== undefined ? { field_code: input.fieldCode } : {}),
    ...(input.kind !== undefined ? { kind: input.kind } : {}),
    ...(input.bodyId !== undefined ? { body_id: input.bodyId } : {}),
    ...(input.details !== undefined ? { details: JSON.stringify(input.details) } : {}),
    ...(input.startedOn !== undefined ? { started_on: input.startedOn } : {}),
    ...(input.evaluationOn !== undefined ? { evaluation_on: input.evaluationOn } : {}),
    ...(stopping ? { stopped_on: todayInVietnam(), stop_reason: reason } : {}),
    ...(input.status === "active" && model.stopped_on !== null ? { stopped_on: null, stop_reason: "" } : {}),
  };
  await db.transaction().execute(async (trx) => {
    const row = await repo.updateModelVersioned(trx, id, input.version, set);
    if (!row) throw errors.stale(model.version);
    await appendAudit(trx, {
      actorId: a.userId,
      actorName: a.username,
      action: stopping ? "model.stop" : "model.update",
      entity: "dvk_model",
      entityId: String(id),
      unitCode: model.unit_code,
      scope: model.unit_path,
      before: { ...fieldsOf(model), version: model.version },
      after: { ...fieldsOf(row), version: row.version },
    });
  });
  await registryChanged(kept);
  return getModel(db, auth, id);
}
