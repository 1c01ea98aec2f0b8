/**
 * Sample arguments (after `db`) for every function of dashboards.repository.ts, for its SQL snapshot
 * (src/db/sql-snapshot.ts).
 */
import type { RepositorySamples } from "../../../db/repository-samples.ts";

export const samples: RepositorySamples = {
  requestsUnder: ["82", "dvcq-thap-muoi", 24],
  timelinessCells: [[1, 2], ["82", "30037"], "2026-11-22"],
  provinces: ["2026-11-22"],
};
