/**
 * Report requests and submissions (the consolidation is in consolidation.service.ts, the
 * dashboards in dashboards.service.ts). A request names a form version, a
 * period and its targets (units of one level below the issuer, optionally the bodies of one kind in them);
 * each target gets one submission. Accepting a submission adds its numbers to every unit on its rollup path in
 * the same transaction (today's units, and for periods before 01/07/2025 the historic district and province
 * too, through the successor links), so consolidated totals are current the moment it commits.
 * @module
 */
import type { Kysely } from "kysely";
import {
  type Auth,
  coversPath,
  requirePermission,
  requireUnitAccess,
  scopeCodes,
} from "../../access/access.ts";
import type { Permission } from "../../access/permissions.ts";
import { appendAudit } from "../../audit/audit-log.repository.ts";
import type {
  Database,
  IndicatorRow,
  ReportFormRow,
  ReportRequestRow,
  SubmissionNarrative,
  SubmissionRow,
  SubmissionValues,
  UnitLevel,
  UnitRow,
} from "../../db/database.ts";
import { isWithin, todayInVietnam } from "../../domain/dates.ts";
import { divide } from "../../domain/decimal.ts";
import { plainFormName } from "../../domain/document-text.ts";
import { FED_INDICATORS, fedValues } from "../../domain/dvk-models.ts";
import { checkValue, type IndicatorType } from "../../domain/indicators.ts";
import { parseNarrative } from "../../domain/narrative.ts";
import {
  adHocPeriod,
  type Period,
  PeriodError,
  parsePeriod,
  periodLabelVi,
  previousPeriodCode,
} from "../../domain/periods.ts";
import { formCombos, formIndicators } from "../../domain/report-forms.ts";
import { proposeDeadlines } from "../../domain/reporting-regime.ts";
import {
  needsLateReason,
  nextStatus,
  type SubmissionAction,
  type Timeliness,
  timeliness,
} from "../../domain/submission-workflow.ts";
import { breakdownMessage, checkBreakdowns, checkRule, isOutlier } from "../../domain/validation-rules.ts";
import { AppError, errors } from "../../errors.ts";
import { bodyById } from "../bodies/bodies.service.ts";
import { loadWorkingCalendar } from "../calendar/calendar.service.ts";
import { EVALUATION_FED, evaluationValues } from "../evaluations/evaluations.service.ts";
import { requireForm, toFormDto } from "../forms/forms.service.ts";
import { catalogue as indicatorCatalogue } from "../indicators/catalogue.ts";
import { registryCounts } from "../models/models.service.ts";
import * as unitService from "../units/units.service.ts";
import { predecessors } from "../units/units.service.ts";
import * as repo from "./reporting.repository.ts";
import * as rollup from "./rollup.repository.ts";
import { recount } from "./rollup.service.ts";

type Db = Kysely<Database>;

const LEVEL_RANK: Record<UnitLevel, number> = { province: 0, district: 1, commune: 2, hamlet: 3 };
const MAX_STEPS = 6;

export function periodOf(input: PeriodInput): Period {
  try {
    return "code" in input ? parsePeriod(input.code) : adHocPeriod(input.start, input.end, input.cutoff);
  } catch (e) {
    if (e instanceof PeriodError) throw errors.badRequest(e.messageVi, e.message, { field: "period" });
    throw e;
  }
}

export type PeriodInput =
  | { code: string }
  | { start: string; end: string; cutoff?: { from: string; to: string } };

const vnDate = (d: Date | null) => (d ? todayInVietnam(d) : null);

// ---- deadlines -------------------------------------------------------------------------------------------

export async function proposeDeadline(db: Db, auth: Auth | null, q: { period: string; level: UnitLevel }) {
  requirePermission(auth, "unit.read");
  const period = periodOf({ code: q.period });
  const levels = proposeDeadlines(period, q.level, await loadWorkingCalendar(db));
  return {
    period: { ...period, labelVi: periodLabelVi(period) },
    deadline: levels[0]?.deadline ?? period.cutoffTo,
    levels,
  };
}

// ---- requests --------------------------------------------------------------------------------------------

export interface CreateRequestInput {
  issuerUnitCode: string;
  issuerBodyId?: number;
  formId: number;
  period: PeriodInput;
  referenceNo?: string;
  title?: string;
  targetLevel: UnitLevel;
  targetBodyKind?: string;
  deadline?: string;
  reminderDays?: number;
}

/** Where each historic unit's values go today: its successors' paths, and whether a link was partial. */
async function remapToToday(
  db: Db,
  units: UnitRow[],
  today: string,
): Promise<Map<number, { path: string[]; owners: string[]; partial: boolean; provinceCode: string }>> {
  const out = new Map<
    number,
    { path: Set<string>; owners: Set<string>; partial: boolean; provinceCode: string }
  >();
  type Step = { origin: number; unit: UnitRow; partial: boolean };
  let frontier: Step[] = units.map((u) => ({ origin: u.id, unit: u, partial: false }));
  for (let step = 0; step <= MAX_STEPS && frontier.length; step++) {
    const moving: Step[] = [];
    for (const f of frontier) {
      if (isWithin(today, f.unit.valid_from, f.unit.valid_to)) {
        const o = out.get(f.origin) ?? {
          path: new Set<string>(),
          owners: new Set<string>(),
          partial: false,
          provinceCode: f.unit.province_code,
        };
        for (const c of [...f.unit.ancestors, f.unit.code]) o.path.add(c);
        o.owners.add(f.unit.code);
        o.partial ||= f.partial;
        out.set(f.origin, o);
      } else moving.push(f);
    }
    if (moving.length === 0 || step === MAX_STEPS) break;
    const links = await unitService.linksFrom(db, [...new Set(moving.map((m) => m.unit.id))]);
    const next = new Map(
      (await unitService.unitsByIds(db, [...new Set(links.map((l) => l.successor_id))])).map((u) => [
        u.id,
        u,
      ]),
    );
    frontier = moving.flatMap((m) =>
      links
        .filter((l) => l.predecessor_id === m.unit.id)
        .flatMap((l) => {
          const unit = next.get(l.successor_id);
          return unit ? [{ origin: m.origin, unit, partial: m.partial || l.kind === "partial" }] : [];
        }),
    );
  }
  return new Map(
    [...out].map(([k, v]) => [
      k,
      { path: [...v.path], owners: [...v.owners], partial: v.partial, provinceCode: v.provinceCode },
    ]),
  );
}

const LEVEL_VI: Record<UnitLevel, string> = {
  province: "tỉnh",
  district: "huyện",
  commune: "xã",
  hamlet: "thôn",
};
const LEVEL_EN: Record<UnitLevel, string> = {
  province: "province",
  district: "district",
  commune: "commune",
  hamlet: "hamlet",
};

/**
 * What a request would be: its issuer (checked), form, period and targets (units of the level below it as
 * they were at the period's end, remapped to today's units; or the bodies of one kind in them).
 */
async function resolveTargets(db: Db, auth: Auth | null, input: CreateRequestInput) {
  const issuerPath = await requireUnitAccess(db, auth, "report.request", input.issuerUnitCode);
  const form = await requireForm(db, input.formId);
  const period = periodOf(input.period);
  if (!form.levels.includes(input.targetLevel)) {
    throw errors.badRequest(
      `Biểu mẫu này không dành cho cấp ${LEVEL_VI[input.targetLevel]}`,
      `This form is not filled at the ${LEVEL_EN[input.targetLevel]} level`,
      { field: "targetLevel", allowed: form.levels },
    );
  }
  const today = todayInVietnam();
  // targets as they were at the period's end (today's units for a period still running)
  const asOf = [period.end, today].sort()[0] as string;
  const issuerNow = await unitService.unitAt(db, input.issuerUnitCode, today);
  if (!issuerNow) throw errors.notFoundOrForbidden(input.issuerUnitCode);
  if (LEVEL_RANK[input.targetLevel] <= LEVEL_RANK[issuerNow.level]) {
    throw errors.badRequest(
      "Đối tượng báo cáo phải là cấp dưới của đơn vị yêu cầu",
      "Targets must be below the requesting unit",
      { field: "targetLevel" },
    );
  }
  if (input.issuerBodyId !== undefined) {
    const body = await bodyById(db, input.issuerBodyId);
    if (body?.unit_code !== input.issuerUnitCode)
      throw errors.badRequest("Cơ quan yêu cầu không thuộc đơn vị này", "The body is not in this unit", {
        field: "issuerBodyId",
      });
  }
  // the units the issuer was made of on the period's date (itself when it already existed then)
  const issuerCodes = new Set<string>();
  if (isWithin(asOf, issuerNow.valid_from, issuerNow.valid_to)) issuerCodes.add(issuerNow.code);
  else {
    for (const p of (await predecessors(db, auth, issuerNow.code, today)).predecessors) {
      if (isWithin(asOf, p.unit.validFrom, p.unit.validTo)) issuerCodes.add(p.unit.code);
    }
  }
  const units = issuerCodes.size ? await repo.targetUnits(db, [...issuerCodes], input.targetLevel, asOf) : [];
  const remap = await remapToToday(
    db,
    units.filter((u) => !isWithin(today, u.valid_from, u.valid_to)),
    today,
  );
  let targets = units.map((u) => {
    const own = [...u.ancestors, u.code];
    const m = remap.get(u.id);
    return {
      unit_code: u.code,
      unit_id: u.id,
      body_id: null as number | null,
      province_code: m?.provinceCode ?? u.province_code,
      rollup_path: m ? [...new Set([...own, ...m.path])] : own,
      owner_codes: [...new Set([u.code, ...(m?.owners ?? [])])],
      partial: m?.partial ?? false,
    };
  });
  if (input.targetBodyKind) {
    const bodies = await repo.bodiesOfKind(
      db,
      units.map((u) => u.code),
      input.targetBodyKind,
      asOf,
    );
    const byUnit = new Map(targets.map((t) => [t.unit_code, t]));
    targets = bodies.flatMap((b) => {
      const t = byUnit.get(b.unit_code);
      return t ? [{ ...t, body_id: b.id }] : [];
    });
  }
  if (targets.length === 0) {
    throw errors.badRequest("Không có đơn vị nào thuộc đối tượng báo cáo", "No unit matches the targets", {
      field: "targetLevel",
    });
  }
  return { issuerPath, form, period, issuerNow, targets };
}

/**
 * The requests of the same series (form, period, target body kind) that already ask some of the same units:
 * what the requester is warned of before issuing another (the totals count each unit's latest accepted
 * report, whichever request carried it). A request the user may not read is named by its issuer only.
 */
async function overlapsOf(
  db: Db,
  a: Auth,
  q: { formCode: string; periodCode: string; bodyKind: string; unitCodes: string[] },
) {
  const today = todayInVietnam();
  const rows = await repo.overlappingRequests(db, q);
  const issuers = new Map<string, string>();
  for (const code of new Set(rows.map((r) => r.issuer_unit_code))) {
    issuers.set(code, (await unitService.unitAt(db, code, today))?.full_name ?? code);
  }
  return rows.map((r) => {
    const readable = coversPath(a, "unit.read", r.issuer_path);
    const counts = countsDto(r, r.deadline, today);
    return {
      id: readable ? r.id : null,
      referenceNo: readable ? r.reference_no : null,
      title: readable ? r.title : null,
      issuerUnitCode: r.issuer_unit_code,
      issuerName: issuers.get(r.issuer_unit_code) ?? r.issuer_unit_code,
      deadline: r.deadline,
      shared: r.shared,
      expected: counts.expected,
      submitted: counts.submitted,
      accepted: counts.accepted,
      open: today <= r.deadline || counts.accepted < counts.expected,
    };
  });
}

/** Before issuing: the requests that already ask the same units for the same form and period. */
export async function requestOverlaps(db: Db, auth: Auth | null, input: CreateRequestInput) {
  const { form, period, targets } = await resolveTargets(db, auth, input);
  return {
    targets: targets.length,
    items: await overlapsOf(db, auth as Auth, {
      formCode: form.code,
      periodCode: period.code,
      bodyKind: input.targetBodyKind ?? "",
      unitCodes: [...new Set(targets.map((t) => t.unit_code))],
    }),
  };
}

export async function createRequest(
  db: Db,
  auth: Auth | null,
  input: CreateRequestInput & { allowOverlap?: boolean },
) {
  const { issuerPath, form, period, issuerNow, targets } = await resolveTargets(db, auth, input);
  const a = auth as Auth;
  if (!input.allowOverlap) {
    const overlaps = await overlapsOf(db, a, {
      formCode: form.code,
      periodCode: period.code,
      bodyKind: input.targetBodyKind ?? "",
      unitCodes: [...new Set(targets.map((t) => t.unit_code))],
    });
    if (overlaps.length) {
      throw new AppError(
        409,
        "request_overlaps",
        `Đã có ${overlaps.length} yêu cầu cùng biểu mẫu, kỳ báo cáo và đơn vị báo cáo. Số liệu tổng hợp lấy báo cáo được tiếp nhận mới nhất của mỗi đơn vị, dù theo yêu cầu nào. Xác nhận nếu vẫn muốn giao thêm yêu cầu.`,
        `${overlaps.length} request(s) already ask the same units for this form and period. Totals count each unit's latest accepted report, whichever request carried it. Confirm to issue another one anyway.`,
        { overlaps },
      );
    }
  }
  const levels = proposeDeadlines(period, input.targetLevel, await loadWorkingCalendar(db));
  const deadline = input.deadline ?? levels[0]?.deadline ?? period.cutoffTo;
  if (deadline <= period.cutoffTo) {
    throw errors.badRequest(
      "Hạn báo cáo phải sau ngày chốt số liệu ít nhất 1 ngày làm việc (NĐ 09/2019, Điều 8)",
      "The deadline must be at least one working day after the cut-off (Decree 09/2019, Art. 8)",
      { field: "deadline", cutoffTo: period.cutoffTo },
    );
  }
  return db.transaction().execute(async (trx) => {
    const request = await repo.insertRequest(trx, {
      issuer_unit_code: input.issuerUnitCode,
      issuer_body_id: input.issuerBodyId ?? null,
      issuer_path: issuerPath,
      province_code: issuerNow.province_code,
      form_id: form.id,
      form_code: form.code,
      period_code: period.code,
      period_type: period.type,
      previous_period_code: previousPeriodCode(period),
      period_start: period.start,
      period_end: period.end,
      cutoff_from: period.cutoffFrom,
      cutoff_to: period.cutoffTo,
      reference_no: input.referenceNo ?? null,
      // the report's name, not how its form was chosen: "(đề cương Tháp Mười)" stays on the form
      title: input.title ?? `${plainFormName(form.name_vi)} – ${periodLabelVi(period)}`,
      target_level: input.targetLevel,
      target_body_kind: input.targetBodyKind ?? null,
      deadline,
      level_deadlines: JSON.stringify(levels),
      reminder_days: input.reminderDays ?? 2,
      issued_by: a.userId,
    });
    await repo.insertSubmissions(
      trx,
      targets.map((t) => ({ ...t, request_id: request.id })),
    );
    await appendAudit(trx, {
      actorId: a.userId,
      actorName: a.username,
      action: "request.create",
      entity: "report_request",
      entityId: String(request.id),
      unitCode: request.issuer_unit_code,
      scope: issuerPath,
      before: null,
      after: { ...toRequestDto(request), targets: targets.length },
    });
    return { ...toRequestDto(request), expected: targets.length };
  });
}

export function toRequestDto(r: ReportRequestRow) {
  return {
    id: r.id,
    issuerUnitCode: r.issuer_unit_code,
    issuerBodyId: r.issuer_body_id,
    formId: r.form_id,
    periodCode: r.period_code,
    periodType: r.period_type,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    cutoffFrom: r.cutoff_from,
    cutoffTo: r.cutoff_to,
    referenceNo: r.reference_no,
    title: r.title,
    targetLevel: r.target_level,
    targetBodyKind: r.target_body_kind,
    deadline: r.deadline,
    levelDeadlines: r.level_deadlines,
    reminderDays: r.reminder_days,
    issuedAt: r.issued_at.toISOString(),
    version: r.version,
  };
}

function countsDto(c: repo.StatusCounts, deadline: string, today: string) {
  // missing = never sent by a passed deadline (a returned report was sent: it counts as on time or late)
  const missing = today > deadline ? c.expected - c.on_time - c.late : 0;
  return {
    expected: c.expected,
    submitted: c.submitted,
    accepted: c.accepted,
    returned: c.returned,
    onTime: c.on_time,
    late: c.late,
    missing,
    completeness: c.expected ? divide(String(c.submitted * 100), String(c.expected), 2) : "0",
  };
}

export async function listIssuedRequests(db: Db, auth: Auth | null) {
  const a = requirePermission(auth, "unit.read");
  const today = todayInVietnam();
  const rows = await repo.listIssuedRequests(db, scopeCodes(a, "unit.read"), 200);
  return { items: rows.map((r) => ({ ...toRequestDto(r), counts: countsDto(r, r.deadline, today) })) };
}

export async function requireRequest(
  db: Db,
  auth: Auth | null,
  id: number,
  permission: Permission = "unit.read",
) {
  const a = requirePermission(auth, permission);
  const r = await repo.findRequest(db, id);
  if (!r || !coversPath(a, permission, r.issuer_path)) throw errors.notFoundOrForbidden(String(id));
  return r;
}

function submissionListDto(s: repo.SubmissionListRow, deadline: string, today: string) {
  const on = vnDate(s.first_submitted_at);
  return {
    id: s.id,
    unitCode: s.unit_code,
    unitName: s.unit_name,
    unitLevel: s.unit_level,
    bodyId: s.body_id,
    bodyName: s.body_name,
    status: s.status,
    partial: s.partial,
    timeliness: timeliness(deadline, on, today) as Timeliness,
    lateReason: s.late_reason,
    comment: s.comment,
    firstSubmittedAt: s.first_submitted_at?.toISOString() ?? null,
    submittedAt: s.submitted_at?.toISOString() ?? null,
    acceptedAt: s.accepted_at?.toISOString() ?? null,
    version: s.version,
  };
}

export async function getRequest(db: Db, auth: Auth | null, id: number) {
  const r = await requireRequest(db, auth, id);
  const today = todayInVietnam();
  const [subs, elsewhere] = await Promise.all([
    repo.listSubmissionsOfRequest(db, id),
    rollup.countedOfTargets(db, id),
  ]);
  const countedIn = new Map(
    elsewhere
      .filter((e) => e.request_id !== id)
      .map((e) => [
        e.target_id,
        { requestId: e.request_id, referenceNo: e.reference_no, submissionId: e.counted_id },
      ]),
  );
  const targets = subs.map((s) => ({
    ...submissionListDto(s, r.deadline, today),
    counted: s.counted,
    countedIn: countedIn.get(s.id) ?? null,
  }));
  const count = (f: (t: (typeof targets)[number]) => boolean) => targets.filter(f).length;
  const counts = countsDto(
    {
      expected: targets.length,
      submitted: count((t) => t.status === "submitted" || t.status === "accepted"),
      accepted: count((t) => t.status === "accepted"),
      returned: count((t) => t.status === "returned"),
      on_time: count((t) => t.timeliness === "on_time"),
      late: count((t) => t.timeliness === "late"),
    },
    r.deadline,
    today,
  );
  return {
    ...toRequestDto(r),
    form: toFormDto(await requireForm(db, r.form_id)),
    counts,
    targets,
  };
}

export async function inbox(db: Db, auth: Auth | null, q: { status?: SubmissionRow["status"][] }) {
  const a = requirePermission(auth, "unit.read");
  const scope = scopeCodes(a, "report.fill");
  const today = todayInVietnam();
  if (scope !== null && scope.length === 0) return { items: [] };
  const statuses = q.status?.length ? q.status : (["not_started", "draft", "returned", "submitted"] as const);
  const rows = await repo.listInbox(db, scope, [...statuses], 300);
  return {
    items: rows.map((s) => ({
      ...submissionListDto(s, s.deadline, today),
      requestId: s.request_id,
      title: s.title,
      periodCode: s.period_code,
      deadline: s.deadline,
      referenceNo: s.reference_no,
      issuerUnitCode: s.issuer_unit_code,
      issuerName: s.issuer_name,
    })),
  };
}

// ---- submissions -----------------------------------------------------------------------------------------

interface Loaded {
  sub: SubmissionRow;
  unitName: string;
  request: ReportRequestRow;
  form: ReportFormRow;
  /** The unit's values for the same period a year earlier (read with the submission), if it reported them. */
  previous: Previous;
}

async function load(db: Db, auth: Auth | null, id: number): Promise<Loaded & { auth: Auth }> {
  const a = requirePermission(auth, "unit.read");
  const found = await repo.findSubmission(db, id);
  const request = found?.request;
  if (
    !found ||
    !request ||
    !(
      coversPath(a, "unit.read", found.rollup_path, found.body_id ?? undefined) ||
      coversPath(a, "unit.read", request.issuer_path)
    )
  ) {
    throw errors.notFoundOrForbidden(String(id));
  }
  const { unit_name: unitName, request: _request, previous_values, ...sub } = found;
  const previous =
    previous_values && request.previous_period_code
      ? { periodCode: request.previous_period_code, values: previous_values }
      : null;
  return { auth: a, sub, unitName, request, form: await requireForm(db, request.form_id), previous };
}

/** The permission an action needs, and on which path (the target's own, or the requester's). */
function allow(a: Auth, l: Loaded, action: SubmissionAction) {
  const ok =
    action === "save" || action === "submit"
      ? coversPath(a, "report.fill", l.sub.rollup_path, l.sub.body_id ?? undefined)
      : coversPath(a, action === "unlock" ? "report.unlock" : "report.review", l.request.issuer_path);
  if (!ok) throw errors.forbidden();
}

function submissionDto(l: Loaded, today: string) {
  const { sub, request } = l;
  return {
    id: sub.id,
    requestId: request.id,
    unitCode: sub.unit_code,
    bodyId: sub.body_id,
    status: sub.status,
    partial: sub.partial,
    values: sub.values,
    narrative: sub.narrative,
    lateReason: sub.late_reason,
    comment: sub.comment,
    timeliness: timeliness(request.deadline, vnDate(sub.first_submitted_at), today) as Timeliness,
    firstSubmittedAt: sub.first_submitted_at?.toISOString() ?? null,
    submittedAt: sub.submitted_at?.toISOString() ?? null,
    acceptedAt: sub.accepted_at?.toISOString() ?? null,
    updatedAt: sub.updated_at.toISOString(),
    version: sub.version,
  };
}

/** The form's indicators from the catalogue, in the form's order. */
export async function catalogueFor(db: Db, form: ReportFormRow) {
  return catalogueOf(await indicatorCatalogue(db), form);
}

/** Per catalogue (it is held while its revision stands) and per form version (held by requireForm). */
const catalogues = new WeakMap<
  readonly IndicatorRow[],
  WeakMap<ReportFormRow, ReadonlyMap<string, IndicatorRow>>
>();

export function catalogueOf(
  indicators: readonly IndicatorRow[],
  form: ReportFormRow,
): ReadonlyMap<string, IndicatorRow> {
  let byForm = catalogues.get(indicators);
  if (!byForm) {
    byForm = new WeakMap();
    catalogues.set(indicators, byForm);
  }
  const held = byForm.get(form);
  if (held) return held;
  const all = new Map(indicators.map((i) => [i.code, i]));
  const out = new Map(
    formIndicators({ sections: form.sections }).flatMap((code) => {
      const i = all.get(code);
      return i ? [[code, i] as const] : [];
    }),
  );
  byForm.set(form, out);
  return out;
}

type Fed = Awaited<ReturnType<typeof fedFor>>;

/**
 * The figures a registry holds for indicators of the form, for the period's year (its end): the model counts
 * of the "Dân vận khéo" registry under the reporting unit (once the province keeps its models there that
 * year: see models.service registryCounts) and the unit's published dân vận chính quyền result (score, band,
 * rank, PAR Index and SIPAS ranks). Shown beside what the report says, with the difference, for the unit to
 * take them in one action; never written over what it typed. Null when none applies.
 */
async function fedFor(db: Db, l: Loaded) {
  const onForm = formIndicators({ sections: l.form.sections });
  const modelCodes = onForm.filter((c) => c in FED_INDICATORS);
  const evaluationCodes = onForm.filter((c) => (EVALUATION_FED as readonly string[]).includes(c));
  if (modelCodes.length === 0 && evaluationCodes.length === 0) return null;
  const year = Number(l.request.period_end.slice(0, 4));
  // the two sources are asked at the same time (one round trip, not two)
  const [models, evaluation] = await Promise.all([
    modelCodes.length
      ? Promise.all([
          catalogueFor(db, l.form),
          registryCounts(db, l.sub.unit_code, l.sub.province_code, year),
        ])
      : null,
    evaluationCodes.length ? evaluationValues(db, l.sub.unit_code, year, evaluationCodes) : null,
  ]);
  const values: SubmissionValues = {};
  if (models?.[1]) {
    const [catalogue, counts] = models;
    Object.assign(values, fedValues(counts.rows, counts.fieldNames, combosOfForm(catalogue, l.form)));
  }
  if (evaluation) Object.assign(values, evaluation);
  const codes = Object.keys(values);
  return codes.length ? { codes, year, values } : null;
}

/** The totals of a set of values (kept with it: a submit checks them, then answers with the same checks). */
const totalsHeld = new WeakMap<SubmissionValues, Record<string, string | undefined>>();
function totalsOf(values: SubmissionValues): Record<string, string | undefined> {
  let out = totalsHeld.get(values);
  if (!out) {
    out = {};
    for (const code in values) out[code] = values[code]?.[""];
    totalsHeld.set(values, out);
  }
  return out;
}

/** The indicators of a form whose breakdowns must add up (counts summed over units), per form version. */
const additiveHeld = new WeakMap<ReadonlyMap<string, IndicatorRow>, ReadonlySet<string>>();
function additiveOf(catalogue: ReadonlyMap<string, IndicatorRow>): ReadonlySet<string> {
  let held = additiveHeld.get(catalogue);
  if (!held) {
    held = new Set([...catalogue.values()].filter((i) => i.aggregation === "sum").map((i) => i.code));
    additiveHeld.set(catalogue, held);
  }
  return held;
}

/**
 * Rule outcomes, breakdowns that cannot be and outliers for a set of values (the same checks the web runs
 * while typing).
 */
function checks(
  form: ReportFormRow,
  catalogue: ReadonlyMap<string, IndicatorRow>,
  values: SubmissionValues,
  previous: SubmissionValues | null,
) {
  const breakdowns = checkBreakdowns(values, combosOfForm(catalogue, form), additiveOf(catalogue)).map(
    (p) => {
      const ind = catalogue.get(p.indicator);
      return {
        ...p,
        ...breakdownMessage(p, { vi: ind?.name_vi ?? p.indicator, en: ind?.name_en ?? p.indicator }),
      };
    },
  );
  const totals = totalsOf(values);
  const rules = form.rules.map((r, i) => ({ index: i, rule: r, outcome: checkRule(r, totals) }));
  const outliers = previous
    ? Object.entries(totals).flatMap(([code, v]) => {
        const p = previous[code]?.[""];
        if (
          v === undefined ||
          v === "" ||
          p === undefined ||
          Number.isNaN(Number(v)) ||
          Number.isNaN(Number(p))
        )
          return [];
        return isOutlier(p, v, form.outlier_percent) ? [{ indicator: code, previous: p, current: v }] : [];
      })
    : [];
  return {
    breakdowns,
    violations: rules
      .filter((r) => r.outcome.status === "violated")
      .map((r) => ({
        index: r.index,
        severity: r.rule.severity,
        messageVi: r.rule.messageVi,
        messageEn: r.rule.messageEn,
        left: r.outcome.status === "violated" ? r.outcome.left : "",
        right: r.outcome.status === "violated" ? r.outcome.right : "",
      })),
    outliers,
  };
}

type Previous = { periodCode: string; values: SubmissionValues } | null;
type Sources = { fed: Fed; previous: Previous; catalogue: ReadonlyMap<string, IndicatorRow> };

/**
 * What a page or a write needs besides the submission itself: the fed values (asked before a write, which
 * stores them, and answered with it), and the previous period's values, read with the submission.
 */
async function sourcesOf(db: Db, l: Loaded): Promise<Sources> {
  const [fed, catalogue] = await Promise.all([fedFor(db, l), catalogueFor(db, l.form)]);
  return { fed, previous: l.previous, catalogue };
}

export async function getSubmission(db: Db, auth: Auth | null, id: number) {
  const l = await load(db, auth, id);
  const [detail, catalogue] = await Promise.all([detailOf(db, l), catalogueFor(db, l.form)]);
  return { ...detail, form: toFormDto(l.form), indicators: [...catalogue.values()].map(indicatorDto) };
}

function indicatorDto(i: IndicatorRow) {
  return {
    code: i.code,
    nameVi: i.name_vi,
    nameEn: i.name_en,
    type: i.type,
    unitOfMeasure: i.unit_of_measure,
    aggregation: i.aggregation,
    categories: i.categories,
    maxValue: i.max_value,
  };
}

/**
 * The data-entry page (with its form and indicators added by getSubmission): the submission's state, and what
 * stays the same while it is filled in (its unit, its request, the previous period's values).
 */
async function detailOf(db: Db, l: Loaded & { auth: Auth }) {
  const sources = await sourcesOf(db, l);
  return {
    ...stateOf(l, sources),
    unitName: l.unitName,
    request: toRequestDto(l.request),
    previous: sources.previous,
  };
}

/**
 * What a write answers: the submission's state after it (status, version, values as stored, checks, what the
 * user may do next). The page has the rest already, and a write does not change it: an autosave every few
 * seconds from a commune's connection, or a deadline burst, gets back only what it changed.
 */
function stateOf(l: Loaded & { auth: Auth }, { fed, previous, catalogue }: Sources) {
  const today = todayInVietnam();
  return {
    submission: submissionDto(l, today),
    checks: checks(l.form, catalogue, l.sub.values, previous?.values ?? null),
    can: {
      fill: coversPath(l.auth, "report.fill", l.sub.rollup_path, l.sub.body_id ?? undefined),
      review: coversPath(l.auth, "report.review", l.request.issuer_path),
      unlock: coversPath(l.auth, "report.unlock", l.request.issuer_path),
    },
    lateReasonNeeded: l.sub.first_submitted_at === null && needsLateReason(l.request.deadline, today),
    fed,
  };
}

/** The breakdowns of an indicator the form does not break down: the total alone. */
const TOTAL_ONLY: readonly string[] = [""];

/** The field path of an entered value in a validation error ("values.CODE.total"). */
const valueField = (code: string, combo: string) => `values.${code}.${combo || "total"}`;

/** The breakdowns each indicator of the form takes, per form version (its catalogue is held per version). */
const combosHeld = new WeakMap<ReadonlyMap<string, IndicatorRow>, ReadonlyMap<string, string[]>>();
function combosOfForm(catalogue: ReadonlyMap<string, IndicatorRow>, form: ReportFormRow) {
  let held = combosHeld.get(catalogue);
  if (!held) {
    held = formCombos(form, (code) => catalogue.get(code)?.categories);
    combosHeld.set(catalogue, held);
  }
  return held;
}

/**
 * Checks entered values against the form and the catalogue; every problem at once, as field paths. Values are
 * kept in their canonical form ("1.50" → "1.5", blanks dropped). Usually they are typed that way already:
 * then the input itself is the answer and nothing is copied (a deadline burst checks 60 values of 200
 * reports at once, and every copy is garbage the server must collect while the reports wait).
 */
async function cleanValues(db: Db, form: ReportFormRow, raw: Record<string, Record<string, string>>) {
  const catalogue = await catalogueFor(db, form);
  const combosOf = combosOfForm(catalogue, form);
  const problems: { field: string; messageVi: string; messageEn: string }[] = [];
  let asTyped = true;
  // plain loops: no closures or arrays per value
  for (const code in raw) {
    const combos = raw[code] as Record<string, string>;
    const ind = catalogue.get(code);
    if (!ind) {
      problems.push({
        field: `values.${code}`,
        messageVi: `Chỉ tiêu ${code} không có trong biểu mẫu`,
        messageEn: `${code} is not on the form`,
      });
      continue;
    }
    const allowed = combosOf.get(code) ?? TOTAL_ONLY;
    let kept = false;
    for (const combo in combos) {
      const value = combos[combo] as string;
      if (!allowed.includes(combo)) {
        problems.push({
          field: valueField(code, combo),
          messageVi: `Phân tổ không hợp lệ: ${combo}`,
          messageEn: `Unknown breakdown: ${combo}`,
        });
        continue;
      }
      if (value.trim() === "") {
        asTyped = false;
        continue;
      }
      const c = checkValue(ind.type as IndicatorType, value, ind.max_value);
      if (!c.ok) {
        problems.push({
          field: valueField(code, combo),
          messageVi: c.messageVi,
          messageEn: c.messageEn,
        });
        continue;
      }
      if (c.value !== value) asTyped = false;
      kept = true;
    }
    if (!kept) asTyped = false;
  }
  if (problems.length) throw errors.validation(problems);
  if (asTyped) return raw as SubmissionValues;
  // something to drop or to write canonically: a copy (every value checked above)
  const out: SubmissionValues = {};
  for (const code in raw) {
    const combos = raw[code] as Record<string, string>;
    const ind = catalogue.get(code) as IndicatorRow;
    let kept: Record<string, string> | undefined;
    for (const combo in combos) {
      const value = combos[combo] as string;
      if (value.trim() === "") continue;
      const c = checkValue(ind.type as IndicatorType, value, ind.max_value);
      if (c.ok) {
        kept ??= {};
        kept[combo] = c.value;
      }
    }
    if (kept) out[code] = kept;
  }
  return out;
}

export function cleanNarrative(form: ReportFormRow, raw: Record<string, string>): SubmissionNarrative {
  const keys = new Set(form.sections.filter((s) => s.kind === "narrative").map((s) => s.key));
  const bad = Object.keys(raw).filter((k) => !keys.has(k));
  if (bad.length) {
    throw errors.validation(
      bad.map((k) => ({
        field: `narrative.${k}`,
        messageVi: `Không có mục ${k} để viết`,
        messageEn: `No narrative section ${k}`,
      })),
    );
  }
  return Object.fromEntries(Object.entries(raw).filter(([, v]) => v.trim() !== ""));
}

export interface ContentInput {
  version: number;
  values?: Record<string, Record<string, string>>;
  narrative?: Record<string, string>;
}

async function transition(
  db: Db,
  l: Loaded & { auth: Auth },
  action: SubmissionAction,
  version: number,
  content: Omit<repo.SubmissionStep["set"], "status" | "updated_by" | "values" | "narrative"> & {
    values?: SubmissionValues;
    narrative?: SubmissionNarrative;
  },
  comment: string | null,
) {
  const { values, narrative, ...set } = content;
  allow(l.auth, l, action);
  const to = nextStatus(l.sub.status, action);
  if (!to) {
    throw errors.conflict(
      `Không thể ${ACTION_VI[action]} báo cáo đang ở trạng thái "${l.sub.status}"`,
      `Cannot ${action} a report that is ${l.sub.status}`,
      { status: l.sub.status, currentVersion: l.sub.version },
    );
  }
  if (l.sub.version !== version) throw errors.stale(l.sub.version);
  const step: repo.SubmissionStep = {
    set: {
      ...set,
      ...(values ? { values: JSON.stringify(values) } : {}),
      ...(narrative ? { narrative: JSON.stringify(narrative) } : {}),
      status: to,
      updated_by: l.auth.userId,
    },
    event: action,
    comment,
    actorName: l.auth.username,
    // every step is audited, a draft save too (its content is kept in the report's revisions)
    audit: {
      actorId: l.auth.userId,
      actorName: l.auth.username,
      action: `submission.${action}`,
      entity: "submission",
      entityId: String(l.sub.id),
      unitCode: l.sub.unit_code,
      scope: [...new Set([...l.sub.rollup_path, ...l.request.issuer_path])],
      before: { status: l.sub.status, version: l.sub.version },
      after: { status: to, version: version + 1, comment },
    },
  };
  const write = async (d: Db): Promise<SubmissionRow> => {
    const row = await repo.writeSubmissionStep(d, l.sub.id, version, step);
    if (!row) throw errors.stale(l.sub.version);
    // the statement sends back only what a step changes: the content is what was set, the rest of the row is
    // what was read at this version
    return { ...l.sub, ...row, values: values ?? l.sub.values, narrative: narrative ?? l.sub.narrative };
  };
  // a draft save and a submit are one statement; accepting or unlocking also recounts the totals of the
  // report's series, in one transaction
  if (action !== "accept" && action !== "unlock") return { ...l, sub: await write(db) };
  return db.transaction().execute(async (trx) => {
    const row = await write(trx);
    await recount(trx, [l.sub.id]);
    return { ...l, sub: row };
  });
}

const ACTION_VI: Record<SubmissionAction, string> = {
  save: "lưu",
  submit: "gửi",
  return: "trả lại",
  accept: "tiếp nhận",
  unlock: "mở khóa",
};

/** The indicators whose numbers roll up (numeric, with a rule other than "none"). */
export async function rolledCodes(db: Db, form: ReportFormRow): Promise<string[]> {
  return [...(await catalogueFor(db, form)).values()]
    .filter((i) => i.type !== "text" && i.aggregation !== "none")
    .map((i) => i.code);
}

export async function saveSubmission(db: Db, auth: Auth | null, id: number, input: ContentInput) {
  const l = await load(db, auth, id);
  allow(l.auth, l, "save");
  const typed = input.values ? await cleanValues(db, l.form, input.values) : undefined;
  const narrative = input.narrative ? cleanNarrative(l.form, input.narrative) : undefined;
  // what the unit typed is what it reports: the registry's figures are shown beside it (and taken, when the
  // unit chooses, as values typed like any other), never written over it
  const sources = await sourcesOf(db, l);
  const values = typed;
  const done = await transition(
    db,
    l,
    "save",
    input.version,
    {
      ...(values ? { values } : {}),
      ...(narrative ? { narrative } : {}),
    },
    null,
  );
  return stateOf(done, sources);
}

export async function submitSubmission(
  db: Db,
  auth: Auth | null,
  id: number,
  input: ContentInput & { lateReason?: string },
) {
  const l = await load(db, auth, id);
  allow(l.auth, l, "submit");
  const typed = input.values ? await cleanValues(db, l.form, input.values) : l.sub.values;
  const narrative = input.narrative ? cleanNarrative(l.form, input.narrative) : l.sub.narrative;
  const sources = await sourcesOf(db, l);
  const values = typed;
  const found = checks(l.form, sources.catalogue, values, null);
  const errorsFound = [
    ...found.violations.filter((v) => v.severity === "error"),
    ...found.breakdowns.map((b) => ({ severity: "error" as const, ...b })),
  ];
  if (errorsFound.length) {
    throw new AppError(
      400,
      "validation_rules_failed",
      "Báo cáo chưa đạt các quy tắc kiểm tra; hãy sửa trước khi gửi",
      "The report breaks validation rules; fix them before submitting",
      errorsFound,
    );
  }
  const notes = Object.entries(narrative).flatMap(([key, text]) =>
    parseNarrative(text)
      .problems.filter((p) => p.kind !== "unused_note")
      .map((p) => ({
        field: `narrative.${key}`,
        messageVi: `Chú thích [^${p.label}] ${p.kind === "missing_note" ? "chưa có nội dung" : "bị trùng"}`,
        messageEn: `Footnote [^${p.label}] ${p.kind === "missing_note" ? "has no note" : "is defined twice"}`,
      })),
  );
  if (notes.length) throw errors.validation(notes);
  const today = todayInVietnam();
  const late = l.sub.first_submitted_at === null && needsLateReason(l.request.deadline, today);
  const reason = input.lateReason?.trim() ?? "";
  if (late && reason === "") {
    throw new AppError(
      400,
      "late_reason_required",
      `Đã quá hạn báo cáo (${l.request.deadline.split("-").reverse().join("/")}); hãy nêu lý do gửi chậm`,
      `The deadline (${l.request.deadline}) has passed; give the reason for the late report`,
      { field: "lateReason", deadline: l.request.deadline },
    );
  }
  const done = await transition(
    db,
    l,
    "submit",
    input.version,
    {
      values,
      narrative,
      submitted: true,
      ...(late ? { late_reason: reason } : {}),
    },
    late ? reason : null,
  );
  return stateOf(done, sources);
}

export async function reviewSubmission(
  db: Db,
  auth: Auth | null,
  id: number,
  action: "return" | "accept" | "unlock",
  input: { version: number; comment?: string },
) {
  const l = await load(db, auth, id);
  const comment = input.comment?.trim() ?? "";
  if (action !== "accept" && comment === "") {
    throw errors.badRequest(
      action === "return" ? "Hãy ghi nhận xét khi trả lại báo cáo" : "Hãy nêu lý do mở khóa",
      action === "return" ? "A comment is needed to return a report" : "A reason is needed to unlock",
      { field: "comment" },
    );
  }
  const done = await transition(
    db,
    l,
    action,
    input.version,
    {
      ...(action === "accept"
        ? { accepted: true }
        : { comment, ...(action === "unlock" ? { accepted: false } : {}) }),
    },
    comment || null,
  );
  return stateOf(done, await sourcesOf(db, done));
}

export async function listRevisions(db: Db, auth: Auth | null, id: number) {
  await load(db, auth, id);
  return {
    items: (await repo.listRevisions(db, id)).map((r) => ({
      version: r.version,
      event: r.event,
      status: r.status,
      comment: r.comment,
      actorName: r.actor_name,
      at: r.at.toISOString(),
    })),
  };
}

export async function getRevision(db: Db, auth: Auth | null, id: number, version: number) {
  await load(db, auth, id);
  const r = await repo.findRevision(db, id, version);
  if (!r) throw errors.notFound("phiên bản / version", `${id}@${version}`);
  return {
    version: r.version,
    event: r.event,
    status: r.status,
    comment: r.comment,
    actorName: r.actor_name,
    at: r.at.toISOString(),
    values: r.values,
    narrative: r.narrative,
  };
}
