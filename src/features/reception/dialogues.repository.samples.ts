/** Sample arguments (after `db`) for every function of dialogues.repository.ts, for its SQL snapshot (src/db/sql-snapshot.ts). */
import type { RepositorySamples } from "../../db/repository-samples.ts";

export const samples: RepositorySamples = {
  insertDialogue: [
    {
      unit_code: "30037",
      unit_path: ["82", "30037"],
      province_code: "82",
      body_id: 1,
      held_on: "2026-03-05",
      kind: "dialogue",
      chaired_by: "Chủ tịch UBND xã",
      place: "Hội trường xã",
      participants: 80,
      topics: "Đường giao thông nông thôn",
      created_by: 1,
    },
  ],
  insertCommitments: [
    [
      {
        dialogue_id: 1,
        province_code: "82",
        content: "Sửa đường ấp 2",
        owner: "Phòng Kinh tế",
        due_on: "2026-06-30",
        updated_by: 1,
      },
    ],
  ],
  dialoguesUnder: ["30037", "2026-01-01", "2026-12-31", 200],
  findDialogue: [1],
  commitmentsOf: [[1, 2]],
  findCommitment: [1],
  updateCommitmentVersioned: [1, 1, { status: "done", result: "Đã sửa xong", updated_by: 1 }],
};
