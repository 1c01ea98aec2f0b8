/** Sample arguments (after `db`) for every function of documents.repository.ts, for its SQL snapshot (src/db/sql-snapshot.ts). */
import type { RepositorySamples } from "../../db/repository-samples.ts";

export const samples: RepositorySamples = {
  insertMissingTypes: [
    [{ family: "state", code: "BC", nameVi: "Báo cáo", nameEn: "Report", normative: false }],
  ],
  listTypes: [],
  listTerms: [1],
  insertTerm: [{ bodyId: 1, name: "nhiệm kỳ 2025–2030", startsOn: "2025-10-01", endsOn: null }],
  nextNumber: [{ issuerBodyId: 1, series: "*", scope: "year:2026" }],
  insertNumber: [
    {
      issuer_body_id: 1,
      province_code: "82",
      family: "state",
      type_code: "BC",
      series: "*",
      scope: "year:2026",
      number: 12,
      symbol: "12/BC-UBND",
      issued_on: "2026-02-05",
      title: "Báo cáo",
      allocated_by: 1,
    },
  ],
  findNumber: [1],
  listNumbers: [1, 2026, 1000],
  cancelNumber: [1, 1, "Lấy nhầm số"],
};
