/** Sample arguments (after `db`) for every function of letter-figures.repository.ts, for its SQL snapshot (src/db/sql-snapshot.ts). */
import type { RepositorySamples } from "../../db/repository-samples.ts";

export const samples: RepositorySamples = {
  countForPeriod: [{ unit: "30037", province: "82", from: "2026-01-01", to: "2026-12-31" }],
};
