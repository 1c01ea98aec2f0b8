/**
 * A unit's annual "dân vận chính quyền" evaluation: the commune scores itself with evidence inside the
 * scheme's window; the province appraises, adjusting scores with a comment and marking capping facts; the
 * result (score, band, cap) follows from the scheme (the schemes and publishing are in
 * evaluation-schemes.service.ts, the published results in evaluation-results.service.ts).
 * @module
 */
import { type Auth, coversPath, requirePermission } from "../../access/access.ts";
import { appendAudit } from "../../audit/audit-log.repository.ts";
import type { Db, EvaluationRow, EvaluationSchemeRow, ScoresJson } from "../../db/database.ts";
import { todayInVietnam } from "../../domain/dates.ts";
import { checkScores, leaves, result } from "../../domain/evaluation.ts";
import { errors } from "../../errors.ts";
import { evaluationDto, schemeDto } from "./evaluation-dto.ts";
import * as repo from "./evaluations.repository.ts";

/** A withdrawn scheme takes no change, score, appraisal or publication (409). */
export function requireStanding(s: { withdrawn_on: string | null; withdrawn_reason: string | null }) {
  if (s.withdrawn_on !== null)
    throw errors.conflict(
      `Bộ tiêu chí đã bị hủy: ${s.withdrawn_reason ?? ""}`,
      `The scheme was withdrawn: ${s.withdrawn_reason ?? ""}`,
      { field: "withdrawn" },
    );
}

/**
 * An evaluation its unit may still score itself on (and add evidence to): the unit's own, inside the scheme's
 * window, not sent yet. `field` is the input the refusal points at.
 */
export async function requireSelfOpen(db: Db, auth: Auth | null, id: number, field: string) {
  const found = await requireEvaluation(db, auth, id);
  const { a, e, s } = found;
  if (!coversPath(a, "evaluation.self", e.unit_path, e.body_id ?? undefined)) throw errors.forbidden();
  requireStanding(s);
  const today = todayInVietnam();
  if (today < s.self_from || today > s.self_until) {
    throw errors.badRequest(
      `Ngoài thời hạn tự chấm (${vn(s.self_from)} – ${vn(s.self_until)})`,
      `Outside the self-scoring window (${s.self_from} – ${s.self_until})`,
      { field },
    );
  }
  if (e.status !== "draft") {
    throw errors.conflict("Đơn vị đã gửi kết quả tự chấm", "The self-assessment was sent already", {
      status: e.status,
    });
  }
  return found;
}

/**
 * Who appraises: the unit above a commune or a district; for a department, the province itself (any of its
 * users not held to one body: a department's own editors do not appraise it).
 */
const appraiserPath = (e: EvaluationRow) => (e.body_id === null ? e.unit_path.slice(0, -1) : e.unit_path);

export async function requireEvaluation(db: Db, auth: Auth | null, id: number) {
  const a = requirePermission(auth, "unit.read");
  const e = await repo.findEvaluation(db, id);
  if (!e || !coversPath(a, "unit.read", e.unit_path, e.body_id ?? undefined))
    throw errors.notFoundOrForbidden(String(id));
  const s = await repo.findScheme(db, e.scheme_id);
  if (!s) throw errors.notFoundOrForbidden(String(id));
  return { a, e, s };
}

export async function getEvaluation(db: Db, auth: Auth | null, id: number) {
  const { a, e, s } = await requireEvaluation(db, auth, id);
  const files = await repo.attachmentsOf(db, id);
  return {
    ...evaluationDto(e, s.published_at !== null),
    scheme: schemeDto(s),
    attachments: files.map((x) => ({
      id: x.id,
      itemCode: x.item_code,
      filename: x.filename,
      contentType: x.content_type,
      size: x.size,
    })),
    // a withdrawn scheme takes no score and no appraisal
    can: {
      self: s.withdrawn_on === null && coversPath(a, "evaluation.self", e.unit_path, e.body_id ?? undefined),
      appraise: s.withdrawn_on === null && coversPath(a, "evaluation.appraise", appraiserPath(e)),
    },
  };
}

function scoreProblems(problems: { code: string; messageVi: string; messageEn: string }[]) {
  return errors.validation(
    problems.map((p) => ({ field: `scores.${p.code}`, messageVi: p.messageVi, messageEn: p.messageEn })),
  );
}

function stamped(
  s: EvaluationSchemeRow,
  e: EvaluationRow,
  own: ScoresJson,
  appraised: ScoresJson,
  flags: string[],
) {
  const r = result(s.scheme, own, appraised, flags, e.in_par_index);
  return { raw: r.raw, score: r.score, band_code: r.band?.code ?? null, capped_by: r.cappedBy?.code ?? null };
}

/** The unit's own scores (with evidence), saved as a draft or submitted, inside the self-scoring window. */
export async function saveSelf(
  db: Db,
  auth: Auth | null,
  id: number,
  input: {
    version: number;
    scores: ScoresJson;
    submit: boolean;
    inParIndex?: boolean;
    parRank?: number | null;
    sipasRank?: number | null;
  },
) {
  const { a, e, s } = await requireSelfOpen(db, auth, id, "scores");
  if (e.version !== input.version) throw errors.stale(e.version);
  const inPar = input.inParIndex ?? e.in_par_index;
  const filed = new Set((await repo.attachmentsOf(db, id)).map((x) => x.item_code));
  const problems = checkScores(s.scheme, input.scores, "unit", inPar, filed);
  if (input.submit) {
    for (const leaf of leaves(s.scheme.items)) {
      const applies = leaf.kind === "criterion" && leaf.scoredBy === "unit" && (inPar || !leaf.parIndexOnly);
      if (applies && !input.scores[leaf.code]) {
        problems.push({
          code: leaf.code,
          messageVi: `Chưa chấm tiêu chí ${leaf.code}`,
          messageEn: `${leaf.code} is not scored yet`,
        });
      }
    }
  }
  if (problems.length) throw scoreProblems(problems);
  const row = await repo.updateEvaluationVersioned(db, id, input.version, {
    own_scores: JSON.stringify(input.scores),
    in_par_index: inPar,
    ...(input.parRank !== undefined ? { par_rank: input.parRank } : {}),
    ...(input.sipasRank !== undefined ? { sipas_rank: input.sipasRank } : {}),
    ...stamped(s, { ...e, in_par_index: inPar }, input.scores, e.appraised_scores, e.flags),
    ...(input.submit ? { status: "self_submitted" as const, self_submitted: true } : {}),
  });
  if (!row) throw errors.stale(e.version);
  await audit(db, a, input.submit ? "evaluation.self_submit" : "evaluation.self_save", e, row);
  return getEvaluation(db, auth, id);
}

/** The superior's appraisal: adjusted scores, a comment, the capping facts, ranked or not (with a reason). */
export async function appraise(
  db: Db,
  auth: Auth | null,
  id: number,
  input: {
    version: number;
    scores: ScoresJson;
    comment: string;
    flags: string[];
    ranked: boolean;
    notRankedReason: string;
  },
) {
  const { a, e, s } = await requireEvaluation(db, auth, id);
  if (!coversPath(a, "evaluation.appraise", appraiserPath(e))) throw errors.forbidden();
  requireStanding(s);
  if (s.published_at !== null) {
    throw errors.conflict("Kết quả đã công bố", "The results are published", { field: "version" });
  }
  // a unit that sent nothing can only be marked "not ranked"
  if (e.status === "draft" && input.ranked) {
    throw errors.conflict("Đơn vị chưa gửi kết quả tự chấm", "The unit has not sent its self-assessment", {
      status: e.status,
    });
  }
  if (e.version !== input.version) throw errors.stale(e.version);
  const problems = checkScores(s.scheme, input.scores, "appraiser", e.in_par_index);
  if (problems.length) throw scoreProblems(problems);
  const unknown = input.flags.filter((f) => !s.scheme.caps.some((c) => c.code === f));
  if (unknown.length) {
    throw errors.badRequest(
      `Không có trường hợp ${unknown.join(", ")}`,
      `No capping fact ${unknown.join(", ")}`,
      {
        field: "flags",
      },
    );
  }
  if (!input.ranked && input.notRankedReason.trim() === "") {
    throw errors.badRequest("Hãy nêu lý do không xếp hạng", "Give the reason for not ranking the unit", {
      field: "notRankedReason",
    });
  }
  const row = await repo.updateEvaluationVersioned(db, id, input.version, {
    appraised_scores: JSON.stringify(input.scores),
    appraisal_comment: input.comment,
    flags: input.flags,
    ranked: input.ranked,
    not_ranked_reason: input.ranked ? "" : input.notRankedReason.trim(),
    status: "appraised",
    appraised: true,
    // a unit that sent nothing has no result to show, only its "not ranked"
    ...(e.status === "draft"
      ? { raw: null, score: null, band_code: null, capped_by: null }
      : stamped(s, e, e.own_scores, input.scores, input.flags)),
  });
  if (!row) throw errors.stale(e.version);
  await audit(db, a, "evaluation.appraise", e, row);
  return getEvaluation(db, auth, id);
}

const vn = (iso: string) => iso.split("-").reverse().join("/");

async function audit(db: Db, a: Auth, action: string, before: EvaluationRow, after: EvaluationRow) {
  await appendAudit(db, {
    actorId: a.userId,
    actorName: a.username,
    action,
    entity: "evaluation",
    entityId: String(after.id),
    unitCode: after.unit_code,
    scope: after.unit_path,
    before: { status: before.status, score: before.score, version: before.version },
    after: { status: after.status, score: after.score, band: after.band_code, version: after.version },
  });
}
