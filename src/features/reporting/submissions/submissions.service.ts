/**
 * A report as its unit and its issuer see it: loaded with its request, form and last year's values, who may
 * do what with it, its detail with the checks, and its revisions.
 * @module
 */

import { type Auth, coversPath, requirePermission } from "../../../access/access.ts";
import type { Db, IndicatorRow } from "../../../db/database.ts";
import type { Kept } from "../../../db/kept.ts";
import { todayInVietnam } from "../../../domain/dates.ts";
import {
  needsLateReason,
  type SubmissionAction,
  type Timeliness,
  timeliness,
} from "../../../domain/submission-workflow.ts";
import { errors } from "../../../errors.ts";
import { bodyById } from "../../bodies/bodies.service.ts";
import { requireForm, toFormDto } from "../../forms/forms.service.ts";
import { openingLineOf, requestsGathering, toRequestDto, vnDate } from "../requests/requests.service.ts";
import { catalogueFor, checks, type Fed, fedFor, type Loaded, type Previous } from "./submission-values.ts";
import * as submissionsRepository from "./submissions.repository.ts";

export async function load(
  db: Db,
  kept: Kept,
  auth: Auth | null,
  id: number,
): Promise<Loaded & { auth: Auth }> {
  const a = requirePermission(auth, "unit.read");
  const found = await submissionsRepository.findSubmission(db, id);
  const request = found?.request;
  if (
    !found ||
    !request ||
    // read by the unit or body that reports, and by the one that asked (its unit, or the body that asked)
    !(
      coversPath(a, "unit.read", found.rollup_path, found.body_id ?? undefined) ||
      coversPath(a, "unit.read", request.issuer_path, request.issuer_body_id ?? undefined)
    )
  ) {
    throw errors.notFoundOrForbidden(String(id));
  }
  const { unit_name: unitName, request: _request, previous_values, ...sub } = found;
  const previous =
    previous_values && request.previous_period_code
      ? { periodCode: request.previous_period_code, values: previous_values }
      : null;
  return { auth: a, sub, unitName, request, form: await requireForm(db, kept, request.form_id), previous };
}

/** The permission an action needs, and on which path (the target's own, or the requester's). */
export function allow(a: Auth, l: Loaded, action: SubmissionAction) {
  const ok =
    action === "save" || action === "submit"
      ? coversPath(a, "report.fill", l.sub.rollup_path, l.sub.body_id ?? undefined)
      : coversPath(
          a,
          action === "unlock" ? "report.unlock" : "report.review",
          l.request.issuer_path,
          l.request.issuer_body_id ?? undefined,
        );
  if (!ok) throw errors.forbidden();
}

/** The day a body's answer is dated: the day it was (last) sent, a past answer entered afterwards keeping its day; else today. */
export const answerDateOf = (sub: { submitted_at: Date | null }, today: string): string =>
  sub.submitted_at ? todayInVietnam(sub.submitted_at) : today;

export function submissionDto(l: Loaded, today: string) {
  const { sub, request } = l;
  return {
    id: sub.id,
    requestId: request.id,
    unitCode: sub.unit_code,
    bodyId: sub.body_id,
    /** the body's answer as its numbered document, once it took its number */
    document: sub.document_symbol
      ? { symbol: sub.document_symbol, registryDocumentId: sub.registry_document_id }
      : null,
    status: sub.status,
    partial: sub.partial,
    values: sub.values,
    narrative: sub.narrative,
    lateReason: sub.late_reason,
    comment: sub.comment,
    timeliness: timeliness(request.deadline, vnDate(sub.first_submitted_at), today) as Timeliness,
    answerOn: answerDateOf(sub, today),
    firstSubmittedAt: sub.first_submitted_at?.toISOString() ?? null,
    submittedAt: sub.submitted_at?.toISOString() ?? null,
    acceptedAt: sub.accepted_at?.toISOString() ?? null,
    updatedAt: sub.updated_at.toISOString(),
    version: sub.version,
  };
}

export async function getSubmission(db: Db, kept: Kept, auth: Auth | null, id: number) {
  const l = await load(db, kept, auth, id);
  const [detail, catalogue] = await Promise.all([detailOf(db, kept, l), catalogueFor(db, kept, l.form)]);
  return { ...detail, form: toFormDto(l.form), indicators: [...catalogue.values()].map(indicatorDto) };
}

export function indicatorDto(i: IndicatorRow) {
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
export async function detailOf(db: Db, kept: Kept, l: Loaded & { auth: Auth }) {
  const [sources, body] = await Promise.all([
    sourcesOf(db, kept, l),
    l.sub.body_id ? bodyById(db, l.sub.body_id) : null,
  ]);
  const today = todayInVietnam();
  return {
    ...stateOf(l, sources),
    unitName: l.unitName,
    bodyName: body?.name ?? null,
    // the answer's first line, citing the request's công văn: written by the reporting body (or unit)
    openingLine: await openingLineOf(db, l.request, {
      name: body?.name ?? l.unitName,
      unitCode: l.sub.unit_code,
      on: body?.valid_to && body.valid_to < today ? body.valid_to : today,
    }),
    request: toRequestDto(l.request),
    // the requests this unit sent down to gather this report (the chain, seen from above)
    gathering: (await requestsGathering(db, [l.sub.id], 8)).get(l.sub.id) ?? [],
    // what it carried of that when it was sent: how far the units below answered, where its totals differ
    carried: l.sub.gathered,
    previous: sources.previous,
  };
}

/**
 * What a write answers: the submission's state after it (status, version, values as stored, checks, what the
 * user may do next). The page has the rest already, and a write does not change it: an autosave every few
 * seconds from a commune's connection, or a deadline burst, gets back only what it changed.
 */
export function stateOf(l: Loaded & { auth: Auth }, { fed, previous, catalogue }: Sources) {
  const today = todayInVietnam();
  return {
    submission: submissionDto(l, today),
    checks: checks(l.form, catalogue, l.sub.values, previous?.values ?? null),
    can: {
      fill: coversPath(l.auth, "report.fill", l.sub.rollup_path, l.sub.body_id ?? undefined),
      review: coversPath(
        l.auth,
        "report.review",
        l.request.issuer_path,
        l.request.issuer_body_id ?? undefined,
      ),
      unlock: coversPath(
        l.auth,
        "report.unlock",
        l.request.issuer_path,
        l.request.issuer_body_id ?? undefined,
      ),
    },
    lateReasonNeeded: l.sub.first_submitted_at === null && needsLateReason(l.request.deadline, today),
    fed,
  };
}

export type Sources = { fed: Fed; previous: Previous; catalogue: ReadonlyMap<string, IndicatorRow> };
export async function listRevisions(db: Db, kept: Kept, auth: Auth | null, id: number) {
  await load(db, kept, auth, id);
  return {
    items: (await submissionsRepository.listRevisions(db, id)).map((r) => ({
      version: r.version,
      event: r.event,
      status: r.status,
      comment: r.comment,
      actorName: r.actor_name,
      at: r.at.toISOString(),
    })),
  };
}

export async function getRevision(db: Db, kept: Kept, auth: Auth | null, id: number, version: number) {
  await load(db, kept, auth, id);
  const r = await submissionsRepository.findRevision(db, id, version);
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

/**
 * What a page or a write needs besides the submission itself: the fed values (asked before a write, which
 * stores the kept ones, and answered with it), and the previous period's values, read with the submission.
 */
export async function sourcesOf(db: Db, kept: Kept, l: Loaded, forWrite = false): Promise<Sources> {
  const [fed, catalogue] = await Promise.all([fedFor(db, kept, l, forWrite), catalogueFor(db, kept, l.form)]);
  return { fed, previous: l.previous, catalogue };
}

export { catalogueFor } from "./submission-values.ts";
/** A step written with its revision and audit entry, for the imports of values. */
export { type SubmissionStep, writeSubmissionStep } from "./submissions.repository.ts";

/** After a body's answer took its number as a document: kept with it (the first number stays). */
export async function keepAnswerNumber(
  db: Db,
  id: number,
  doc: { numberId: number; symbol: string; registryDocumentId: number | null },
): Promise<boolean> {
  return submissionsRepository.keepDocumentNumber(db, id, {
    document_number_id: doc.numberId,
    document_symbol: doc.symbol,
    registry_document_id: doc.registryDocumentId,
  });
}
