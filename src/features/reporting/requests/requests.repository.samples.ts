/**
 * Sample arguments (after `db`) for every function of requests.repository.ts, for its SQL snapshot
 * (src/db/sql-snapshot.ts).
 */
import type { RepositorySamples } from "../../../db/repository-samples.ts";

const SAMPLE_REQUEST = {
  issuer_unit_code: "82",
  issuer_body_id: null,
  issuer_path: ["82"],
  province_code: "82",
  form_id: 1,
  period_code: "2026S1",
  period_type: "half_year",
  previous_period_code: "2025S1",
  period_start: "2026-01-01",
  period_end: "2026-06-30",
  cutoff_from: "2025-12-15",
  cutoff_to: "2026-06-14",
  reference_no: "113-CV/BDVHU",
  title: "Báo cáo 6 tháng đầu năm 2026",
  target_level: "commune",
  cited_document_id: null,
  target_body_kind: null,
  deadline: "2026-06-16",
  level_deadlines: "[]",
  reminder_days: 2,
  issued_by: 1,
};

export const samples: RepositorySamples = {
  findOwedReport: [1],
  requestsGathering: [[1, 2]],
  gathersAnything: [1],
  notYetSent: [[1, 2], 5],
  askedOfBodies: [1, [1, 2]],
  insertRequest: [SAMPLE_REQUEST],
  findRequest: [1],
  listIssuedRequests: [{ units: ["82"], bodies: [0] }, 200],
  overlappingRequests: [
    { formCode: "dvcq-thap-muoi", periodCode: "2026S1", bodyKind: "", unitCodes: ["30037", "30040"] },
  ],
  targetUnits: [["82"], "commune", "2026-06-30"],
  bodiesOfKind: [["30037"], "people_committee", "2026-06-30"],
  insertSubmissions: [
    [
      {
        request_id: 1,
        unit_code: "30037",
        unit_id: 1,
        body_id: null,
        province_code: "82",
        rollup_path: ["82", "30037"],
        owner_codes: ["30037"],
        partial: false,
      },
    ],
  ],
  listInbox: [{ units: ["30037"], bodies: [0] }, ["not_started", "draft", "returned", "submitted"], 300],
  listSubmissionsOfRequest: [1],
};
