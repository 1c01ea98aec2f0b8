/** Sample arguments (after `db`) for every function of drafts.repository.ts, for its SQL snapshot (src/db/sql-snapshot.ts). */
import type { RepositorySamples } from "../../db/repository-samples.ts";

const DRAFT = {
  body_id: 1,
  unit_code: "82",
  province_code: "82",
  unit_path: ["82"],
  kind: "KH",
  excerpt: "Triển khai công tác dân vận năm 2027",
  sections: "[]",
  tasks: "[]",
  created_by: 1,
  updated_by: 1,
};

export const samples: RepositorySamples = {
  insertDraft: [DRAFT],
  findDraft: [1],
  listDrafts: ["82", { units: ["82"], bodies: [0] }, 200],
  updateDraftVersioned: [1, 1, { excerpt: "Kế hoạch", updated_by: 1 }],
};
