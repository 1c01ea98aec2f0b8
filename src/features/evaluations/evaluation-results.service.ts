/**
 * Published evaluation results as other parts read them: a unit's history over the years, and the values
 * fed into reports (score, band, rank), kept per unit and year while the fed revision stands.
 * @module
 */
import { type Auth, requireUnitAccess } from "../../access/access.ts";
import type { Db } from "../../db/database.ts";
import type { Kept } from "../../db/kept.ts";
import { WatchedCache } from "../../db/revision-cache.ts";
import type { RevisionWatcher } from "../../db/revision-watcher.ts";
import { formatPoints } from "../../domain/evaluation.ts";
import { points } from "./evaluation-dto.ts";
import * as repo from "./evaluations.repository.ts";

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

/** The report indicators a published evaluation fills by itself (the report indicators' catalogue). */
export const EVALUATION_FED = [
  "DVCQ_SCORE",
  "DVCQ_BAND",
  "DVCQ_RANK",
  "PAR_INDEX_RANK",
  "SIPAS_RANK",
] as const;
declare module "../../db/kept.ts" {
  interface Kept {
    /** Each unit's published result per year, against `fed_revision` (see add-fed-revision). */
    publishedResults: WatchedCache<Awaited<ReturnType<typeof repo.publishedResultOf>>>;
  }
}

/** The kept published results of `db`, fresh while `watcher` (channel fed_revision) hears no change. */
export function keepPublishedResults(db: Db, watcher?: RevisionWatcher): Kept["publishedResults"] {
  return new WatchedCache(db, watcher);
}

/** After publishing or withdrawing results in this process: the reports they feed see it on their next read. */
export async function resultsChanged(kept: Kept): Promise<void> {
  await kept.publishedResults.refresh();
}

/**
 * A unit's published result of a year as report values (score "95.5", band name, rank, PAR Index and SIPAS
 * ranks), for the fed indicators asked; null when the year's results are not published.
 */
export async function evaluationValues(
  db: Db,
  kept: Kept,
  unitCode: string,
  year: number,
  codes: readonly string[],
) {
  const r = await kept.publishedResults.get(db, `${unitCode}|${year}`, () =>
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
