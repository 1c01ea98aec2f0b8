/**
 * Sample arguments (after `db`) for every function of reminders.repository.ts, for its SQL snapshot
 * (src/db/sql-snapshot.ts).
 */
import type { RepositorySamples } from "../../../db/repository-samples.ts";

export const samples: RepositorySamples = {
  owedReports: ["2026-08-24", "2027-01-06", ["30037"], 200],
  recipients: [["30037"], ["editor"]],
  logReminder: [{ submissionId: 1, kind: "due_soon", recipient: "a@b.vn", provinceCode: "82" }],
  forgetReminder: [{ submissionId: 1, kind: "due_soon", recipient: "a@b.vn" }],
};
