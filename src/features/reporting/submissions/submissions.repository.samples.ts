/**
 * Sample arguments (after `db`) for every function of submissions.repository.ts, for its SQL snapshot
 * (src/db/sql-snapshot.ts).
 */
import type { RepositorySamples } from "../../../db/repository-samples.ts";

export const samples: RepositorySamples = {
  findSubmission: [1],
  writeSubmissionStep: [
    1,
    1,
    {
      set: { status: "submitted", values: "{}", narrative: "{}", submitted: true, updated_by: 1 },
      event: "submit",
      comment: null,
      actorName: "xa.thapmuoi",
      audit: {
        actorId: 1,
        actorName: "xa.thapmuoi",
        action: "submission.submit",
        entity: "submission",
        entityId: "1",
        unitCode: "30037",
        scope: ["82", "30037"],
        before: { status: "draft", version: 1 },
        after: { status: "submitted", version: 2, comment: null },
      },
    },
  ],
  listRevisions: [1],
  findRevision: [1, 2],
  keepDocumentNumber: [1, { document_number_id: 7, document_symbol: "12/BC-UBND", registry_document_id: 9 }],
};
