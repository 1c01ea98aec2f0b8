/**
 * Sample arguments (after `db`) for every function of exchange.repository.ts, for its SQL snapshot
 * (src/db/sql-snapshot.ts).
 */
import type { RepositorySamples } from "../../../db/repository-samples.ts";

export const samples: RepositorySamples = {
  setSubmissionStates: [
    [
      {
        id: 1,
        status: "accepted",
        values: { DVK_MODELS_TOTAL: { "": "12" } },
        narrative: { I: "Ổn định" },
        late_reason: null,
        comment: null,
        first_submitted_at: "2026-06-15T02:00:00Z",
        submitted_at: "2026-06-15T02:00:00Z",
        accepted_at: "2026-06-17T02:00:00Z",
        actor_id: 1,
        actor_name: "admin",
      },
    ],
  ],
  submissionsWithValues: [1],
};
