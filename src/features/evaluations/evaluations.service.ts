/**
 * The annual "dân vận chính quyền" evaluation: the province sets its scheme for the year (from an
 * example or its own) and every commune of the province is enrolled; each commune scores itself with evidence
 * inside the window; the province appraises, adjusting scores with a comment and marking capping facts; the
 * result (score, band, cap) follows from the scheme; publishing ranks the ranked units (ties share a rank); each
 * unit's history shows its score, band and rank per year beside its PAR Index and SIPAS ranks.
 * @module
 */
import type { Kysely } from "kysely";
import {
  type Auth,
  coversPath,
  requirePermission,
  requireRecordAccess,
  requireUnitAccess,
} from "../../access/access.ts";
import { appendAudit } from "../../audit/audit-log.repository.ts";
import type { Database, EvaluationRow, EvaluationSchemeRow, ScoresJson } from "../../db/database.ts";
import { WatchedCache } from "../../db/revision-cache.ts";
import type { RevisionWatcher } from "../../db/revision-watcher.ts";
import { todayInVietnam } from "../../domain/dates.ts";
import {
  checkScheme,
  checkScores,
  EXAMPLE_SCHEMES,
  formatPoints,
  leaves,
  rank,
  result,
  type Scheme,
} from "../../domain/evaluation.ts";
import { AppError, errors } from "../../errors.ts";
import * as unitService from "../units/units.service.ts";
import * as repo from "./evaluations.repository.ts";

type Db = Kysely<Database>;

export function listExamples(auth: Auth | null) {
  requirePermission(auth, "unit.read");
  return {
    items: EXAMPLE_SCHEMES.map((e) => ({ key: e.key, nameVi: e.nameVi, source: e.source, scheme: e.scheme })),
  };
}

const points = (h: number | null) => (h === null ? null : formatPoints(h));

function schemeDto(s: EvaluationSchemeRow) {
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
    publishedAt: s.published_at?.toISOString() ?? null,
    version: s.version,
  };
}

function evaluationDto(e: EvaluationRow & { unit_name: string }, published: boolean) {
  return {
    id: e.id,
    schemeId: e.scheme_id,
    unitCode: e.unit_code,
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

// ---- schemes -----------------------------------------------------------------------------------------------

export interface SchemeInput {
  provinceCode: string;
  year: number;
  name?: string;
  exampleKey?: string;
  scheme?: Scheme;
  selfFrom: string;
  selfUntil: string;
}

/** A province's scheme for a year (from an example or given), with every commune of the province enrolled. */
export async function createScheme(db: Db, auth: Auth | null, input: SchemeInput) {
  const path = await requireUnitAccess(db, auth, "evaluation.manage", input.provinceCode);
  const a = auth as Auth;
  if (path.length !== 1) {
    throw errors.badRequest(
      "Bộ tiêu chí đánh giá do cấp tỉnh ban hành",
      "A province issues the evaluation scheme",
      { field: "provinceCode" },
    );
  }
  const example = input.exampleKey ? EXAMPLE_SCHEMES.find((e) => e.key === input.exampleKey) : undefined;
  if (input.exampleKey && !example) {
    throw errors.badRequest(
      `Không có bộ tiêu chí mẫu "${input.exampleKey}"`,
      `No example "${input.exampleKey}"`,
      {
        field: "exampleKey",
      },
    );
  }
  const scheme = input.scheme ?? example?.scheme;
  if (!scheme) {
    throw errors.badRequest(
      "Hãy chọn bộ tiêu chí mẫu hoặc nhập bộ tiêu chí",
      "Pick an example or give a scheme",
      {
        field: "scheme",
      },
    );
  }
  const problems = checkScheme(scheme);
  if (problems.length) throw errors.validation(problems);
  if (input.selfUntil < input.selfFrom) {
    throw errors.badRequest(
      "Hạn tự chấm trước ngày bắt đầu",
      "The self-scoring window ends before it starts",
      {
        field: "selfUntil",
      },
    );
  }
  const today = todayInVietnam();
  const communes = (await unitService.childrenAt(db, input.provinceCode, today)).filter(
    (u) => u.level === "commune",
  );
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertScheme(trx, {
      province_code: input.provinceCode,
      year: input.year,
      name:
        input.name?.trim() || example?.nameVi || `Đánh giá công tác dân vận chính quyền năm ${input.year}`,
      source: example?.source ?? "",
      example_key: example?.key ?? null,
      scheme,
      self_from: input.selfFrom,
      self_until: input.selfUntil,
      created_by: a.userId,
    });
    if (!row) {
      throw errors.conflict(
        `Tỉnh đã có bộ tiêu chí đánh giá năm ${input.year}`,
        `The province has a scheme for ${input.year} already`,
        { field: "year" },
      );
    }
    const enrolled = await repo.insertEvaluations(
      trx,
      communes.map((u) => ({
        scheme_id: row.id,
        unit_code: u.code,
        unit_path: [...u.ancestors, u.code],
        province_code: input.provinceCode,
      })),
    );
    await appendAudit(trx, {
      actorId: a.userId,
      actorName: a.username,
      action: "evaluation_scheme.create",
      entity: "evaluation_scheme",
      entityId: String(row.id),
      unitCode: input.provinceCode,
      scope: path,
      before: null,
      after: { year: input.year, name: row.name, enrolled },
    });
    return { ...schemeDto(row), enrolled };
  });
}

/** The province's schemes (any unit's user reads its own province's). */
export async function listSchemes(db: Db, auth: Auth | null, unitCode: string) {
  const path = await requireUnitAccess(db, auth, "unit.read", unitCode);
  const province = path[0] as string;
  return { province, items: (await repo.schemesOf(db, province)).map(schemeDto) };
}

async function requireScheme(db: Db, auth: Auth | null, id: number) {
  const a = requirePermission(auth, "unit.read");
  const s = await repo.findScheme(db, id);
  if (!s) throw errors.notFoundOrForbidden(String(id));
  return { a, s };
}

/** A scheme and the evaluations under it that the user may read (a commune sees its own; the province all). */
export async function getScheme(db: Db, auth: Auth | null, id: number) {
  const { a, s } = await requireScheme(db, auth, id);
  const all = await repo.evaluationsOf(db, id);
  const mine = all.filter((e) => coversPath(a, "unit.read", e.unit_path));
  if (mine.length === 0 && !coversPath(a, "unit.read", [s.province_code]))
    throw errors.notFoundOrForbidden(String(id));
  const published = s.published_at !== null;
  return {
    ...schemeDto(s),
    can: {
      manage: coversPath(a, "evaluation.manage", [s.province_code]),
      appraise: coversPath(a, "evaluation.appraise", [s.province_code]),
    },
    evaluations: mine.map((e) => evaluationDto(e, published)),
  };
}

// ---- a unit's evaluation -----------------------------------------------------------------------------------

async function requireEvaluation(db: Db, auth: Auth | null, id: number) {
  const a = requirePermission(auth, "unit.read");
  const e = await repo.findEvaluation(db, id);
  if (!e || !coversPath(a, "unit.read", e.unit_path)) throw errors.notFoundOrForbidden(String(id));
  const s = await repo.findScheme(db, e.scheme_id);
  if (!s) throw errors.notFoundOrForbidden(String(id));
  return { a, e, s };
}

export async function getEvaluation(db: Db, auth: Auth | null, id: number) {
  const { a, e, s } = await requireEvaluation(db, auth, id);
  return {
    ...evaluationDto(e, s.published_at !== null),
    scheme: schemeDto(s),
    can: {
      self: coversPath(a, "evaluation.self", e.unit_path),
      appraise: coversPath(a, "evaluation.appraise", e.unit_path.slice(0, -1)),
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
  const { a, e, s } = await requireEvaluation(db, auth, id);
  if (!coversPath(a, "evaluation.self", e.unit_path)) throw errors.forbidden();
  const today = todayInVietnam();
  if (today < s.self_from || today > s.self_until) {
    throw errors.badRequest(
      `Ngoài thời hạn tự chấm (${vn(s.self_from)} – ${vn(s.self_until)})`,
      `Outside the self-scoring window (${s.self_from} – ${s.self_until})`,
      { field: "scores" },
    );
  }
  if (e.status !== "draft") {
    throw errors.conflict("Đơn vị đã gửi kết quả tự chấm", "The self-assessment was sent already", {
      status: e.status,
    });
  }
  if (e.version !== input.version) throw errors.stale(e.version);
  const inPar = input.inParIndex ?? e.in_par_index;
  const problems = checkScores(s.scheme, input.scores, "unit", inPar);
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
  if (!coversPath(a, "evaluation.appraise", e.unit_path.slice(0, -1))) throw errors.forbidden();
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

/** Publishes the year's results: ranks among the ranked units (ties share a rank); every one must be appraised. */
export async function publishScheme(
  db: Db,
  auth: Auth | null,
  id: number,
  input: { version: number; notRankUnappraised: boolean },
) {
  const version = input.version;
  const { s } = await requireScheme(db, auth, id);
  const path = await requireRecordAccess(db, auth, "evaluation.manage", id, { unitCode: s.province_code });
  const a = auth as Auth;
  if (s.published_at !== null)
    throw errors.conflict("Kết quả đã công bố", "The results are published already");
  if (s.version !== version) throw errors.stale(s.version);
  const all = await repo.evaluationsOf(db, id);
  const waiting = all.filter((e) => e.ranked && e.status !== "appraised");
  const reason = "Không gửi kết quả tự chấm hoặc chưa được thẩm định";
  if (waiting.length && input.notRankUnappraised) {
    // asked for: the units not appraised are published as "not ranked", with the reason
    for (const e of waiting) {
      e.ranked = false;
      e.not_ranked_reason = reason;
    }
  } else if (waiting.length) {
    throw new AppError(
      409,
      "not_appraised",
      `Còn ${waiting.length} đơn vị chưa được thẩm định: ${waiting
        .slice(0, 5)
        .map((e) => e.unit_name)
        .join(", ")}${waiting.length > 5 ? ", …" : ""}`,
      `${waiting.length} units are not appraised yet`,
      waiting.map((e) => ({ unitCode: e.unit_code })),
    );
  }
  const ranked = rank(all.filter((e) => e.ranked).map((e) => ({ id: e.id, score: e.score ?? 0 })));
  const ranks = [
    ...ranked.map((r) => ({ id: r.id, rank: r.rank })),
    ...all.filter((e) => !e.ranked).map((e) => ({ id: e.id, rank: null })),
  ];
  await db.transaction().execute(async (trx) => {
    await repo.markNotRanked(
      trx,
      waiting.filter((e) => !e.ranked).map((e) => e.id),
      reason,
    );
    await repo.publish(trx, id, ranks);
    await appendAudit(trx, {
      actorId: a.userId,
      actorName: a.username,
      action: "evaluation_scheme.publish",
      entity: "evaluation_scheme",
      entityId: String(id),
      unitCode: s.province_code,
      scope: path,
      before: null,
      after: { ranked: ranked.length, notRanked: all.length - ranked.length },
    });
  });
  await resultsKept.refresh(db);
  return getScheme(db, auth, id);
}

/** A unit's published results per year: score, band, rank, and its PAR Index and SIPAS ranks. */
export async function history(db: Db, auth: Auth | null, unitCode: string) {
  await requireUnitAccess(db, auth, "unit.read", unitCode);
  return {
    items: (await repo.historyOf(db, unitCode)).map((h) => ({
      year: h.year,
      score: points(h.score),
      bandCode: h.band_code,
      bandName: h.scheme.bands.find((b) => b.code === h.band_code)?.nameVi ?? null,
      rank: h.ranked ? h.rank : null,
      parRank: h.par_rank,
      sipasRank: h.sipas_rank,
    })),
  };
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

/** The report indicators a published evaluation fills by itself (the report indicators' catalogue). */
export const EVALUATION_FED = [
  "DVCQ_SCORE",
  "DVCQ_BAND",
  "DVCQ_RANK",
  "PAR_INDEX_RANK",
  "SIPAS_RANK",
] as const;

/** Each unit's published result per year, kept while the fed revision stands (see add-fed-revision). */
const resultsKept = new WatchedCache<Awaited<ReturnType<typeof repo.publishedResultOf>>>();

/** Lets `evaluationValues` keep its answers while `watcher` (channel fed_revision) says nothing changed. */
export function watchPublishedResults(db: Db, watcher: RevisionWatcher): void {
  resultsKept.watch(db, watcher);
}

/**
 * A unit's published result of a year as report values (score "95.5", band name, rank, PAR Index and SIPAS
 * ranks), for the fed indicators asked; null when the year's results are not published.
 */
export async function evaluationValues(db: Db, unitCode: string, year: number, codes: readonly string[]) {
  const r = await resultsKept.get(db, `${unitCode}|${year}`, () =>
    repo.publishedResultOf(db, unitCode, year),
  );
  if (!r) return null;
  const all: Record<string, string | null> = {
    DVCQ_SCORE: r.score === null ? null : formatPoints(r.score).replace(",", "."),
    DVCQ_BAND: r.scheme.bands.find((b) => b.code === r.band_code)?.nameVi ?? null,
    DVCQ_RANK: r.ranked && r.rank !== null ? String(r.rank) : null,
    PAR_INDEX_RANK: r.par_rank === null ? null : String(r.par_rank),
    SIPAS_RANK: r.sipas_rank === null ? null : String(r.sipas_rank),
  };
  const out: Record<string, Record<string, string>> = {};
  for (const code of codes) {
    const v = all[code];
    if (v !== null && v !== undefined) out[code] = { "": v };
  }
  return out;
}
