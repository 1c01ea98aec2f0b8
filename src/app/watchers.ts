/**
 * Every watcher of a process, built in one place at start-up: the revisions the kept answers stand on (units,
 * indicators, fed values) and the auth changes that drop resolved sessions. Each kept answer is told its
 * watcher here, and nowhere else (docs/performance.md lists them).
 * @module
 */
import type { Logger } from "pino";
import { ChangeListener } from "../db/change-listener.ts";
import type { Db } from "../db/database.ts";
import { RevisionWatcher } from "../db/revision-watcher.ts";
import { watchPublishedResults } from "../features/evaluations/evaluation-results.service.ts";
import { watchCatalogue } from "../features/indicators/catalogue.ts";
import { watchRegistry } from "../features/models/model-counts.service.ts";

export interface Watchers {
  /** The unit revision, for the kept hierarchy answers (absent: nothing is kept, every read computes). */
  unitRevisions?: RevisionWatcher;
  authChanges: ChangeListener;
  stop(): Promise<void>;
}

/**
 * Starts the watchers of the database at `url` and hands the kept answers theirs. Without `revisions` (some
 * tests) only the auth changes are heard and no answer is kept.
 */
export async function startWatchers(db: Db, url: string, log: Logger, revisions = true): Promise<Watchers> {
  const authChanges = new ChangeListener(url, log, "auth_change");
  if (!revisions) {
    await authChanges.start();
    return { authChanges, stop: () => authChanges.stop() };
  }
  const unitRevisions = new RevisionWatcher(url, log);
  const indicatorRevisions = new RevisionWatcher(url, log, "indicator_revision");
  const fedRevisions = new RevisionWatcher(url, log, "fed_revision");
  const all = [unitRevisions, indicatorRevisions, fedRevisions, authChanges];
  await Promise.all(all.map((w) => w.start()));
  watchCatalogue(db, indicatorRevisions);
  watchRegistry(db, fedRevisions);
  watchPublishedResults(db, fedRevisions);
  return {
    unitRevisions,
    authChanges,
    stop: async () => {
      await Promise.all(all.map((w) => w.stop()));
    },
  };
}
