/**
 * A submission's life: a target starts "not started", saves drafts, submits; the requester
 * returns it with comments (back to editing) or accepts it; accepted is locked until an approver unlocks it
 * with a reason. Submitting after the deadline needs a reason. Timeliness is judged against the deadline in
 * Vietnam's calendar days (NĐ 09/2019 Art. 8(5): the deadline is a date; a report sent on that date is on
 * time). Pure, no I/O.
 * @module
 */
export type SubmissionStatus = "not_started" | "draft" | "submitted" | "returned" | "accepted";
export type SubmissionAction = "save" | "submit" | "return" | "accept" | "unlock";

/** Which statuses each action may start from, and where it leads. */
export const TRANSITIONS: Record<
  SubmissionAction,
  { from: readonly SubmissionStatus[]; to: SubmissionStatus }
> = {
  save: { from: ["not_started", "draft", "returned"], to: "draft" },
  submit: { from: ["not_started", "draft", "returned"], to: "submitted" },
  return: { from: ["submitted"], to: "returned" },
  accept: { from: ["submitted"], to: "accepted" },
  unlock: { from: ["accepted"], to: "returned" },
};

export const STATUS_LABELS: Record<SubmissionStatus, { vi: string; en: string }> = {
  not_started: { vi: "Chưa nhập", en: "Not started" },
  draft: { vi: "Đang soạn", en: "Draft" },
  submitted: { vi: "Đã gửi", en: "Submitted" },
  returned: { vi: "Trả lại", en: "Returned" },
  accepted: { vi: "Đã tiếp nhận", en: "Accepted" },
};

/** The status after `action`, or null when the action is not allowed from `status`. */
export function nextStatus(status: SubmissionStatus, action: SubmissionAction): SubmissionStatus | null {
  const t = TRANSITIONS[action];
  return t.from.includes(status) ? t.to : null;
}

export type Timeliness = "on_time" | "late" | "missing" | "pending";

/**
 * On time / late by the date of the (first) submission in Vietnam; "missing" when the deadline has passed
 * without one; "pending" when nothing is in yet and there is still time.
 */
export function timeliness(deadline: string, submittedOn: string | null, today: string): Timeliness {
  if (submittedOn !== null) return submittedOn <= deadline ? "on_time" : "late";
  return today > deadline ? "missing" : "pending";
}

/** A late submission needs its reason: true when submitting on `today` after `deadline`. */
export function needsLateReason(deadline: string, today: string): boolean {
  return today > deadline;
}
