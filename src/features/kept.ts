/**
 * Every answer a process keeps, built once at start-up from the watchers of app/watchers.ts and handed to the
 * features through `AppDeps.kept`. Without watchers (the CLI, some tests) the watched members keep nothing and
 * every read computes. docs/performance.md lists each member.
 * @module
 */
import type { Db } from "../db/database.ts";
import type { Kept } from "../db/kept.ts";
import type { RevisionWatcher } from "../db/revision-watcher.ts";
import { keepWorkingCalendar } from "./calendar/calendar.service.ts";
import { keepPublishedResults } from "./evaluations/evaluation-results.service.ts";
import { keepFormVersions } from "./forms/forms.service.ts";
import { keepCatalogue } from "./indicators/catalogue.ts";
import { keepClockRules } from "./letters/letter-rules.service.ts";
import { keepRegistryCounts } from "./models/model-counts.service.ts";
import { keepDashboardTotals } from "./reporting/dashboards/dashboards.service.ts";
import { keepUnitChildren } from "./units/units.service.ts";

/** The revision watchers the kept answers stand on. */
export interface KeptWatchers {
  indicatorRevisions?: RevisionWatcher;
  fedRevisions?: RevisionWatcher;
  legalRevisions?: RevisionWatcher;
}

export function buildKept(db: Db, watchers: KeptWatchers = {}): Kept {
  return {
    catalogue: keepCatalogue(db, watchers.indicatorRevisions),
    registryCounts: keepRegistryCounts(db, watchers.fedRevisions),
    publishedResults: keepPublishedResults(db, watchers.fedRevisions),
    dashboardTotals: keepDashboardTotals(),
    formVersions: keepFormVersions(),
    unitChildren: keepUnitChildren(),
    workingCalendar: keepWorkingCalendar(db, watchers.legalRevisions),
    clockRules: keepClockRules(db, watchers.legalRevisions),
  };
}
