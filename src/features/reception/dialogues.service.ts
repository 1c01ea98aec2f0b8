/**
 * Dialogues with the people (đối thoại với Nhân dân; a secretary's or chair's meeting with the people: Quy định
 * 11-QĐi/TW 2019 on the heads' contact and dialogue with the people; Luật Thực hiện dân chủ ở cơ sở 2022, Art. 32
 * and 48 on the commune's dialogues): the topics raised, the commitments the leader made, and their follow-up.
 * A commitment can become a task of one of the unit's plans in one step; its follow-up is then the task's
 * (one definition: the plan's progress). Writing needs `letter.handle` on the body, as its reception does;
 * making a task also needs `plan.manage` on the plan; reading needs `unit.read`.
 * @module
 */
import { unitPath } from "../../access/access.repository.ts";
import { type Auth, requireRecordAccess, requireUnitAccess } from "../../access/access.ts";
import { appendAudit } from "../../audit/audit-log.repository.ts";
import type { Db, DialogueCommitmentRow, DialogueRow } from "../../db/database.ts";
import { formatDateVi, todayInVietnam } from "../../domain/dates.ts";
import { errors } from "../../errors.ts";
import { checkNewTask, taskFollowUps, writeTask } from "../plans/plan-tasks.service.ts";
import * as repo from "./dialogues.repository.ts";
import { requireBody } from "./reception.service.ts";

export type CommitmentStatus = DialogueCommitmentRow["status"];
type FollowUps = Awaited<ReturnType<typeof taskFollowUps>>;
type TaskFollowUp = FollowUps extends Map<number, infer T> ? T : never;

/** A plan task's state as a commitment's follow-up. */
const FROM_TASK: Record<TaskFollowUp["status"], CommitmentStatus> = {
  not_started: "open",
  in_progress: "in_progress",
  done: "done",
  cancelled: "dropped",
};

export function commitmentDto(c: DialogueCommitmentRow, tasks: FollowUps, today = todayInVietnam()) {
  const task = c.plan_task_id === null ? null : (tasks.get(c.plan_task_id) ?? null);
  const status = task ? FROM_TASK[task.status] : c.status;
  const dueOn = task?.dueOn ?? c.due_on;
  return {
    id: c.id,
    content: c.content,
    owner: c.owner,
    dueOn,
    status,
    result: c.result,
    task,
    overdue: (status === "open" || status === "in_progress") && dueOn !== null && dueOn < today,
    version: c.version,
  };
}

const dialogueDto = (d: DialogueRow, commitments: ReturnType<typeof commitmentDto>[]) => ({
  id: d.id,
  unitCode: d.unit_code,
  bodyId: d.body_id,
  heldOn: d.held_on,
  kind: d.kind,
  chairedBy: d.chaired_by,
  place: d.place,
  participants: d.participants,
  topics: d.topics,
  commitments,
});

export interface DialogueInput {
  bodyId: number;
  heldOn: string;
  kind: DialogueRow["kind"];
  chairedBy: string;
  place?: string;
  participants: number;
  topics?: string;
  commitments: { content: string; owner?: string; dueOn?: string | null }[];
}

export async function recordDialogue(db: Db, auth: Auth | null, input: DialogueInput) {
  const body = await requireBody(db, auth, input.bodyId, "letter.handle");
  const a = auth as Auth;
  if (input.heldOn > todayInVietnam())
    throw errors.badRequest("Buổi đối thoại ở ngày tương lai", "The dialogue is dated in the future", {
      field: "heldOn",
    });
  for (const [i, c] of input.commitments.entries()) {
    if (c.dueOn && c.dueOn < input.heldOn)
      throw errors.badRequest(
        "Hạn thực hiện cam kết trước ngày đối thoại",
        "A commitment is due before the dialogue was held",
        { field: `commitments.${i}.dueOn` },
      );
  }
  const path = (await unitPath(db, body.unit_code)) ?? [body.unit_code];
  return db.transaction().execute(async (trx) => {
    const d = await repo.insertDialogue(trx, {
      unit_code: body.unit_code,
      unit_path: path,
      province_code: body.province_code,
      body_id: body.id,
      held_on: input.heldOn,
      kind: input.kind,
      chaired_by: input.chairedBy.trim(),
      place: input.place?.trim() ?? "",
      participants: input.participants,
      topics: input.topics?.trim() ?? "",
      created_by: a.userId,
    });
    const made = await repo.insertCommitments(
      trx,
      input.commitments.map((c) => ({
        dialogue_id: d.id,
        province_code: d.province_code,
        content: c.content.trim(),
        owner: c.owner?.trim() ?? "",
        due_on: c.dueOn ?? null,
        updated_by: a.userId,
      })),
    );
    const dto = dialogueDto(
      d,
      made.map((c) => commitmentDto(c, new Map())),
    );
    await appendAudit(trx, {
      actorId: a.userId,
      actorName: a.username,
      action: "dialogue.create",
      entity: "dialogue",
      entityId: String(d.id),
      unitCode: d.unit_code,
      scope: d.unit_path,
      before: null,
      after: dto,
    });
    return dto;
  });
}

/** The dialogues held under a unit in a year, newest first, each with its commitments and their follow-up. */
export async function dialoguesOfYear(db: Db, auth: Auth | null, unit: string, year: number) {
  await requireUnitAccess(db, auth, "unit.read", unit);
  const dialogues = await repo.dialoguesUnder(db, unit, `${year}-01-01`, `${year}-12-31`, 500);
  const commitments = await repo.commitmentsOf(
    db,
    dialogues.map((d) => d.id),
  );
  const tasks = await taskFollowUps(
    db,
    commitments.flatMap((c) => (c.plan_task_id === null ? [] : [c.plan_task_id])),
  );
  const today = todayInVietnam();
  const items = dialogues.map((d) =>
    dialogueDto(
      d,
      commitments.filter((c) => c.dialogue_id === d.id).map((c) => commitmentDto(c, tasks, today)),
    ),
  );
  const all = items.flatMap((d) => d.commitments);
  return {
    year,
    items,
    summary: {
      dialogues: items.length,
      participants: items.reduce((n, d) => n + d.participants, 0),
      commitments: all.length,
      done: all.filter((c) => c.status === "done").length,
      overdue: all.filter((c) => c.overdue).length,
    },
  };
}

/** The commitment and its dialogue, when the user handles the dialogue's body; 404 otherwise. */
async function handledCommitment(db: Db, auth: Auth | null, id: number) {
  const c = await repo.findCommitment(db, id);
  const d = c ? await repo.findDialogue(db, c.dialogue_id) : undefined;
  await requireRecordAccess(db, auth, "letter.handle", id, d && { unitCode: d.unit_code, bodyId: d.body_id });
  return { c: c as DialogueCommitmentRow, d: d as DialogueRow, a: auth as Auth };
}

async function audited(
  trx: Db,
  a: Auth,
  action: string,
  d: DialogueRow,
  before: DialogueCommitmentRow,
  after: DialogueCommitmentRow,
) {
  const tasks = await taskFollowUps(trx, after.plan_task_id === null ? [] : [after.plan_task_id]);
  const dto = commitmentDto(after, tasks);
  await appendAudit(trx, {
    actorId: a.userId,
    actorName: a.username,
    action,
    entity: "dialogue_commitment",
    entityId: String(after.id),
    unitCode: d.unit_code,
    scope: d.unit_path,
    before: commitmentDto(before, tasks),
    after: dto,
  });
  return dto;
}

/** Follows a commitment up: its state and what came of it (a done one says what was done). */
export async function followUpCommitment(
  db: Db,
  auth: Auth | null,
  id: number,
  input: { version: number; status?: CommitmentStatus; result?: string },
) {
  const { c, d, a } = await handledCommitment(db, auth, id);
  if (c.plan_task_id !== null && input.status !== undefined)
    throw errors.badRequest(
      "Cam kết đã giao thành nhiệm vụ của kế hoạch: cập nhật tiến độ tại nhiệm vụ đó",
      "The commitment is a plan's task: its progress is updated on that task",
      { field: "status" },
    );
  const status = input.status ?? c.status;
  const result = input.result?.trim() ?? c.result;
  if (status === "done" && !result)
    throw errors.badRequest("Ghi kết quả thực hiện cam kết", "Say what was done to keep the commitment", {
      field: "result",
    });
  return db.transaction().execute(async (trx) => {
    const after = await repo.updateCommitmentVersioned(trx, id, input.version, {
      status,
      result,
      updated_by: a.userId,
    });
    if (!after) throw errors.stale(c.version);
    return audited(trx, a, "dialogue_commitment.update", d, c, after);
  });
}

/**
 * Makes a commitment a task of one of the plans of the dialogue's unit (or a unit above it, that the user
 * manages): its title says the commitment and the dialogue's day; it goes to the dialogue's unit unless another
 * is named, due on the commitment's day unless another is given.
 */
export async function commitmentToTask(
  db: Db,
  auth: Auth | null,
  id: number,
  input: { version: number; planId: number; assigneeUnitCode?: string; dueOn?: string },
) {
  const { c, d, a } = await handledCommitment(db, auth, id);
  if (c.plan_task_id !== null)
    throw errors.conflict(
      "Cam kết này đã là nhiệm vụ của một kế hoạch",
      "This commitment is already a plan's task",
      { taskId: c.plan_task_id },
    );
  const dueOn = input.dueOn ?? c.due_on;
  if (!dueOn)
    throw errors.badRequest("Cho biết hạn hoàn thành nhiệm vụ", "Give the day the task is due", {
      field: "dueOn",
    });
  if (dueOn < d.held_on)
    throw errors.badRequest(
      "Hạn hoàn thành trước ngày đối thoại",
      "The task is due before the dialogue was held",
      { field: "dueOn" },
    );
  const title = `Thực hiện cam kết tại buổi đối thoại ngày ${formatDateVi(d.held_on)}: ${c.content}`;
  const checked = await checkNewTask(db, auth, input.planId, {
    title: title.length > 500 ? `${title.slice(0, 499)}…` : title,
    assigneeUnitCode: input.assigneeUnitCode ?? d.unit_code,
    dueOn,
  });
  return db.transaction().execute(async (trx) => {
    const task = await writeTask(trx, checked);
    const after = await repo.updateCommitmentVersioned(trx, id, input.version, {
      plan_task_id: task.id,
      updated_by: a.userId,
    });
    if (!after) throw errors.stale(c.version);
    return audited(trx, a, "dialogue_commitment.to_task", d, c, after);
  });
}
