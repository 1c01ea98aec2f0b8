/**
 * "Dân vận khéo" models: a unit registers its models (warned of likely duplicates first), keeps
 * them up from year to year in one action, records their implementation; the units above assess them against
 * the province's criteria, recognise them, make them exemplary and commend them with a numbered decision from
 * the registry of outgoing documents. Every step is kept with who, when and why.
 * @module
 */

import { unitPath } from "../../access/access.repository.ts";
import { type Auth, coversPath, requirePermission, requireUnitAccess } from "../../access/access.ts";
import { appendAudit } from "../../audit/audit-log.repository.ts";
import type { Db, DvkModelRow, DvkModelYearRow, ModelStatusValue } from "../../db/database.ts";
import type { Kept } from "../../db/kept.ts";
import { formatDateVi } from "../../domain/dates.ts";
import {
  assess,
  BUILT_IN_FIELDS,
  EXAMPLE_CRITERIA,
  EXAMPLE_CRITERIA_SOURCE,
  type ModelStatus,
  STEP_ACTOR,
  stepProblem,
} from "../../domain/dvk-models.ts";
import { errors } from "../../errors.ts";
import { bodyById } from "../bodies/bodies.service.ts";
import { numberById } from "../documents/documents.service.ts";
import { registryChanged } from "./model-counts.service.ts";
import { criteriaFor } from "./model-criteria.service.ts";
import * as repo from "./models.repository.ts";

/** At start-up: the four fields and the example criteria sets, where missing. */
export async function ensureBuiltInModelData(db: Db): Promise<void> {
  await repo.insertMissingFields(db, BUILT_IN_FIELDS);
  await repo.insertMissingCriteria(
    db,
    EXAMPLE_CRITERIA.map((s) => ({ ...s, source: EXAMPLE_CRITERIA_SOURCE })),
  );
}

// ---- reading -----------------------------------------------------------------------------------------------

export async function listModels(
  db: Db,
  auth: Auth | null,
  q: { unit: string; year: number; field?: string; status?: ModelStatusValue },
) {
  await requireUnitAccess(db, auth, "unit.read", q.unit);
  const rows = await repo.listModels(
    db,
    { unitCode: q.unit, year: q.year, fieldCode: q.field, status: q.status },
    1000,
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      unitCode: r.unit_code,
      unitName: r.unit_name,
      name: r.name,
      fieldCode: r.field_code,
      kind: r.kind,
      year: r.year,
      registration: r.registration,
      status: r.status,
      wasExemplary: r.was_exemplary,
      decisionSymbol: r.decision_symbol,
      yearVersion: r.year_version,
      stoppedOn: r.stopped_on,
    })),
  };
}

/** A model the caller may read (404 otherwise). */
export async function requireModel(
  db: Db,
  auth: Auth | null,
  id: number,
): Promise<{ a: Auth; model: DvkModelRow }> {
  const a = requirePermission(auth, "unit.read");
  const model = await repo.findModel(db, id);
  if (!model || !coversPath(a, "unit.read", model.unit_path)) throw errors.notFoundOrForbidden(String(id));
  return { a, model };
}

function yearDto(y: DvkModelYearRow) {
  return {
    year: y.year,
    registration: y.registration,
    status: y.status,
    wasExemplary: y.was_exemplary,
    assessment: y.assessment,
    decisionSymbol: y.decision_symbol,
    version: y.version,
  };
}

export async function getModel(db: Db, auth: Auth | null, id: number) {
  const { a, model } = await requireModel(db, auth, id);
  const [years, steps, criteria, attachments] = await Promise.all([
    repo.yearsOf(db, id),
    repo.stepsOf(db, id),
    criteriaFor(db, model.province_code),
    repo.attachmentsOf(db, [id]),
  ]);
  return {
    id: model.id,
    unitCode: model.unit_code,
    unitPath: model.unit_path,
    bodyId: model.body_id,
    name: model.name,
    fieldCode: model.field_code,
    kind: model.kind,
    details: model.details,
    startedOn: model.started_on,
    evaluationOn: model.evaluation_on,
    isPublic: model.is_public,
    results: model.results,
    stoppedOn: model.stopped_on,
    stopReason: model.stop_reason,
    version: model.version,
    years: years.map(yearDto),
    steps: steps.map((s) => ({
      year: s.year,
      from: s.from_status,
      to: s.to_status,
      comment: s.comment,
      decisionSymbol: s.decision_symbol,
      actorName: s.actor_name,
      at: s.at.toISOString(),
    })),
    criteria: criteria.get(model.kind) ?? null,
    attachments: attachments.map((x) => ({
      id: x.id,
      filename: x.filename,
      contentType: x.content_type,
      size: x.size,
    })),
    can: {
      register: coversPath(a, "model.register", model.unit_path),
      evaluate: coversPath(a, "model.evaluate", model.unit_path.slice(0, -1)),
    },
  };
}

// ---- the lifecycle -----------------------------------------------------------------------------------------

export interface StepInput {
  to: ModelStatus;
  version: number;
  comment: string;
  /** For "assessed": criterion code → met. */
  answers?: Record<string, boolean>;
  /** For "commended": the decision's number taken in the registry of outgoing documents. */
  decisionNumberId?: number;
}

/**
 * One step of a model in a year. Implementation is recorded by the registering unit; assessing, recognising,
 * making exemplary and commending by a unit above it (never the unit itself).
 */
export async function stepModel(
  db: Db,
  kept: Kept,
  auth: Auth | null,
  id: number,
  year: number,
  input: StepInput,
) {
  const { a, model } = await requireModel(db, auth, id);
  if (model.stopped_on !== null) {
    throw errors.conflict(
      `Mô hình đã dừng thực hiện từ ngày ${formatDateVi(model.stopped_on)}`,
      `The model was stopped on ${model.stopped_on}`,
    );
  }
  const actor = STEP_ACTOR[input.to];
  const allowed =
    actor === "unit"
      ? coversPath(a, "model.register", model.unit_path)
      : coversPath(a, "model.evaluate", model.unit_path.slice(0, -1));
  if (!allowed) throw errors.forbidden();
  const current = await repo.findYear(db, id, year);
  if (!current) throw errors.notFound("năm của mô hình / model year", `${id}/${year}`);
  const problem = stepProblem(current.status, input.to);
  if (problem) {
    throw errors.conflict(problem.messageVi, problem.messageEn, {
      status: current.status,
      version: current.version,
    });
  }
  if (current.version !== input.version) throw errors.stale(current.version);
  const set: Parameters<typeof repo.updateYearVersioned>[4] = { status: input.to };
  let decisionSymbol: string | null = null;
  if (input.to === "assessed") {
    const criteria = (await criteriaFor(db, model.province_code)).get(model.kind);
    if (!criteria) throw errors.badRequest("Tỉnh chưa có bộ tiêu chí", "The province has no criteria set");
    const answers = input.answers ?? {};
    const unknown = Object.keys(answers).filter((k) => !criteria.criteria.some((c) => c.code === k));
    if (unknown.length || Object.keys(answers).length === 0) {
      throw errors.badRequest(
        unknown.length ? `Không có tiêu chí ${unknown.join(", ")}` : "Hãy đánh giá từng tiêu chí",
        unknown.length ? `No criteria ${unknown.join(", ")}` : "Assess each criterion",
        { field: "answers" },
      );
    }
    set.assessment = JSON.stringify({ answers, ...assess(criteria, answers) });
  }
  if (input.to === "recognised" && current.assessment && !current.assessment.passes) {
    throw errors.badRequest(
      `Mô hình chưa đạt tiêu chí (${current.assessment.met}/${current.assessment.total}): chưa thể công nhận`,
      `The model did not meet the criteria (${current.assessment.met}/${current.assessment.total}): it cannot be recognised`,
      { field: "to" },
    );
  }
  if (input.to === "exemplary") set.was_exemplary = true;
  if (input.to === "commended") {
    const n = input.decisionNumberId === undefined ? undefined : await numberById(db, input.decisionNumberId);
    const issuerPath = n ? await issuerPathOf(db, n.issuer_body_id) : null;
    if (n?.status !== "allocated" || !issuerPath || !coversPath(a, "unit.read", issuerPath)) {
      throw errors.badRequest(
        "Hãy chọn số quyết định khen thưởng đã lấy trong sổ văn bản đi",
        "Pick the commendation decision's number from the registry of outgoing documents",
        { field: "decisionNumberId" },
      );
    }
    // the deciding body sits at the model's unit or above it: its unit's path is a prefix of the model's
    if (!issuerPath.every((c) => model.unit_path.includes(c))) {
      throw errors.badRequest(
        "Quyết định khen thưởng phải do đơn vị cấp trên của mô hình ban hành",
        "The commendation must be issued by a unit above the model",
        { field: "decisionNumberId" },
      );
    }
    set.decision_number_id = n.id;
    set.decision_symbol = n.symbol;
    decisionSymbol = n.symbol;
  }
  const done = await db.transaction().execute(async (trx) => {
    const row = await repo.updateYearVersioned(trx, id, year, input.version, set);
    if (!row) throw errors.stale(current.version);
    await repo.insertSteps(trx, [
      {
        model_id: id,
        year,
        province_code: model.province_code,
        from_status: current.status,
        to_status: input.to,
        comment: input.comment,
        decision_symbol: decisionSymbol,
        actor_id: a.userId,
        actor_name: a.username,
      },
    ]);
    await appendAudit(trx, {
      actorId: a.userId,
      actorName: a.username,
      action: `model.${input.to}`,
      entity: "dvk_model",
      entityId: String(id),
      unitCode: model.unit_code,
      scope: model.unit_path,
      before: { year, status: current.status, version: current.version },
      after: { year, status: row.status, version: row.version, comment: input.comment, decisionSymbol },
    });
    return yearDto(row);
  });
  await registryChanged(kept);
  return done;
}

async function issuerPathOf(db: Db, bodyId: number): Promise<string[] | null> {
  const body = await bodyById(db, bodyId);
  return body ? unitPath(db, body.unit_code) : null;
}
