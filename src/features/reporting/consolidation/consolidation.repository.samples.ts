/**
 * Sample arguments (after `db`) for every function of consolidation.repository.ts, for its SQL snapshot
 * (src/db/sql-snapshot.ts).
 */
import type { RepositorySamples } from "../../../db/repository-samples.ts";

export const samples: RepositorySamples = {
  pendingSubmissionsUnder: [1, "82"],
  narrativesUnder: [1, "82"],
  findSummary: [1, "82"],
  insertSummary: [
    { requestId: 1, unitCode: "82", provinceCode: "82", narrative: "{}", figureSources: "{}", userId: 1 },
  ],
  updateSummaryVersioned: [
    {
      requestId: 1,
      unitCode: "82",
      provinceCode: "82",
      narrative: "{}",
      figureSources: "{}",
      version: 1,
      userId: 1,
    },
  ],
  requestReaches: [1, "30037"],
  asksOwnBodies: [1, "82"],
};
