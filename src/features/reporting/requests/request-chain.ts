/**
 * The chain of requests: a request that gathers, from the units below, a report its issuer owes upward (the
 * province asks its communes, then answers the centre). The owed report must be one the issuer fills; each
 * level's deadline counts back from the owed one (NĐ 09/2019/NĐ-CP Art. 8); the owed report sees the requests
 * sent down for it and how far they were answered.
 * @module
 */

import { type Auth, coversPath } from "../../../access/access.ts";
import type { Db, ReportRequestRow } from "../../../db/database.ts";
import { formatDateVi, todayInVietnam } from "../../../domain/dates.ts";
import type { LevelDeadline } from "../../../domain/periods.ts";
import { deadlinesBefore } from "../../../domain/reporting-regime.ts";
import type { WorkingCalendar } from "../../../domain/working-days.ts";
import { errors } from "../../../errors.ts";
import { type CreateRequestInput, countsDto } from "./request-targets.ts";
import * as requestsRepository from "./requests.repository.ts";

/**
 * The issuer's own report owed upward that a request gathers for: one the issuer fills (the user may fill it,
 * for the issuing unit or body), refused like a missing one otherwise. The units below must answer before it is
 * due upward, leaving the issuer time to consolidate (NĐ 09/2019/NĐ-CP Art. 8: each level's deadline).
 */
export async function requireOwedReport(
  db: Db,
  a: Auth,
  id: number,
  /** the issuer, once chosen */
  input: Partial<Pick<CreateRequestInput, "issuerUnitCode" | "issuerBodyId">>,
  /** the deadline chosen (none yet in a preview) */
  deadline: string | null,
) {
  const owed = await requestsRepository.findOwedReport(db, id);
  const mine =
    owed &&
    (input.issuerUnitCode === undefined || owed.unit_code === input.issuerUnitCode) &&
    (input.issuerBodyId === undefined || owed.body_id === null || owed.body_id === input.issuerBodyId) &&
    coversPath(a, "report.fill", owed.rollup_path, owed.body_id ?? undefined);
  if (!owed || !mine)
    throw errors.badRequest(
      "Không tìm thấy báo cáo mà đơn vị yêu cầu phải gửi cấp trên",
      "No such report the requesting unit owes upward",
      { field: "answersSubmissionId" },
    );
  if (deadline !== null && deadline >= owed.deadline)
    throw errors.badRequest(
      `Hạn gửi của cấp dưới phải trước ngày ${formatDateVi(owed.deadline)}, hạn đơn vị phải gửi báo cáo cho cấp trên`,
      `The units below must answer before ${owed.deadline}, when the requesting unit's own report is due upward`,
      { field: "deadline", upperDeadline: owed.deadline },
    );
  return owed;
}

/**
 * The per-level deadlines of a request gathering for `owed`: counted back from the owed deadline (the upper
 * request's levels above it kept); refused when nothing fits between the cut-off and the owed deadline.
 */
export function levelsBeforeOwed(
  owed: NonNullable<Awaited<ReturnType<typeof requestsRepository.findOwedReport>>>,
  proposed: LevelDeadline[],
  cutoffTo: string,
  calendar: WorkingCalendar,
  first?: string,
): LevelDeadline[] {
  // the upper request's own deadline is the owed report's; its levels above as it set them
  const above = owed.level_deadlines.filter((l) => l.deadline > owed.deadline);
  const levels = deadlinesBefore(
    proposed,
    [{ level: owed.target_level, deadline: owed.deadline }, ...above],
    cutoffTo,
    calendar,
    first,
  );
  if (!levels)
    throw errors.badRequest(
      `Không còn ngày làm việc nào sau ngày chốt số liệu và trước ngày ${formatDateVi(owed.deadline)}, hạn đơn vị phải gửi báo cáo cho cấp trên, để cấp dưới báo cáo`,
      `No working day is left after the cut-off and before ${owed.deadline}, when the requesting unit's own report is due upward, for the units below to answer`,
      { field: "deadline", upperDeadline: owed.deadline },
    );
  return levels;
}

/** Where a request stands in the chain: the report its issuer owes upward that it gathers for. */
export async function answersOf(db: Db, r: ReportRequestRow) {
  if (!r.answers_submission_id) return null;
  const owed = await requestsRepository.findOwedReport(db, r.answers_submission_id);
  return owed
    ? {
        submissionId: owed.id,
        requestId: owed.request_id,
        referenceNo: owed.reference_no,
        title: owed.title,
        deadline: owed.deadline,
      }
    : null;
}

/** Whether a report sent requests down to gather its figures (shared by the reports submitted at once). */
export const gathersAnything = (db: Db, submissionId: number) =>
  requestsRepository.gathersAnything(db, submissionId);

/**
 * The requests some reports owed upward sent to the units below (what their drafts start from), by report:
 * how many answered, on time or late, and, with `waitingFor`, up to that many of those not heard from yet.
 */
export async function requestsGathering(db: Db, submissionIds: number[], waitingFor = 0) {
  const today = todayInVietnam();
  const rows = await requestsRepository.requestsGathering(db, submissionIds);
  const waiting = waitingFor
    ? await requestsRepository.notYetSent(
        db,
        rows.map((r) => r.id),
        waitingFor,
      )
    : [];
  const bySubmission = new Map<number, ReturnType<typeof gatheringDto>[]>();
  for (const r of rows) {
    const list = bySubmission.get(r.answers_submission_id) ?? [];
    list.push(gatheringDto(r, waiting, today));
    bySubmission.set(r.answers_submission_id, list);
  }
  return bySubmission;
}

function gatheringDto(
  r: ReportRequestRow & requestsRepository.StatusCounts,
  waiting: Awaited<ReturnType<typeof requestsRepository.notYetSent>>,
  today: string,
) {
  const counts = countsDto(r, r.deadline, today);
  return {
    id: r.id,
    referenceNo: r.reference_no,
    title: r.title,
    targetLevel: r.target_level,
    deadline: r.deadline,
    overdue: today > r.deadline,
    counts,
    // who has not sent yet: late once the deadline has passed
    waitingFor: waiting
      .filter((w) => w.request_id === r.id)
      .map((w) => ({ submissionId: w.id, name: w.body_name ?? w.unit_name, status: w.status })),
    waitingMore: Math.max(
      0,
      counts.expected - counts.onTime - counts.late - waiting.filter((w) => w.request_id === r.id).length,
    ),
  };
}
