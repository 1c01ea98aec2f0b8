/** Sample arguments (after `db`) for every function of access.repository.ts, for its SQL snapshot (src/db/sql-snapshot.ts). */
import type { RepositorySamples } from "../db/repository-samples.ts";

export const samples: RepositorySamples = {
  grantsOfUser: [1],
  unitPath: ["30037"],
  unitPaths: [["30037", "82"]],
};
