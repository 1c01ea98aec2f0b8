/** The evaluation API's answers: a scheme and a unit's evaluation as the pages read them (points as "96,5"). @module */
import type { EvaluationRow, EvaluationSchemeRow } from "../../db/database.ts";
import { formatPoints } from "../../domain/evaluation.ts";

export const points = (h: number | null) => (h === null ? null : formatPoints(h));
export function evaluationDto(e: EvaluationRow & { unit_name: string }, published: boolean) {
  return {
    id: e.id,
    schemeId: e.scheme_id,
    unitCode: e.unit_code,
    bodyId: e.body_id,
    unitName: e.unit_name,
    inParIndex: e.in_par_index,
    ranked: e.ranked,
    notRankedReason: e.not_ranked_reason,
    ownScores: e.own_scores,
    appraisedScores: e.appraised_scores,
    appraisalComment: e.appraisal_comment,
    flags: e.flags,
    status: e.status,
    selfSubmittedAt: e.self_submitted_at?.toISOString() ?? null,
    appraisedAt: e.appraised_at?.toISOString() ?? null,
    score: points(e.score),
    raw: points(e.raw),
    bandCode: e.band_code,
    cappedBy: e.capped_by,
    rank: published ? e.rank : null,
    parRank: e.par_rank,
    sipasRank: e.sipas_rank,
    version: e.version,
  };
}

export function schemeDto(s: EvaluationSchemeRow) {
  return {
    id: s.id,
    provinceCode: s.province_code,
    year: s.year,
    name: s.name,
    source: s.source,
    exampleKey: s.example_key,
    scheme: s.scheme,
    selfFrom: s.self_from,
    selfUntil: s.self_until,
    enrols: s.enrols,
    publishedAt: s.published_at?.toISOString() ?? null,
    withdrawn: s.withdrawn_on ? { on: s.withdrawn_on, reason: s.withdrawn_reason ?? "" } : null,
    version: s.version,
  };
}
