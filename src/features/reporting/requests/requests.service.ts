/**
 * Report requests. A request names a form version, a period and its targets (units of one level below the
 * issuer, optionally the bodies of one kind in them); each target gets one report to fill. The issuer reads
 * the request with its reports and their timeliness; a unit reads the reports it owes in its inbox.
 * @module
 */

import {
  type Auth,
  coversPath,
  grantBodies,
  requirePermission,
  scopeGrants,
} from "../../../access/access.ts";
import type { Permission } from "../../../access/permissions.ts";
import { appendAudit } from "../../../audit/audit-log.repository.ts";
import type { Db, ReportRequestRow, SubmissionRow } from "../../../db/database.ts";
import type { Kept } from "../../../db/kept.ts";
import { todayInVietnam } from "../../../domain/dates.ts";
import { openingLine, plainFormName } from "../../../domain/document-text.ts";
import { periodLabelVi, previousPeriodCode } from "../../../domain/periods.ts";
import type { UnitLevel } from "../../../domain/report-forms.ts";
import { proposeDeadlines, shiftLevelDeadlines } from "../../../domain/reporting-regime.ts";
import { type Timeliness, timeliness } from "../../../domain/submission-workflow.ts";
import { AppError, errors } from "../../../errors.ts";
import { loadWorkingCalendar } from "../../calendar/calendar.service.ts";
import { requireForm, toFormDto } from "../../forms/forms.service.ts";
import { requireCitablePlan } from "../../plans/plan-citations.service.ts";
import { citedDocumentOf, requireCitableDocument } from "../../registry/registry.service.ts";
import * as unitService from "../../units/units.service.ts";
import * as rollup from "../rollup/rollup.service.ts";
import { answersOf, levelsBeforeOwed, requestsGathering, requireOwedReport } from "./request-chain.ts";
import {
  type CreateRequestInput,
  countsDto,
  overlapsOf,
  periodOf,
  resolveTargets,
} from "./request-targets.ts";
import * as requestsRepository from "./requests.repository.ts";

/** The day a moment falls on in Vietnam (null stays null). */
export const vnDate = (d: Date | null) => (d ? todayInVietnam(d) : null);

export async function proposeDeadline(
  db: Db,
  auth: Auth | null,
  q: { period: string; level: UnitLevel; answers?: number },
) {
  const a = requirePermission(auth, "unit.read");
  const period = periodOf({ code: q.period });
  const calendar = await loadWorkingCalendar(db);
  const proposed = proposeDeadlines(period, q.level, calendar);
  // gathering for a report owed upward: counted back from its deadline
  const owed = q.answers ? await requireOwedReport(db, a, q.answers, {}, null) : null;
  const levels = owed ? levelsBeforeOwed(owed, proposed, period.cutoffTo, calendar) : proposed;
  return {
    period: { ...period, labelVi: periodLabelVi(period) },
    deadline: levels[0]?.deadline ?? period.cutoffTo,
    levels,
  };
}

/** Before issuing: the requests that already ask the same units for the same form and period. */
export async function requestOverlaps(db: Db, kept: Kept, auth: Auth | null, input: CreateRequestInput) {
  const { form, period, targets, targetBodyKind } = await resolveTargets(db, kept, auth, input);
  if (input.citedDocumentId) await requireCitableDocument(db, auth, input.citedDocumentId, "citedDocumentId");
  if (input.planId) await requireCitablePlan(db, auth, input.planId, "planId");
  if (input.answersSubmissionId)
    await requireOwedReport(db, auth as Auth, input.answersSubmissionId, input, input.deadline ?? null);
  return {
    targets: targets.length,
    items: await overlapsOf(db, auth as Auth, {
      formCode: form.code,
      periodCode: period.code,
      bodyKind: targetBodyKind ?? "",
      unitCodes: [...new Set(targets.map((t) => t.unit_code))],
    }),
  };
}

export async function createRequest(
  db: Db,
  kept: Kept,
  auth: Auth | null,
  input: CreateRequestInput & { allowOverlap?: boolean },
) {
  const { issuerPath, form, period, issuerNow, issuedOn, targets, targetLevel, targetBodyKind } =
    await resolveTargets(db, kept, auth, input);
  const a = auth as Auth;
  if (!input.allowOverlap) {
    const overlaps = await overlapsOf(db, a, {
      formCode: form.code,
      periodCode: period.code,
      bodyKind: targetBodyKind ?? "",
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
  const calendar = await loadWorkingCalendar(db);
  const proposed = proposeDeadlines(period, targetLevel, calendar);
  const owed = input.answersSubmissionId
    ? await requireOwedReport(db, a, input.answersSubmissionId, input, input.deadline ?? null)
    : null;
  // gathering for a report owed upward, the levels count back from its deadline; otherwise a deadline set by
  // the requester moves the levels above with it
  const levels = owed
    ? levelsBeforeOwed(owed, proposed, period.cutoffTo, calendar, input.deadline)
    : input.deadline
      ? shiftLevelDeadlines(proposed, input.deadline, calendar)
      : proposed;
  const deadline = levels[0]?.deadline ?? input.deadline ?? period.cutoffTo;
  if (deadline <= period.cutoffTo) {
    throw errors.badRequest(
      "Hạn báo cáo phải sau ngày chốt số liệu ít nhất 1 ngày làm việc (NĐ 09/2019, Điều 8)",
      "The deadline must be at least one working day after the cut-off (Decree 09/2019, Art. 8)",
      { field: "deadline", cutoffTo: period.cutoffTo },
    );
  }
  // the công văn that asks for it, from the registry: every answer's first line cites it
  const cited = input.citedDocumentId
    ? await requireCitableDocument(db, auth, input.citedDocumentId, "citedDocumentId")
    : null;
  // the plan it reports on (Kế hoạch số 53-KH/HU): a reference, read like one
  const plan = input.planId ? await requireCitablePlan(db, auth, input.planId, "planId") : null;
  return db.transaction().execute(async (trx) => {
    const request = await requestsRepository.insertRequest(trx, {
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
      reference_no: input.referenceNo ?? cited?.numberSymbol ?? null,
      cited_document_id: cited?.id ?? null,
      plan_id: plan?.id ?? null,
      answers_submission_id: owed?.id ?? null,
      issued_on: issuedOn,
      // the report's name, not how its form was chosen: "(đề cương Tháp Mười)" stays on the form
      title: input.title ?? `${plainFormName(form.name_vi)} – ${periodLabelVi(period)}`,
      target_level: targetLevel,
      target_body_kind: targetBodyKind,
      deadline,
      level_deadlines: JSON.stringify(levels),
      reminder_days: input.reminderDays ?? 2,
      issued_by: a.userId,
    });
    await requestsRepository.insertSubmissions(
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
    issuedOn: r.issued_on,
    planId: r.plan_id,
    version: r.version,
  };
}

export async function listIssuedRequests(db: Db, auth: Auth | null) {
  const a = requirePermission(auth, "unit.read");
  const today = todayInVietnam();
  // a grant for one body of a unit sees the requests that body issued, not its neighbours'
  const rows = await requestsRepository.listIssuedRequests(db, scopeGrants(a, "unit.read"), 200);
  return { items: rows.map((r) => ({ ...toRequestDto(r), counts: countsDto(r, r.deadline, today) })) };
}

export async function requireRequest(
  db: Db,
  auth: Auth | null,
  id: number,
  permission: Permission = "unit.read",
) {
  const a = requirePermission(auth, permission);
  const r = await requestsRepository.findRequest(db, id);
  if (!r) throw errors.notFoundOrForbidden(String(id));
  // the issuer's unit, or the body that asked: a grant for another body of that unit does not see it
  if (coversPath(a, permission, r.issuer_path, r.issuer_body_id ?? undefined)) return r;
  // a body asked reads the request it answers
  if (permission === "unit.read") {
    const asked = await requestsRepository.askedOfBodies(db, id, grantBodies(a, permission));
    if (asked.some((s) => coversPath(a, permission, s.rollup_path, s.body_id ?? undefined))) return r;
  }
  throw errors.notFoundOrForbidden(String(id));
}

export function submissionListDto(s: requestsRepository.SubmissionListRow, deadline: string, today: string) {
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

export async function getRequest(db: Db, kept: Kept, auth: Auth | null, id: number) {
  const r = await requireRequest(db, auth, id);
  const today = todayInVietnam();
  const [subs, elsewhere] = await Promise.all([
    requestsRepository.listSubmissionsOfRequest(db, id),
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
    form: toFormDto(await requireForm(db, kept, r.form_id)),
    answers: await answersOf(db, r),
    counts,
    targets,
  };
}

export async function inbox(db: Db, auth: Auth | null, q: { status?: SubmissionRow["status"][] }) {
  const a = requirePermission(auth, "unit.read");
  const scope = scopeGrants(a, "report.fill");
  const today = todayInVietnam();
  if (scope !== null && scope.units.length === 0) return { items: [] };
  const statuses = q.status?.length ? q.status : (["not_started", "draft", "returned", "submitted"] as const);
  // a grant for one body of a unit holds that body's reports, not its neighbours'
  const rows = await requestsRepository.listInbox(db, scope, [...statuses], 300);
  // what each report owed has asked of the units below, and how far they answered
  const gathering = await requestsGathering(
    db,
    rows.map((s) => s.id),
  );
  return {
    items: rows.map((s) => ({
      gathering: (gathering.get(s.id) ?? []).map(({ waitingFor: _w, waitingMore: _m, ...g }) => g),
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

/** What the other parts of reporting read of the requests. */
export { gathersAnything, requestsGathering } from "./request-chain.ts";
export { findRequest, listSubmissionsOfRequest } from "./requests.repository.ts";

/**
 * The first line of an answer to `request` by `reporter` (a body's or a unit's name): citing the request's
 * công văn from the registry, or only its number when it is not there; null when the request cites none.
 */
export async function openingLineOf(
  db: Db,
  request: ReportRequestRow,
  /** `place`: the unit's place name on `on`, when the caller has read it already */
  reporter: { name: string; unitCode: string; on: string; place?: string },
): Promise<string | null> {
  // bodies of the same unit name each other without its place name ("Ủy ban nhân dân huyện")
  const within =
    reporter.unitCode === request.issuer_unit_code
      ? (reporter.place ?? (await unitService.placeNameOn(db, reporter.unitCode, reporter.on)))
      : undefined;
  const doc = request.cited_document_id ? await citedDocumentOf(db, request.cited_document_id) : null;
  if (doc) return openingLine(doc, reporter.name, within);
  if (!request.reference_no) return null;
  return openingLine(
    {
      typeName: "Công văn",
      numberSymbol: request.reference_no,
      issuedOn: null,
      issuerName: null,
      excerpt: null,
    },
    reporter.name,
    within,
  );
}
