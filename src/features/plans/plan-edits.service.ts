/**
 * Corrections of a plan and its milestones, each with the version read (409 when stale) and what it was and
 * became in the audit log: a plan's title, or the plan stopped (cancelled, with its reason: it stays listed,
 * marked); a milestone's title and date, and marking it done, which needs its evidence (a registered document
 * the user may read, or a note of what shows it was done). Tasks are corrected through updateTask.
 * @module
 */
import type { Kysely } from "kysely";
import type { Auth } from "../../access/access.ts";
import type { Database, PlanMilestoneRow } from "../../db/database.ts";
import { todayInVietnam } from "../../domain/dates.ts";
import { errors } from "../../errors.ts";
import { requireCitableDocument } from "../registry/registry.service.ts";
import * as repo from "./plans.repository.ts";
import { audit, getPlan, managedPlan, planDto, updatableTask } from "./plans.service.ts";

type Db = Kysely<Database>;

export async function updatePlan(
  db: Db,
  auth: Auth | null,
  id: number,
  input: { version: number; title?: string; status?: "active" | "cancelled"; cancelReason?: string },
) {
  const { plan, a } = await managedPlan(db, auth, id);
  const reason = input.cancelReason?.trim() ?? "";
  if (input.status === "cancelled" && plan.status !== "cancelled" && !reason)
    throw errors.badRequest(
      "Hãy nêu lý do dừng thực hiện kế hoạch",
      "Give the reason for stopping the plan",
      {
        field: "cancelReason",
      },
    );
  return db.transaction().execute(async (trx) => {
    const row = await repo.updatePlanVersioned(trx, id, input.version, {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.status
        ? { status: input.status, cancel_reason: input.status === "cancelled" ? reason : null }
        : {}),
    });
    if (!row) throw errors.stale(plan.version);
    await audit(trx, a, "plan.update", "plan", id, row, planDto(row), planDto(plan));
    return getPlan(trx, a, id);
  });
}

const milestoneFields = (m: PlanMilestoneRow) => ({
  title: m.title,
  dueOn: m.due_on,
  doneOn: m.done_on,
  evidenceDocumentId: m.evidence_document_id,
  evidenceNote: m.evidence_note,
});

export async function updateMilestone(
  db: Db,
  auth: Auth | null,
  id: number,
  input: {
    version: number;
    title?: string;
    dueOn?: string;
    doneOn?: string | null;
    evidenceDocumentId?: number | null;
    evidenceNote?: string;
  },
) {
  const m = await repo.findMilestone(db, id);
  if (!m) throw errors.notFoundOrForbidden(String(id));
  // the task's assignee or the plan's managers, like the task itself
  const { a, plan } = await updatableTask(db, auth, m.task_id);
  const next = { ...milestoneFields(m), ...input };
  if (next.doneOn && next.doneOn > todayInVietnam())
    throw errors.badRequest("Ngày hoàn thành chưa đến", "The day it was done has not come yet", {
      field: "doneOn",
    });
  // done, it shows its evidence
  if (next.doneOn && !next.evidenceDocumentId && !next.evidenceNote?.trim())
    throw errors.badRequest(
      "Mốc hoàn thành cần minh chứng: chọn văn bản trong sổ hoặc ghi rõ minh chứng",
      "A milestone done needs its evidence: a registered document, or a note of it",
      { field: "evidenceNote" },
    );
  if (input.evidenceDocumentId)
    await requireCitableDocument(db, a, input.evidenceDocumentId, "evidenceDocumentId");
  return db.transaction().execute(async (trx) => {
    const row = await repo.updateMilestoneVersioned(trx, id, input.version, {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.dueOn !== undefined ? { due_on: input.dueOn } : {}),
      ...(input.doneOn !== undefined ? { done_on: input.doneOn } : {}),
      ...(input.evidenceDocumentId !== undefined ? { evidence_document_id: input.evidenceDocumentId } : {}),
      ...(input.evidenceNote !== undefined ? { evidence_note: input.evidenceNote.trim() } : {}),
      updated_by: a.userId,
    });
    if (!row) throw errors.stale(m.version);
    await audit(
      trx,
      a,
      "plan_milestone.update",
      "plan_milestone",
      id,
      plan,
      milestoneFields(row),
      milestoneFields(m),
    );
    return getPlan(trx, a, plan.id);
  });
}
