/** Sample arguments (after `db`) for every function of audit.repository.ts, for its SQL snapshot (src/db/sql-snapshot.ts). */
import type { RepositorySamples } from "../../db/repository-samples.ts";

export const samples: RepositorySamples = {
  listAudit: [{ scope: ["82"], entity: "unit", unitCode: "30037", limit: 50, offset: 0 }],
};
