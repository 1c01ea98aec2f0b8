/**
 * Hot spots (điểm nóng) among a province's units, from their letters: where a case of many citizens ("đoàn
 * đông người") or a heated one ("gay gắt") is still open, and where crowded cases keep coming back. The
 * reports ask for it in these words ("không phát sinh trường hợp khiếu nại gay gắt, đông người hoặc tạo điểm
 * nóng"), but no law defines a hot spot or a threshold: these are danvan's own, kept here as named constants.
 * Pure, no I/O.
 * @module
 */

/** A unit's letters as the hot spots count them. */
export interface HotspotCounts {
  /** open letters flagged crowded (đông người) */
  openCrowded: number;
  /** open letters flagged heated (gay gắt) */
  openHeated: number;
  /** letters flagged crowded received within the last REPEAT_WINDOW_DAYS, whatever their state */
  crowdedRecent: number;
  /** open letters past their legal day */
  overdue: number;
}

export type HotspotLevel = "hot" | "watch" | "calm";

/** The days over which crowded cases count as repeated. */
export const REPEAT_WINDOW_DAYS = 365;
/** How many crowded cases within the window make a unit worth watching even when none is open. */
export const REPEATED_CROWDED = 2;

/**
 * "hot": a crowded or heated case is open; "watch": crowded cases came back (REPEATED_CROWDED within the
 * window) or an open letter is past its legal day; "calm" otherwise.
 */
export function hotspotLevel(c: HotspotCounts): HotspotLevel {
  if (c.openCrowded + c.openHeated > 0) return "hot";
  if (c.crowdedRecent >= REPEATED_CROWDED || c.overdue > 0) return "watch";
  return "calm";
}

const RANK: Record<HotspotLevel, number> = { hot: 0, watch: 1, calm: 2 };

/** The early-warning order: hot first, then the most open crowded and heated cases, repeats, overdue; then name. */
export function byWarning<T extends HotspotCounts & { name: string }>(units: readonly T[]): T[] {
  return [...units].sort(
    (a, b) =>
      RANK[hotspotLevel(a)] - RANK[hotspotLevel(b)] ||
      b.openCrowded + b.openHeated - (a.openCrowded + a.openHeated) ||
      b.crowdedRecent - a.crowdedRecent ||
      b.overdue - a.overdue ||
      a.name.localeCompare(b.name, "vi"),
  );
}
