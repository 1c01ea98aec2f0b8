/** Sample arguments (after `db`) for every function of plans.repository.ts, for its SQL snapshot (src/db/sql-snapshot.ts). */
import type { RepositorySamples } from "../../db/repository-samples.ts";

export const samples: RepositorySamples = {
  insertPlan: [
    { unitCode: "82", provinceCode: "82", title: "Kế hoạch", registryDocumentId: null, createdBy: 1 },
  ],
  findPlan: [1],
  findPlanByToken: ["abcdefghijkl"],
  listPlans: ["82"],
  setPublicToken: [1, "abcdefghijkl"],
  insertTask: [
    {
      plan_id: 1,
      parent_id: null,
      province_code: "82",
      title: "Nhiệm vụ",
      assignee_unit_code: "30037",
      assignee_path: ["82", "30037"],
      due_on: "2026-12-31",
      weight: "1",
    },
  ],
  findTask: [1],
  tasksOf: [[1, 2]],
  tasksWithPlan: [[1, 2]],
  updateTaskVersioned: [1, 1, { status: "done", updatedBy: 1 }],
  insertMilestone: [
    {
      task_id: 1,
      province_code: "82",
      title: "Mốc",
      due_on: "2026-06-30",
      done_on: null,
      evidence_document_id: null,
      created_by: 1,
    },
  ],
  milestonesOf: [[1]],
  unitNames: [["82", "30037"]],
  overdueTasks: ["2026-11-23", ["82"], 100],
  remindableTasks: ["2026-08-25", "2026-12-08", 50000],
  logTaskReminder: [
    { taskId: 1, kind: "overdue", recipient: "vanthu@thapmuoi.dongthap.gov.vn", provinceCode: "82" },
  ],
  forgetTaskReminder: [{ taskId: 1, kind: "overdue", recipient: "vanthu@thapmuoi.dongthap.gov.vn" }],
  updatePlanVersioned: [1, 1, { title: "Kế hoạch", status: "cancelled", cancel_reason: "Trùng" }],
  findMilestone: [1],
  updateMilestoneVersioned: [1, 1, { done_on: "2026-12-01", evidence_note: "Biên bản", updated_by: 1 }],
};
