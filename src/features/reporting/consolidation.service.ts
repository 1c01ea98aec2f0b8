/**
 * The requester's consolidated report (issue 3 §4): every numeric indicator aggregated from the accepted
 * submissions below it (and, in a preview, the ones still waiting), the narrative compiled child by child, and
 * the requester's own summary written beside it.
 * @module
 */
import type { Kysely } from "kysely";
import type { Auth } from "../../access/access.ts";
import type { Database, RollupValueRow } from "../../db/database.ts";
import { type AggregationRule, aggregate } from "../../domain/aggregation.ts";
import { compare, divide } from "../../domain/decimal.ts";
import { errors } from "../../http/errors.ts";
import { requireForm } from "../forms/forms.service.ts";
import * as repo from "./reporting.repository.ts";
import { catalogueFor, cleanNarrative, requireRequest, toRequestDto } from "./reporting.service.ts";
import * as rollup from "./rollup.repository.ts";
import { seriesOf } from "./rollup.service.ts";

type Db = Kysely<Database>;

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
 * The requester's consolidated draft for one unit (default: the issuer): every numeric indicator from the
 * latest accepted report of each unit below it in the request's series (whichever request carried it: the
 * same figure the dashboards and documents show; a unit below the issuer that reported itself shows its own
 * report), a preview of this request's submitted reports not yet accepted, the units one level down (each
 * with its own report's figure if it has one), and the narrative compiled section by section, child by child.
 */
export async function consolidation(db: Db, auth: Auth | null, id: number, unitCode?: string) {
  const r = await requireRequest(db, auth, id);
  const unit = unitCode ?? r.issuer_unit_code;
  const series = seriesOf(r);
  const form = await requireForm(db, r.form_id);
  const catalogue = await catalogueFor(db, form);
  const rolled = [...catalogue.values()].filter((i) => i.type !== "text" && i.aggregation !== "none");
  const [children, pending, counted] = await Promise.all([
    rollup.seriesChildren(db, series, unit),
    repo.pendingSubmissionsUnder(db, id, unit),
    rollup.countedUnder(db, series, unit),
  ]);
  const rows = await rollup.rollupOf(db, series, [unit, ...children.map((c) => c.code)]);
  // the issuer's draft adds up the reports below it; a unit below it shows its own report when it has one
  const own = unit !== r.issuer_unit_code && rows.some((x) => x.unit_code === unit && x.own);
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
    };
  });
  const narratives = await repo.narrativesUnder(db, id, unit);
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
    children: children.map((c) => ({ code: c.code, name: c.full_name, level: c.level })),
    indicators,
    sections,
    pendingCount: pending.length,
    sources: sourcesOf(counted, unit, id),
  };
}

// ---- the requester's summary -----------------------------------------------------------------------------

/**
 * The requester's own narrative for its consolidated report, section by section, written beside the compiled
 * excerpts (default unit: the issuer). Versioned like every write; a stale version gets 409.
 */
export async function getSummary(db: Db, auth: Auth | null, id: number, unitCode?: string) {
  const r = await requireRequest(db, auth, id);
  const unit = unitCode ?? r.issuer_unit_code;
  const s = await repo.findSummary(db, id, unit);
  return { unitCode: unit, narrative: s?.narrative ?? {}, version: s?.version ?? 0 };
}

export async function saveSummary(
  db: Db,
  auth: Auth | null,
  id: number,
  input: { unit?: string; version: number; narrative: Record<string, string> },
) {
  const r = await requireRequest(db, auth, id, "report.review");
  const a = auth as Auth;
  const unit = input.unit ?? r.issuer_unit_code;
  const form = await requireForm(db, r.form_id);
  const narrative = cleanNarrative(form, input.narrative);
  const write = {
    requestId: id,
    unitCode: unit,
    provinceCode: r.province_code,
    narrative: JSON.stringify(narrative),
    userId: a.userId,
  };
  const saved =
    input.version === 0
      ? await repo.insertSummary(db, write)
      : await repo.updateSummaryVersioned(db, { ...write, version: input.version });
  if (!saved) throw errors.stale((await repo.findSummary(db, id, unit))?.version ?? 0);
  return { unitCode: unit, narrative, version: saved.version };
}
