/** Sample arguments (after `db`) for every function of evaluations.repository.ts, for its SQL snapshot (src/db/sql-snapshot.ts). */
import type { RepositorySamples } from "../../db/repository-samples.ts";

export const samples: RepositorySamples = {
  insertScheme: [
    {
      province_code: "82",
      year: 2026,
      name: "Đánh giá công tác dân vận chính quyền năm 2026",
      source: "",
      example_key: "bac-kan-2017",
      scheme: { items: [], bands: [], caps: [], scaleTo100: false },
      self_from: "2026-11-01",
      self_until: "2026-11-30",
      enrols: "commune",
      created_by: 1,
    },
  ],
  findScheme: [1],
  updateSchemeVersioned: [1, 2, { name: "Đánh giá năm 2026", self_until: "2026-12-15" }],
  anySelfScored: [1],
  schemesOf: ["82"],
  insertEvaluations: [
    [{ scheme_id: 1, unit_code: "30037", unit_path: ["82", "30037"], province_code: "82" }],
  ],
  evaluationsOf: [1],
  findEvaluation: [1],
  updateEvaluationVersioned: [
    1,
    1,
    { own_scores: "{}", status: "self_submitted", self_submitted: true, raw: 9000, score: 9000 },
  ],
  publish: [1, [{ id: 1, rank: 1 }]],
  markNotRanked: [[2, 3], "Không gửi kết quả tự chấm"],
  historyOf: ["30037"],
  publishedResultOf: ["30037", 2023],
  insertAttachment: [
    {
      evaluationId: 1,
      itemCode: "BK1",
      provinceCode: "82",
      filename: "bao-cao.pdf",
      contentType: "application/pdf",
      sha256: "ab",
      content: Buffer.from("%PDF-1.4"),
      createdBy: 1,
    },
  ],
  attachmentsOf: [1],
  findAttachment: [1],
  deleteAttachment: [1],
};
