/**
 * Whom a request asks and for when: the period in words or dates, the units (or bodies) one level below the
 * issuer that the form is filled at, remapped to today's units across the 2025 reform through the successor
 * links, and the requests that already ask them the same.
 * @module
 */

import { type Auth, coversPath, requireUnitAccess } from "../../../access/access.ts";
import type { Db, UnitRow } from "../../../db/database.ts";
import type { Kept } from "../../../db/kept.ts";
import { isWithin, todayInVietnam } from "../../../domain/dates.ts";
import { divide } from "../../../domain/decimal.ts";
import { adHocPeriod, type Period, PeriodError, parsePeriod } from "../../../domain/periods.ts";
import type { UnitLevel } from "../../../domain/report-forms.ts";
import { errors } from "../../../errors.ts";
import { requireForm } from "../../forms/forms.service.ts";
import * as unitService from "../../units/units.service.ts";
import { predecessors } from "../../units/units-lineage.service.ts";
import { bodyTargets, requireIssuerBody, requireMayAskBelow } from "./body-targets.ts";
import * as requestsRepository from "./requests.repository.ts";

export const LEVEL_RANK: Record<UnitLevel, number> = { province: 0, district: 1, commune: 2, hamlet: 3 };
export const MAX_STEPS = 6;
/** Where each historic unit's values go today: its successors' paths, and whether a link was partial. */
export async function remapToToday(
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

export const LEVEL_VI: Record<UnitLevel, string> = {
  province: "tỉnh",
  district: "huyện",
  commune: "xã",
  hamlet: "thôn",
};

export const LEVEL_EN: Record<UnitLevel, string> = {
  province: "province",
  district: "district",
  commune: "commune",
  hamlet: "hamlet",
};

/**
 * What a request would be: its issuer (checked), form, period and targets (units of the level below it as
 * they were at the period's end, remapped to today's units; or the bodies of one kind in them).
 */
export async function resolveTargets(db: Db, kept: Kept, auth: Auth | null, input: CreateRequestInput) {
  const issuerPath = await requireUnitAccess(db, auth, "report.request", input.issuerUnitCode);
  const form = await requireForm(db, kept, input.formId);
  const period = periodOf(input.period);
  const today = todayInVietnam();
  // targets as they were at the period's end (today's units for a period still running)
  const asOf = [period.end, today].sort()[0] as string;
  const issuedOn = input.issuedOn ?? today;
  if (issuedOn > today)
    throw errors.badRequest("Ngày ban hành không thể sau hôm nay", "The issue date cannot be after today", {
      field: "issuedOn",
    });
  // the issuer as it was on the day it asked (a district of 2024 asked before the 2025 reform)
  const issuerNow = await unitService.unitAt(db, input.issuerUnitCode, issuedOn);
  if (!issuerNow)
    throw errors.badRequest(
      `Đơn vị yêu cầu không tồn tại vào ngày ${issuedOn}`,
      `The requesting unit did not exist on ${issuedOn}`,
      { field: input.issuedOn ? "issuedOn" : "issuerUnitCode" },
    );
  const issuerCodes = await issuerCodesOn(db, auth, issuerNow, asOf, today);
  if (input.targetBodyIds?.length) {
    const named = await bodyTargets(
      db,
      auth,
      { ...input, targetBodyIds: input.targetBodyIds },
      {
        form,
        asOf,
        today,
        issuedOn,
        issuerCodes,
        remap: async (units) =>
          new Map(
            [...(await remapToToday(db, units, today))].map(([id, m]) => [
              id,
              {
                province_code: m.provinceCode,
                rollup_path: m.path,
                owner_codes: m.owners,
                partial: m.partial,
              },
            ]),
          ),
      },
    );
    return { issuerPath, form, period, issuerNow, issuedOn, ...named };
  }
  const targetLevel = input.targetLevel;
  if (!targetLevel)
    throw errors.badRequest("Chọn cấp báo cáo hoặc cơ quan báo cáo", "Choose the level or the bodies asked", {
      field: "targetLevel",
    });
  if (!form.levels.includes(targetLevel)) {
    throw errors.badRequest(
      `Biểu mẫu này không dành cho cấp ${LEVEL_VI[targetLevel]}`,
      `This form is not filled at the ${LEVEL_EN[targetLevel]} level`,
      { field: "targetLevel", allowed: form.levels },
    );
  }
  if (LEVEL_RANK[targetLevel] <= LEVEL_RANK[issuerNow.level]) {
    throw errors.badRequest(
      "Đối tượng báo cáo phải là cấp dưới của đơn vị yêu cầu (hoặc chọn từng cơ quan, kể cả cơ quan cùng cấp)",
      "Targets must be below the requesting unit (or choose the bodies, those of the same unit included)",
      { field: "targetLevel" },
    );
  }
  if (input.issuerBodyId !== undefined) {
    const body = await requireIssuerBody(db, input.issuerUnitCode, input.issuerBodyId, issuedOn);
    // a body asking the bodies of one kind below it: the rules of who asks whom (on the day it asks) apply
    if (input.targetBodyKind) await requireMayAskBelow(db, body, input.targetBodyKind, issuedOn);
  }
  const units = issuerCodes.size
    ? await requestsRepository.targetUnits(db, [...issuerCodes], targetLevel, asOf)
    : [];
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
    const bodies = await requestsRepository.bodiesOfKind(
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
  return {
    issuerPath,
    form,
    period,
    issuerNow,
    issuedOn,
    targets,
    targetLevel,
    targetBodyKind: input.targetBodyKind ?? null,
  };
}

/** The units the issuer was made of on `asOf` (itself when it already existed then). */
async function issuerCodesOn(db: Db, auth: Auth | null, issuerNow: UnitRow, asOf: string, today: string) {
  const codes = new Set<string>();
  if (isWithin(asOf, issuerNow.valid_from, issuerNow.valid_to)) codes.add(issuerNow.code);
  else {
    for (const p of (await predecessors(db, auth, issuerNow.code, today)).predecessors) {
      if (isWithin(asOf, p.unit.validFrom, p.unit.validTo)) codes.add(p.unit.code);
    }
  }
  return codes;
}

/**
 * The requests of the same series (form, period, target body kind) that already ask some of the same units:
 * what the requester is warned of before issuing another (the totals count each unit's latest accepted
 * report, whichever request carried it). A request the user may not read is named by its issuer only.
 */
export async function overlapsOf(
  db: Db,
  a: Auth,
  q: { formCode: string; periodCode: string; bodyKind: string; unitCodes: string[] },
) {
  const today = todayInVietnam();
  const rows = await requestsRepository.overlappingRequests(db, q);
  const issuers = new Map<string, string>();
  for (const code of new Set(rows.map((r) => r.issuer_unit_code))) {
    issuers.set(code, (await unitService.unitAt(db, code, today))?.full_name ?? code);
  }
  return rows.map((r) => {
    const readable = coversPath(a, "unit.read", r.issuer_path, r.issuer_body_id ?? undefined);
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

export type PeriodInput =
  | { code: string }
  | { start: string; end: string; cutoff?: { from: string; to: string } };
export function periodOf(input: PeriodInput): Period {
  try {
    return "code" in input ? parsePeriod(input.code) : adHocPeriod(input.start, input.end, input.cutoff);
  } catch (e) {
    if (e instanceof PeriodError) throw errors.badRequest(e.messageVi, e.message, { field: "period" });
    throw e;
  }
}

/** What issuing a request asks for. */
export interface CreateRequestInput {
  issuerUnitCode: string;
  issuerBodyId?: number;
  formId: number;
  period: PeriodInput;
  referenceNo?: string;
  /** the công văn of the registry that asks for it (its number becomes referenceNo when none is given) */
  citedDocumentId?: number;
  /** the plan reported on */
  planId?: number;
  /** the day it went out (default today): the issuer is checked as it was then */
  issuedOn?: string;
  /** the issuer's own report owed upward that this request gathers for (its deadline bounds this one's) */
  answersSubmissionId?: number;
  title?: string;
  /** the level asked (every unit, or every body of `targetBodyKind`, of that level below the issuer)… */
  targetLevel?: UnitLevel;
  targetBodyKind?: string;
  /** …or the bodies asked, by name: of the issuer's own unit or below it */
  targetBodyIds?: number[];
  deadline?: string;
  reminderDays?: number;
}

export function countsDto(c: requestsRepository.StatusCounts, deadline: string, today: string) {
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
