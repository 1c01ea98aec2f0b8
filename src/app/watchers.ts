/**
 * Every watcher of a process, built in one place at start-up: the revisions the kept answers stand on (units,
 * indicators, fed values, the calendar and legal time limits) and the auth changes that drop resolved sessions. The kept answers are built from
 * them in features/kept.ts (docs/performance.md lists them).
 * @module
 */
import type { Logger } from "pino";
import { ChangeListener } from "../db/change-listener.ts";
import { RevisionWatcher } from "../db/revision-watcher.ts";

export interface Watchers {
  /** The unit revision, for the kept hierarchy answers (absent: nothing is kept, every read computes). */
  unitRevisions?: RevisionWatcher;
  indicatorRevisions?: RevisionWatcher;
  fedRevisions?: RevisionWatcher;
  legalRevisions?: RevisionWatcher;
  authChanges: ChangeListener;
  stop(): Promise<void>;
}

/**
 * Starts the watchers of the database at `url`. Without `revisions` (some tests) only the auth changes are
 * heard, and the answers built on them keep nothing.
 */
export async function startWatchers(url: string, log: Logger, revisions = true): Promise<Watchers> {
  const authChanges = new ChangeListener(url, log, "auth_change");
  if (!revisions) {
    await authChanges.start();
    return { authChanges, stop: () => authChanges.stop() };
  }
  const unitRevisions = new RevisionWatcher(url, log);
  const indicatorRevisions = new RevisionWatcher(url, log, "indicator_revision");
  const fedRevisions = new RevisionWatcher(url, log, "fed_revision");
  const legalRevisions = new RevisionWatcher(url, log, "legal_revision");
  const all = [unitRevisions, indicatorRevisions, fedRevisions, legalRevisions, authChanges];
  await Promise.all(all.map((w) => w.start()));
  return {
    unitRevisions,
    indicatorRevisions,
    fedRevisions,
    legalRevisions,
    authChanges,
    stop: async () => {
      await Promise.all(all.map((w) => w.stop()));
    },
  };
}
