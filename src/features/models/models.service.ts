/**
 * "Dân vận khéo" models: a unit registers its models (warned of likely duplicates first), keeps
 * them up from year to year in one action, records their implementation; the units above assess them against
 * the province's criteria, recognise them, make them exemplary and commend them with a numbered decision from
 * the registry of outgoing documents. Every step is kept with who, when and why.
 * @module
 */
import type { Kysely } from "kysely";
import { unitPath } from "../../access/access.repository.ts";
import { type Auth, coversPath, requirePermission, requireUnitAccess } from "../../access/access.ts";
import { appendAudit } from "../../audit/audit-log.repository.ts";
import type {
  Database,
  DvkModelRow,
  DvkModelYearRow,
  ModelDetailsJson,
  ModelStatusValue,
} from "../../db/database.ts";
import { WatchedCache } from "../../db/revision-cache.ts";
import type { RevisionWatcher } from "../../db/revision-watcher.ts";
import { todayInVietnam } from "../../domain/dates.ts";
import {
  assess,
  BUILT_IN_FIELDS,
  type CriteriaSet,
  EXAMPLE_CRITERIA,
  EXAMPLE_CRITERIA_SOURCE,
  likelyDuplicates,
  type ModelKind,
  type ModelStatus,
  STEP_ACTOR,
  stepProblem,
} from "../../domain/dvk-models.ts";
import { AppError, errors } from "../../errors.ts";
import { bodyById } from "../bodies/bodies.service.ts";
import { numberById } from "../documents/documents.service.ts";
import * as repo from "./models.repository.ts";

type Db = Kysely<Database>;

/** At start-up: the four fields and the example criteria sets, where missing. */
export async function ensureBuiltInModelData(db: Db): Promise<void> {
  await repo.insertMissingFields(db, BUILT_IN_FIELDS);
  await repo.insertMissingCriteria(
    db,
    EXAMPLE_CRITERIA.map((s) => ({ ...s, source: EXAMPLE_CRITERIA_SOURCE })),
  );
}

export async function listFields(db: Db, auth: Auth | null) {
  requirePermission(auth, "unit.read");
  return {
    items: (await repo.listFields(db)).map((f) => ({ code: f.code, nameVi: f.name_vi, nameEn: f.name_en })),
  };
}

/** The criteria a province assesses its models by: its own set for each kind, else the example set. */
async function criteriaFor(
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

// ---- registration ------------------------------------------------------------------------------------------

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

export async function registerModel(db: Db, auth: Auth | null, input: ModelInput) {
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
  await registryChanged(db);
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
  await registryChanged(db);
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
export async function stepModel(db: Db, auth: Auth | null, id: number, year: number, input: StepInput) {
  const { a, model } = await requireModel(db, auth, id);
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
  await registryChanged(db);
  return done;
}

async function issuerPathOf(db: Db, bodyId: number): Promise<string[] | null> {
  const body = await bodyById(db, bodyId);
  return body ? unitPath(db, body.unit_code) : null;
}

// ---- counts ------------------------------------------------------------------------------------------------

/** The totals under a unit in a year: what a consolidated report reads ("2.011 mô hình, trong đó 1.354 …"). */
export async function modelCounts(db: Db, auth: Auth | null, q: { unit: string; year?: number }) {
  const path = await requireUnitAccess(db, auth, "unit.read", q.unit);
  const year = q.year ?? Number(todayInVietnam().slice(0, 4));
  const rows = await repo.counts(db, q.unit, path.length, year);
  const zero = () => ({ total: 0, new: 0, kept: 0, recognised: 0, exemplary: 0 });
  const add = (t: repo.ModelCounts, r: repo.ModelCounts) => {
    t.total += r.total;
    t.new += r.new;
    t.kept += r.kept;
    t.recognised += r.recognised;
    t.exemplary += r.exemplary;
  };
  const total = zero();
  const byField = new Map<string, repo.ModelCounts>();
  const byKind = new Map<string, repo.ModelCounts>();
  const byUnit = new Map<string, repo.ModelCounts>();
  for (const r of rows) {
    add(total, r);
    for (const [m, k] of [
      [byField, r.field_code],
      [byKind, r.kind],
      [byUnit, r.child ?? q.unit],
    ] as const) {
      const t = m.get(k) ?? zero();
      add(t, r);
      m.set(k, t);
    }
  }
  const list = (m: Map<string, repo.ModelCounts>) => [...m].map(([code, c]) => ({ code, ...c }));
  return { unit: q.unit, year, ...total, byField: list(byField), byKind: list(byKind), byUnit: list(byUnit) };
}

/** Each unit's registry counts per year, kept while the fed revision stands (see add-fed-revision). */
const countsKept = new WatchedCache<Awaited<ReturnType<typeof readRegistryCounts>>>();

/** Lets `registryCounts` keep its answers while `watcher` (channel fed_revision) says nothing changed. */
export function watchRegistry(db: Db, watcher: RevisionWatcher): void {
  countsKept.watch(db, watcher);
}

/** After a change to the registry in this process: the reports it feeds see it on their next read. */
export async function registryChanged(db: Db): Promise<void> {
  await countsKept.refresh(db);
}

/**
 * The registry's counts under a unit in a year by field and kind, with the fields' names: what a report's
 * model indicators are filled from (reporting.service fedFor), so nobody types them. Null while the unit's
 * province keeps no model in the registry for that year: until a province starts using it, its units type
 * their counts as before (and once it does, every unit's count comes from the registry, zeros included, so
 * the province's consolidated totals add up). Shared answers: read them, never change them.
 */
export function registryCounts(db: Db, unitCode: string, provinceCode: string, year: number) {
  return countsKept.get(db, `${unitCode}|${provinceCode}|${year}`, () =>
    readRegistryCounts(db, unitCode, provinceCode, year),
  );
}

async function readRegistryCounts(db: Db, unitCode: string, provinceCode: string, year: number) {
  if (!(await repo.provinceHasModels(db, provinceCode, year))) return null;
  const [rows, fields] = await Promise.all([repo.counts(db, unitCode, 1, year), repo.listFields(db)]);
  return { rows, fieldNames: new Map(fields.map((f) => [f.code, f.name_vi])) };
}
