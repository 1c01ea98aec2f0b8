/**
 * The requester's consolidated report: every numeric indicator aggregated from the accepted
 * submissions below it (and, in a preview, the ones still waiting), the narrative compiled child by child, and
 * the requester's own summary written beside it.
 * @module
 */

import { type Auth, requireUnitOfRecord } from "../../../access/access.ts";
import { appendAudit } from "../../../audit/audit-log.repository.ts";
import type { Db, FigureSource, RollupValueRow } from "../../../db/database.ts";
import type { Kept } from "../../../db/kept.ts";
import { type AggregationRule, aggregate } from "../../../domain/aggregation.ts";
import { isWithin } from "../../../domain/dates.ts";
import { add, compare, divide, multiply } from "../../../domain/decimal.ts";
import { FED_INDICATORS, fedValues } from "../../../domain/dvk-models.ts";
import { formCombos } from "../../../domain/report-forms.ts";
import { errors } from "../../../errors.ts";
import { requireForm } from "../../forms/forms.service.ts";
import { registryCounts } from "../../models/model-counts.service.ts";
import * as unitService from "../../units/units.service.ts";
import { requireRequest, toRequestDto } from "../requests/requests.service.ts";
import * as rollup from "../rollup/rollup.service.ts";
import { catalogueFor, cleanNarrative } from "../submissions/submission-values.ts";
import * as consolidationRepository from "./consolidation.repository.ts";

// ---- consolidation ---------------------------------------------------------------------------------------

function aggregateOfRow(
  rule: AggregationRule,
  r: Pick<RollupValueRow, "n" | "sum" | "min" | "max" | "latest_value" | "weighted_sum" | "weight">,
) {
  switch (rule) {
    case "sum":
      return r.sum;
    case "average":
      return r.n ? divide(r.sum, String(r.n), 2) : null;
    case "weighted_average": // Σ value × weight / Σ weight over the reports that gave their weight
      return compare(r.weight, "0") === 0 ? null : divide(r.weighted_sum, r.weight, 2);
    case "min":
      return r.min;
    case "max":
      return r.max;
    case "latest":
      return r.latest_value;
    case "none":
      return null;
  }
}

/**
 * The counted reports under a unit (not its own), each with the request that carried it, less those a nearer
 * counted report speaks for (the rule of rollup.repository.ts): how many reports each request gave the total.
 */
function sourcesOf(
  counted: Awaited<ReturnType<typeof rollup.countedUnder>>,
  unit: string,
  requestId: number,
) {
  const reporting = new Map(counted.map((c) => [c.unit_code, c]));
  const bySource = new Map<number, { requestId: number; referenceNo: string | null; reports: number }>();
  for (const c of counted) {
    if (c.unit_code === unit) continue;
    const spokenFor = c.rollup_path.some((code) => {
      const above = reporting.get(code);
      return above && code !== c.unit_code && code !== unit && above.rollup_path.includes(unit);
    });
    if (spokenFor) continue;
    const s = bySource.get(c.request_id) ?? {
      requestId: c.request_id,
      referenceNo: c.reference_no,
      reports: 0,
    };
    s.reports++;
    bySource.set(c.request_id, s);
  }
  return [...bySource.values()]
    .map((s) => ({ ...s, thisRequest: s.requestId === requestId }))
    .sort((a, b) => Number(b.thisRequest) - Number(a.thisRequest) || a.requestId - b.requestId);
}

/**
 * What the "Dân vận khéo" registry holds under a unit for the year of a request's period, for the model
 * indicators of its form (null while the province keeps no model there that year: see registryCounts).
 */
async function registryFigures(
  db: Db,
  kept: Kept,
  r: { period_end: string; province_code: string },
  form: Parameters<typeof formCombos>[0],
  catalogue: ReadonlyMap<string, { categories: Record<string, string[]> }>,
  unit: string,
) {
  const year = Number(r.period_end.slice(0, 4));
  if (![...catalogue.keys()].some((c) => c in FED_INDICATORS)) return null;
  const counts = await registryCounts(db, kept, unit, r.province_code, year);
  if (!counts) return null;
  const combos = formCombos(form, (code) => catalogue.get(code)?.categories);
  return { year, values: fedValues(counts.rows, counts.fieldNames, combos) };
}

/**
 * The requester's consolidated draft for one unit (default: the issuer): every numeric indicator from the
 * latest accepted report of each unit below it in the request's series (whichever request carried it: the
 * same figure the dashboards and documents show; a unit below the issuer that reported itself shows its own
 * report), a preview of this request's submitted reports not yet accepted, the units one level down (each
 * with its own report's figure if it has one), and the narrative compiled section by section, child by child.
 */
export async function consolidation(db: Db, kept: Kept, auth: Auth | null, id: number, unitCode?: string) {
  const r = await requireRequest(db, auth, id);
  const unit = await unitOfRequest(db, auth, r, unitCode);
  const series = rollup.seriesOf(r);
  const form = await requireForm(db, kept, r.form_id);
  const catalogue = await catalogueFor(db, kept, form);
  const rolled = [...catalogue.values()].filter((i) => i.type !== "text" && i.aggregation !== "none");
  const [children, pending, counted, versions] = await Promise.all([
    rollup.seriesChildren(db, series, unit),
    consolidationRepository.pendingSubmissionsUnder(db, id, unit),
    rollup.countedUnder(db, series, unit),
    unitService.unitVersions(db, unit),
  ]);
  // the unit's name as it was at the period's end (an old district keeps its name), else its latest
  const named =
    versions.find((v) => isWithin(r.period_end, v.valid_from, v.valid_to)) ?? versions[versions.length - 1];
  const [rows, registry, summary, ownBodies] = await Promise.all([
    rollup.rollupOf(db, series, [unit, ...children.map((c) => c.code)]),
    registryFigures(db, kept, r, form, catalogue, unit),
    consolidationRepository.findSummary(db, id, unit),
    unit === r.issuer_unit_code ? consolidationRepository.asksOwnBodies(db, id, unit) : false,
  ]);
  const chosen = summary?.figure_sources ?? {};
  const has = (own: boolean) => rows.some((x) => x.unit_code === unit && x.own === own);
  // the issuer's draft adds up the reports below it, or, asked of the bodies of its own unit (the Ban Dân vận
  // asking the UBND and the Front of its district) and with none below, theirs; a unit below it shows its own
  // report when it has one
  const own = unit !== r.issuer_unit_code ? has(true) : ownBodies && !has(false) && has(true);
  const indicators = rolled.map((ind) => {
    const mine = rows.filter((x) => x.unit_code === unit && x.own === own && x.indicator_code === ind.code);
    const combos = Object.fromEntries(mine.map((x) => [x.combo, aggregateOfRow(ind.aggregation, x)]));
    const total = mine.find((x) => x.combo === "");
    const previewItems = pending.flatMap((p) => {
      const v = p.values[ind.code]?.[""];
      const weight = ind.weight_code ? p.values[ind.weight_code]?.[""] : undefined;
      return v === undefined
        ? []
        : [{ value: v, at: p.submitted_at?.toISOString() ?? "", ...(weight ? { weight } : {}) }];
    });
    const pendingValue = aggregate(ind.aggregation, previewItems);
    const heldCombos = registry?.values[ind.code];
    const held = heldCombos
      ? { year: registry?.year as number, value: heldCombos[""] ?? null, combos: heldCombos }
      : null;
    // a child's figure: its own report when it has one, else the reports below it
    const figureOf = (code: string) => {
      const of = rows.filter((y) => y.unit_code === code && y.indicator_code === ind.code && y.combo === "");
      const x = of.find((y) => y.own) ?? of.find((y) => !y.own);
      return x ? aggregateOfRow(ind.aggregation, x) : null;
    };
    return {
      code: ind.code,
      nameVi: ind.name_vi,
      nameEn: ind.name_en,
      unitOfMeasure: ind.unit_of_measure,
      aggregation: ind.aggregation,
      accepted: {
        value: combos[""] ?? null,
        combos,
        reporting: total?.n ?? 0,
        partial: total?.partial_n ?? 0,
      },
      pending: { value: pendingValue, reporting: previewItems.length },
      children: Object.fromEntries(children.map((c) => [c.code, figureOf(c.code)])),
      // where a registry holds the same figure: both, their difference, and which one the report uses
      registry: held
        ? {
            year: held.year,
            value: held.value,
            combos: held.combos,
            // the registry's figure less the reports' (what taking it would change)
            difference:
              held.value === null || combos[""] == null ? null : add(held.value, multiply("-1", combos[""])),
          }
        : null,
      used: (held && chosen[ind.code] === "registry" ? "registry" : "reports") as FigureSource,
    };
  });
  const narratives = await consolidationRepository.narrativesUnder(db, id, unit);
  const sections = form.sections
    .filter((s) => s.kind === "narrative")
    .map((s) => ({
      key: s.key,
      titleVi: s.titleVi,
      titleEn: s.titleEn,
      excerpts: narratives.flatMap((n) =>
        n.narrative[s.key]
          ? [
              {
                submissionId: n.id,
                unitCode: n.unit_code,
                unitName: n.unit_name,
                bodyName: n.body_name,
                status: n.status,
                text: n.narrative[s.key] as string,
              },
            ]
          : [],
      ),
    }));
  return {
    request: toRequestDto(r),
    unitCode: unit,
    unitName: named?.full_name ?? unit,
    children: children.map((c) => ({ code: c.code, name: c.full_name, level: c.level })),
    indicators,
    sections,
    pendingCount: pending.length,
    sources: sourcesOf(counted, unit, id),
  };
}

/**
 * The unit a consolidation or summary is read at: the issuer (default) or a unit the request reaches (on the
 * path of one of its reports, the old district of a period before the reform included).
 */
async function unitOfRequest(
  db: Db,
  auth: Auth | null,
  r: { id: number; issuer_unit_code: string; issuer_path: string[] },
  unitCode: string | undefined,
): Promise<string> {
  if (unitCode === undefined || unitCode === r.issuer_unit_code) return r.issuer_unit_code;
  await requireUnitOfRecord(db, auth, "unit.read", unitCode, {
    holderPath: r.issuer_path,
    inRecord: await consolidationRepository.requestReaches(db, r.id, unitCode),
  });
  return unitCode;
}

// ---- the requester's summary -----------------------------------------------------------------------------

/**
 * The requester's own narrative for its consolidated report, section by section, written beside the compiled
 * excerpts (default unit: the issuer). Versioned like every write; a stale version gets 409.
 */
export async function getSummary(db: Db, auth: Auth | null, id: number, unitCode?: string) {
  const r = await requireRequest(db, auth, id);
  const unit = await unitOfRequest(db, auth, r, unitCode);
  const s = await consolidationRepository.findSummary(db, id, unit);
  return {
    unitCode: unit,
    narrative: s?.narrative ?? {},
    figureSources: s?.figure_sources ?? {},
    version: s?.version ?? 0,
  };
}

export async function saveSummary(
  db: Db,
  kept: Kept,
  auth: Auth | null,
  id: number,
  input: {
    unit?: string;
    version: number;
    narrative?: Record<string, string>;
    figureSources?: Record<string, FigureSource>;
  },
) {
  const r = await requireRequest(db, auth, id, "report.review");
  const a = auth as Auth;
  const unit = await unitOfRequest(db, a, r, input.unit);
  const form = await requireForm(db, kept, r.form_id);
  const before = await consolidationRepository.findSummary(db, id, unit);
  const narrative = input.narrative ? cleanNarrative(form, input.narrative) : (before?.narrative ?? {});
  const catalogue = await catalogueFor(db, kept, form);
  const bad = Object.keys(input.figureSources ?? {}).filter(
    (c) => !(c in FED_INDICATORS) || !catalogue.has(c),
  );
  if (bad.length) {
    throw errors.validation(
      bad.map((c) => ({
        field: `figureSources.${c}`,
        messageVi: "Chỉ tiêu này không có số liệu từ sổ theo dõi để chọn",
        messageEn: "No registry holds this indicator's figure",
      })),
    );
  }
  const figureSources = { ...(before?.figure_sources ?? {}), ...(input.figureSources ?? {}) };
  const write = {
    requestId: id,
    unitCode: unit,
    provinceCode: r.province_code,
    narrative: JSON.stringify(narrative),
    figureSources: JSON.stringify(figureSources),
    userId: a.userId,
  };
  return db.transaction().execute(async (trx) => {
    const saved =
      input.version === 0
        ? await consolidationRepository.insertSummary(trx, write)
        : await consolidationRepository.updateSummaryVersioned(trx, { ...write, version: input.version });
    if (!saved) throw errors.stale((await consolidationRepository.findSummary(trx, id, unit))?.version ?? 0);
    await appendAudit(trx, {
      actorId: a.userId,
      actorName: a.username,
      action: "consolidation.summary",
      entity: "report_request",
      entityId: String(id),
      unitCode: unit,
      scope: r.issuer_path,
      before: before
        ? {
            version: before.version,
            sections: Object.keys(before.narrative),
            figureSources: before.figure_sources,
          }
        : null,
      after: { version: saved.version, sections: Object.keys(narrative), figureSources },
    });
    return { unitCode: unit, narrative, figureSources, version: saved.version };
  });
}
