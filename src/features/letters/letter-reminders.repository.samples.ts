/** Sample arguments (after `db`) for every function of letter-reminders.repository.ts, for its SQL snapshot. */
import type { RepositorySamples } from "../../db/repository-samples.ts";

const REMINDER = { letterId: 1, stepDue: "2026-03-13", kind: "due_soon" as const, recipient: "a@example.vn" };

export const samples: RepositorySamples = {
  remindableLetters: [{ units: ["82"], bodies: [0] }, "2026-03-25", "2026-03-11", 200],
  logLetterReminder: [{ ...REMINDER, provinceCode: "82" }],
  forgetLetterReminder: [REMINDER],
};
