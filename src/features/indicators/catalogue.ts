/**
 * The indicator catalogue held in memory per database handle: every report page and every write reads it, and
 * it changes a few times a year. It is reloaded when the `indicator_revision` counter moves (heard through a
 * RevisionWatcher, so a change made by another server is seen as soon as its notification arrives, and one
 * made here at once, see refreshCatalogue). Without a listening watcher (tests, the CLI, a lost connection)
 * every call reads the table as before.
 * @module
 */
import type { Kysely } from "kysely";
import type { Database, IndicatorRow } from "../../db/database.ts";
import { WatchedCache } from "../../db/revision-cache.ts";
import type { RevisionWatcher } from "../../db/revision-watcher.ts";
import * as repo from "./indicators.repository.ts";

type Db = Kysely<Database>;

const held = new WatchedCache<readonly IndicatorRow[]>();

/** Lets `catalogue(db)` keep its answer while `watcher` says the revision has not moved. */
export function watchCatalogue(db: Db, watcher: RevisionWatcher): void {
  held.watch(db, watcher);
}

/**
 * Every indicator, built-ins first then by code (shared rows: read, never change them). The read in flight is
 * shared: a burst arriving on a cold cache reads the table once.
 */
export function catalogue(db: Db): Promise<readonly IndicatorRow[]> {
  return held.get(db, "all", () => repo.listIndicators(db));
}

/** After a write in this process: learn the new revision now rather than wait for its notification. */
export async function refreshCatalogue(db: Db): Promise<void> {
  await held.refresh(db);
}
