/**
 * A report owed upward starts from what the units below sent for it: the consolidated figures of the requests
 * its unit issued to gather it (each series once: the issuer's consolidation, the same figure its dashboards
 * and documents show), and their texts compiled section by section (the requester's own summary where it wrote
 * one). When the report is submitted it carries what was gathered: how far the units below answered, and where
 * its figures differ from theirs, for the level above to see.
 * @module
 */

import type { Auth } from "../../../access/access.ts";
import type { Db, GatheredJson, SubmissionValues } from "../../../db/database.ts";
import type { Kept } from "../../../db/kept.ts";
import { todayInVietnam } from "../../../domain/dates.ts";
import { compare } from "../../../domain/decimal.ts";
import { checkValue, type IndicatorType } from "../../../domain/indicators.ts";
import { compileNarratives } from "../../../domain/narrative.ts";
import { findRequest, gathersAnything, requestsGathering } from "../requests/requests.service.ts";
import { seriesOf } from "../rollup/rollup.service.ts";
import { catalogueFor, combosOfForm, type Loaded, TOTAL_ONLY } from "../submissions/submission-values.ts";
import { allow, load } from "../submissions/submissions.service.ts";
import { consolidation, getSummary } from "./consolidation.service.ts";

export type Gathered = Awaited<ReturnType<typeof gatheredOf>>;

/** For whoever fills a report owed upward: what its draft can start from (nothing when it gathered none). */
export async function gathered(db: Db, kept: Kept, auth: Auth | null, id: number) {
  const l = await load(db, kept, auth, id);
  allow(l.auth, l, "save");
  return gatheredOf(db, kept, l.auth, l);
}

/**
 * What the requests gathering `l` consolidated, as values and texts of `l`'s form: numbers for the indicators
 * the owed form shares with theirs (a value the owed indicator cannot hold, such as an average with decimals for
 * a whole number, is left for the official), texts for its narrative sections of the same key.
 */
export async function gatheredOf(db: Db, kept: Kept, auth: Auth, l: Loaded) {
  // almost no report gathers anything: asked first, in a read shared by the reports submitted at once
  const asked = (await gathersAnything(db, l.sub.id))
    ? ((await requestsGathering(db, [l.sub.id])).get(l.sub.id) ?? [])
    : [];
  // the newest request of each series speaks for its figures: its consolidation counts each unit's latest
  // accepted report, whichever of them carried it
  const seen = new Set<string>();
  const sources: { request: (typeof asked)[number]; c: Awaited<ReturnType<typeof consolidation>> }[] = [];
  for (const g of asked) {
    const r = await findRequest(db, g.id);
    if (!r) continue;
    const key = JSON.stringify(seriesOf(r));
    if (seen.has(key)) continue;
    seen.add(key);
    sources.push({ request: g, c: await consolidation(db, kept, auth, g.id) });
  }
  const catalogue = await catalogueFor(db, kept, l.form);
  const combosOf = combosOfForm(catalogue, l.form);
  const values: SubmissionValues = {};
  const left: string[] = [];
  for (const [code, ind] of catalogue) {
    if (ind.type === "text") continue;
    // the newest series that has a figure for it
    const found = sources
      .flatMap(({ c }) => c.indicators.filter((i) => i.code === code))
      .find((i) => i.accepted.value !== null);
    if (!found) continue;
    const figures =
      found.used === "registry" && found.registry ? found.registry.combos : found.accepted.combos;
    const allowed = combosOf.get(code) ?? TOTAL_ONLY;
    const combos: Record<string, string> = {};
    for (const [combo, value] of Object.entries(figures)) {
      if (value === null || value === undefined || !allowed.includes(combo)) continue;
      if (checkValue(ind.type as IndicatorType, value, ind.max_value).ok) combos[combo] = value;
      else left.push(code);
    }
    if (Object.keys(combos).length) values[code] = combos;
  }
  const summaries = await Promise.all(sources.map(({ request }) => getSummary(db, auth, request.id)));
  const narrative: Record<string, string> = {};
  for (const section of l.form.sections) {
    if (section.kind !== "narrative") continue;
    const pieces: { name?: string; text: string }[] = [];
    for (const [i, { c }] of sources.entries()) {
      // the unit's own summary of that section, written for the request, else each report's text
      const summary = summaries[i]?.narrative[section.key];
      if (summary?.trim()) {
        pieces.push({ text: summary });
        continue;
      }
      for (const e of c.sections.find((s) => s.key === section.key)?.excerpts ?? [])
        pieces.push({ name: e.bodyName ?? e.unitName, text: e.text });
    }
    const text = compileNarratives(pieces);
    if (text) narrative[section.key] = text;
  }
  return {
    // every request sent down, with how far it was answered
    sources: asked.map((request) => ({
      requestId: request.id,
      referenceNo: request.referenceNo,
      title: request.title,
      deadline: request.deadline,
      counts: request.counts,
      // submitted, not yet accepted: shown to the official, not in the figures
      pending: request.counts.submitted - request.counts.accepted,
    })),
    values,
    narrative,
    /** indicators whose gathered figure the owed report's indicator cannot hold as it is */
    left: [...new Set(left)],
  };
}

/**
 * What a submitted report carries of what it gathered: the requests with how far they were answered, and the
 * indicators whose reported total differs from the gathered one (the level above sees both).
 */
export function carriedOf(g: Gathered, reported: SubmissionValues): GatheredJson | null {
  if (g.sources.length === 0) return null;
  const differences = Object.entries(g.values).flatMap(([code, combos]) => {
    const gathered = combos[""];
    const mine = reported[code]?.[""];
    if (gathered === undefined) return [];
    return mine !== undefined && compare(mine, gathered) === 0
      ? []
      : [{ code, reported: mine ?? null, gathered }];
  });
  return {
    takenOn: todayInVietnam(),
    sources: g.sources.map((s) => ({
      requestId: s.requestId,
      referenceNo: s.referenceNo,
      title: s.title,
      expected: s.counts.expected,
      submitted: s.counts.submitted,
      accepted: s.counts.accepted,
      late: s.counts.late,
      missing: s.counts.missing,
    })),
    differences,
  };
}
