/**
 * A report's workflow: save a draft, submit it (with a reason when late), and the issuer's return, accept
 * or unlock. Each step writes a revision and an audit entry; accepting adds the report's numbers to every
 * unit on its rollup path in the same transaction (today's units, and for periods before 01/07/2025 the
 * historic district and province too), so consolidated totals are current the moment it commits.
 * @module
 */

import type { Auth } from "../../../access/access.ts";
import type {
  Db,
  ReportFormRow,
  SubmissionNarrative,
  SubmissionRow,
  SubmissionValues,
} from "../../../db/database.ts";
import type { Kept } from "../../../db/kept.ts";
import { todayInVietnam } from "../../../domain/dates.ts";
import { withKept } from "../../../domain/letter-figures.ts";
import { parseNarrative } from "../../../domain/narrative.ts";
import { needsLateReason, nextStatus, type SubmissionAction } from "../../../domain/submission-workflow.ts";
import { AppError, errors } from "../../../errors.ts";
import { carriedOf, gatheredOf } from "../consolidation/gathered.service.ts";
import { gathersAnything } from "../requests/requests.service.ts";
import { recount } from "../rollup/rollup.service.ts";
import { catalogueFor, checks, cleanNarrative, cleanValues, type Loaded } from "./submission-values.ts";
import * as submissionsRepository from "./submissions.repository.ts";
import { allow, load, sourcesOf, stateOf } from "./submissions.service.ts";

export interface ContentInput {
  version: number;
  values?: Record<string, Record<string, string>>;
  narrative?: Record<string, string>;
}

export async function transition(
  db: Db,
  l: Loaded & { auth: Auth },
  action: SubmissionAction,
  version: number,
  content: Omit<
    submissionsRepository.SubmissionStep["set"],
    "status" | "updated_by" | "values" | "narrative"
  > & {
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
  const step: submissionsRepository.SubmissionStep = {
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
    const row = await submissionsRepository.writeSubmissionStep(d, l.sub.id, version, step);
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

export const ACTION_VI: Record<SubmissionAction, string> = {
  save: "lưu",
  submit: "gửi",
  return: "trả lại",
  accept: "tiếp nhận",
  unlock: "mở khóa",
};

/** The indicators whose numbers roll up (numeric, with a rule other than "none"). */
export async function rolledCodes(db: Db, kept: Kept, form: ReportFormRow): Promise<string[]> {
  return [...(await catalogueFor(db, kept, form)).values()]
    .filter((i) => i.type !== "text" && i.aggregation !== "none")
    .map((i) => i.code);
}

export async function saveSubmission(db: Db, kept: Kept, auth: Auth | null, id: number, input: ContentInput) {
  const l = await load(db, kept, auth, id);
  allow(l.auth, l, "save");
  const typed = input.values ? await cleanValues(db, kept, l.form, input.values) : undefined;
  const narrative = input.narrative ? cleanNarrative(l.form, input.narrative) : undefined;
  // what the unit typed is what it reports: the models' and evaluation's figures are shown beside it (and taken,
  // when the unit chooses, as values typed like any other), never written over it; reception and letters kept in
  // danvan for the whole period are the report's own figures, written from the registers
  const sources = await sourcesOf(db, kept, l, true);
  const values = typed && sources.fed ? withKept(typed, sources.fed.kept, sources.fed.values) : typed;
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
  kept: Kept,
  auth: Auth | null,
  id: number,
  input: ContentInput & { lateReason?: string },
) {
  const l = await load(db, kept, auth, id);
  allow(l.auth, l, "submit");
  const typed = input.values ? await cleanValues(db, kept, l.form, input.values) : l.sub.values;
  const narrative = input.narrative ? cleanNarrative(l.form, input.narrative) : l.sub.narrative;
  // whether the report gathered anything from the units below is asked in the same round trip as its sources
  const [sources, gathers] = await Promise.all([sourcesOf(db, kept, l, true), gathersAnything(db, l.sub.id)]);
  const values = sources.fed ? withKept(typed, sources.fed.kept, sources.fed.values) : typed;
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
  // a report owed upward carries what it gathered from the units below, as it stands when it is sent
  const gathered = gathers ? carriedOf(await gatheredOf(db, kept, l.auth, l), values) : null;
  const done = await transition(
    db,
    l,
    "submit",
    input.version,
    {
      values,
      narrative,
      ...(gathered ? { gathered: JSON.stringify(gathered) } : {}),
      submitted: true,
      ...(late ? { late_reason: reason } : {}),
    },
    late ? reason : null,
  );
  return stateOf(done, sources);
}

export async function reviewSubmission(
  db: Db,
  kept: Kept,
  auth: Auth | null,
  id: number,
  action: "return" | "accept" | "unlock",
  input: { version: number; comment?: string },
) {
  const l = await load(db, kept, auth, id);
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
  return stateOf(done, await sourcesOf(db, kept, done));
}
