/**
 * The annual "dân vận chính quyền" evaluation schemes: a province sets one up for a year (from an example
 * or its own criteria), the People's Committees it scores are enrolled (its communes since the 2025 reform,
 * its districts before it), the scheme can be corrected until the first unit scores itself, and the results
 * are published once all are appraised.
 * @module
 */
import {
  type Auth,
  coversPath,
  requirePermission,
  requireRecordAccess,
  requireUnitAccess,
} from "../../access/access.ts";
import { appendAudit } from "../../audit/audit-log.repository.ts";
import type { Db } from "../../db/database.ts";
import type { Kept } from "../../db/kept.ts";
import { todayInVietnam } from "../../domain/dates.ts";
import { checkScheme, EXAMPLE_SCHEMES, rank, type Scheme } from "../../domain/evaluation.ts";
import { AppError, errors } from "../../errors.ts";
import { listBodies } from "../bodies/bodies.service.ts";
import * as unitService from "../units/units.service.ts";
import { evaluationDto, schemeDto } from "./evaluation-dto.ts";
import { resultsChanged } from "./evaluation-results.service.ts";
import * as repo from "./evaluations.repository.ts";
import { requireStanding } from "./evaluations.service.ts";

export function listExamples(auth: Auth | null) {
  requirePermission(auth, "unit.read");
  return {
    items: EXAMPLE_SCHEMES.map((e) => ({ key: e.key, nameVi: e.nameVi, source: e.source, scheme: e.scheme })),
  };
}

export interface SchemeInput {
  provinceCode: string;
  year: number;
  name?: string;
  exampleKey?: string;
  scheme?: Scheme;
  selfFrom: string;
  selfUntil: string;
  /** Who it scores: the communes (default), before 2025 the districts, or the province's departments. */
  enrols?: "commune" | "district" | "department";
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
  const enrols = input.enrols ?? "commune";
  // the units as they stood in the scheme's year (the districts of a year before the reform)
  const today = todayInVietnam();
  const asOf = `${input.year}-12-31` < today ? `${input.year}-12-31` : today;
  const targets =
    enrols === "department"
      ? // the departments are bodies of the province itself
        (await listBodies(db, auth, input.provinceCode, asOf)).items
          .filter((b) => b.kind === "committee_department")
          .map((b) => ({ unit_code: input.provinceCode, unit_path: path, body_id: b.id }))
      : (await unitService.childrenAt(db, input.provinceCode, asOf))
          .filter((u) => u.level === enrols)
          .map((u) => ({ unit_code: u.code, unit_path: [...u.ancestors, u.code], body_id: null }));
  if (targets.length === 0) {
    const [vi, en] = ENROLLED_WORDS[enrols];
    throw errors.badRequest(
      `Tỉnh không có ${vi} nào trong năm ${input.year} để đánh giá`,
      `The province has no ${en} in ${input.year} to score`,
      { field: "enrols" },
    );
  }
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
      enrols,
      created_by: a.userId,
    });
    if (!row) {
      const [vi, en] = ENROLLED_WORDS[enrols];
      throw errors.conflict(
        `Tỉnh đã có bộ tiêu chí đánh giá ${vi} năm ${input.year}`,
        `The province has a scheme for its ${en} in ${input.year} already`,
        { field: "year" },
      );
    }
    const enrolled = await repo.insertEvaluations(
      trx,
      targets.map((x) => ({ ...x, scheme_id: row.id, province_code: input.provinceCode })),
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

const ENROLLED_WORDS = {
  commune: ["xã, phường", "communes"],
  district: ["huyện", "districts"],
  department: ["sở, ban, ngành", "departments"],
} as const;

export interface SchemeEdit {
  version: number;
  name?: string;
  scheme?: Scheme;
  selfFrom?: string;
  selfUntil?: string;
  /** withdraw it (with the reason), until the first unit scores itself */
  withdrawn?: true;
  withdrawnReason?: string;
}

/**
 * Corrects a scheme before its results are published: its name and self-scoring window at any time, its
 * items, bands and caps only until the first unit scores itself (the scores were given against them). Until
 * then it can also be withdrawn, with the reason: it stays listed, marked, takes no scores, and another scheme
 * may take its place.
 */
export async function updateScheme(db: Db, auth: Auth | null, id: number, input: SchemeEdit) {
  const { s } = await requireScheme(db, auth, id);
  const path = await requireRecordAccess(db, auth, "evaluation.manage", id, { unitCode: s.province_code });
  const a = auth as Auth;
  if (s.published_at !== null)
    throw errors.conflict("Kết quả đã công bố: không thể sửa bộ tiêu chí", "The results are published");
  requireStanding(s);
  const reason = input.withdrawnReason?.trim() ?? "";
  if (input.withdrawn && !reason)
    throw errors.badRequest("Hãy nêu lý do hủy bộ tiêu chí", "Give the reason for withdrawing the scheme", {
      field: "withdrawnReason",
    });
  if (input.withdrawn && (await repo.anySelfScored(db, id)))
    throw errors.conflict(
      "Đã có đơn vị tự chấm điểm: không thể hủy bộ tiêu chí",
      "A unit has scored itself already: the scheme cannot be withdrawn",
      { field: "withdrawn" },
    );
  if (input.scheme) {
    if (await repo.anySelfScored(db, id)) {
      throw errors.conflict(
        "Đã có đơn vị tự chấm điểm: không thể sửa tiêu chí, mức xếp loại",
        "A unit has scored itself already: the items and bands cannot change",
        { field: "scheme" },
      );
    }
    const problems = checkScheme(input.scheme);
    if (problems.length) throw errors.validation(problems);
  }
  const from = input.selfFrom ?? s.self_from;
  const until = input.selfUntil ?? s.self_until;
  if (until < from) {
    throw errors.badRequest(
      "Hạn tự chấm trước ngày bắt đầu",
      "The self-scoring window ends before it starts",
      {
        field: "selfUntil",
      },
    );
  }
  return db.transaction().execute(async (trx) => {
    const row = await repo.updateSchemeVersioned(trx, id, input.version, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.scheme ? { scheme: input.scheme } : {}),
      ...(input.selfFrom !== undefined ? { self_from: input.selfFrom } : {}),
      ...(input.selfUntil !== undefined ? { self_until: input.selfUntil } : {}),
      ...(input.withdrawn ? { withdrawn_on: todayInVietnam(), withdrawn_reason: reason } : {}),
    });
    if (!row) throw errors.stale(s.version);
    await appendAudit(trx, {
      actorId: a.userId,
      actorName: a.username,
      action: input.withdrawn ? "evaluation_scheme.withdraw" : "evaluation_scheme.update",
      entity: "evaluation_scheme",
      entityId: String(id),
      unitCode: s.province_code,
      scope: path,
      before: schemeDto(s),
      after: schemeDto(row),
    });
    return schemeDto(row);
  });
}

/** The province's schemes (any unit's user reads its own province's). */
export async function listSchemes(db: Db, auth: Auth | null, unitCode: string) {
  const path = await requireUnitAccess(db, auth, "unit.read", unitCode);
  const province = path[0] as string;
  return { province, items: (await repo.schemesOf(db, province)).map(schemeDto) };
}

export async function requireScheme(db: Db, auth: Auth | null, id: number) {
  const a = requirePermission(auth, "unit.read");
  const s = await repo.findScheme(db, id);
  if (!s) throw errors.notFoundOrForbidden(String(id));
  return { a, s };
}

/** A scheme and the evaluations under it that the user may read (a commune sees its own; the province all). */
export async function getScheme(db: Db, auth: Auth | null, id: number) {
  const { a, s } = await requireScheme(db, auth, id);
  const all = await repo.evaluationsOf(db, id);
  const mine = all.filter((e) => coversPath(a, "unit.read", e.unit_path, e.body_id ?? undefined));
  if (mine.length === 0 && !coversPath(a, "unit.read", [s.province_code]))
    throw errors.notFoundOrForbidden(String(id));
  const published = s.published_at !== null;
  const manage = coversPath(a, "evaluation.manage", [s.province_code]);
  const selfScored = all.some((e) => e.self_submitted_at !== null || Object.keys(e.own_scores).length > 0);
  return {
    ...schemeDto(s),
    can: {
      manage,
      appraise: coversPath(a, "evaluation.appraise", [s.province_code]),
      // the items and bands, until the first unit scores itself (updateScheme)
      editItems: manage && !published && !selfScored && s.withdrawn_on === null,
    },
    evaluations: mine.map((e) => evaluationDto(e, published)),
  };
}

/** Publishes the year's results: ranks among the ranked units (ties share a rank); every one must be appraised. */
export async function publishScheme(
  db: Db,
  kept: Kept,
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
  requireStanding(s);
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
  await resultsChanged(kept);
  return getScheme(db, auth, id);
}
