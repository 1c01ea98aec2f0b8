/**
 * The indicator catalogue held in memory: every report page and every write reads it, and it changes a few
 * times a year. It is reloaded when the `indicator_revision` counter moves (heard through a RevisionWatcher,
 * so a change made by another server is seen as soon as its notification arrives, and one made here at once,
 * see refreshCatalogue). Without a listening watcher (tests, the CLI, a lost connection) every call reads the
 * table.
 * @module
 */
import type { Db, IndicatorRow } from "../../db/database.ts";
import type { Kept } from "../../db/kept.ts";
import { WatchedCache } from "../../db/revision-cache.ts";
import type { RevisionWatcher } from "../../db/revision-watcher.ts";
import * as repo from "./indicators.repository.ts";

declare module "../../db/kept.ts" {
  interface Kept {
    /** Every indicator, against `indicator_revision`. */
    catalogue: WatchedCache<readonly IndicatorRow[]>;
  }
}

/** The kept catalogue of `db`, fresh while `watcher` (channel indicator_revision) hears no change. */
export function keepCatalogue(db: Db, watcher?: RevisionWatcher): Kept["catalogue"] {
  return new WatchedCache(db, watcher);
}

/**
 * Every indicator, built-ins first then by code (shared rows: read, never change them). The read in flight is
 * shared: a burst arriving on a cold cache reads the table once.
 */
export function catalogue(db: Db, kept: Kept): Promise<readonly IndicatorRow[]> {
  return kept.catalogue.get(db, "all", () => repo.listIndicators(db));
}

/** After a write in this process: learn the new revision now rather than wait for its notification. */
export async function refreshCatalogue(kept: Kept): Promise<void> {
  await kept.catalogue.refresh();
}
