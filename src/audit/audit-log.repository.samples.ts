/** Sample arguments (after `db`) for every function of audit-log.repository.ts, for its SQL snapshot (src/db/sql-snapshot.ts). */
import type { RepositorySamples } from "../db/repository-samples.ts";

export const samples: RepositorySamples = {
  appendAudit: [
    {
      actorId: 1,
      actorName: "admin",
      action: "hamlet.create",
      entity: "unit",
      entityId: "30037-001",
      unitCode: "30037-001",
      scope: ["82", "30037", "30037-001"],
      before: null,
      after: { name: "1" },
    },
  ],
};
