/** Sample arguments (after `db`) for every function of bodies.repository.ts, for its SQL snapshot (src/db/sql-snapshot.ts). */
import type { RepositorySamples } from "../../db/repository-samples.ts";

export const samples: RepositorySamples = {
  listBodies: ["30037", "2026-01-01"],
  findBody: [1],
  findBodyWithPath: [1],
  findCommitteesNamed: [["thap", "muoi"]],
  findBodies: [[1, 2]],
  insertBody: [
    {
      unit_code: "30037",
      province_code: "82",
      kind: "people_committee",
      name: "Ủy ban nhân dân xã Tháp Mười",
      short_name: "UBND",
      parent_body_id: null,
      valid_from: "2025-07-01",
      valid_to: null,
    },
  ],
  updateBodyVersioned: [1, 1, { name: "Ủy ban nhân dân xã Tháp Mười" }],
};
