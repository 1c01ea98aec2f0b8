/**
 * Task reminders (overdue tasks flagged and reminded). In the app, overdue tasks are flagged on
 * the plan page and counted in the menu (plans.service myOverdueTasks); when SMTP is configured, the editors
 * of the assignee unit who have an address are also e-mailed, once each, when a task's deadline is at most
 * TASK_REMINDER_WORKING_DAYS working days away and again once it is overdue (the same rule and hourly job as
 * report reminders, src/features/reporting/reminders.service.ts).
 * @module
 */
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import { unitRolesWith } from "../../access/permissions.ts";
import type { Database } from "../../db/database.ts";
import { addDays, formatDateVi, todayInVietnam } from "../../domain/dates.ts";
import { type ReminderKind, reminderKind } from "../../domain/reporting-regime.ts";
import { loadWorkingCalendar } from "../calendar/calendar.service.ts";
import {
  type Mail,
  recipientsOf,
  remindEach,
  type SendMail,
} from "../reporting/reminders/reminders.service.ts";
import * as repo from "./plans.repository.ts";

type Db = Kysely<Database>;

/** Working days before a task's deadline when its first reminder goes out (the deadline day counted). */
export const TASK_REMINDER_WORKING_DAYS = 3;
/** How far around today the run looks: deadlines up to 15 days ahead, overdue tasks up to 90 days late. */
const AHEAD_DAYS = 15;
const OVERDUE_DAYS = 90;

export function taskReminderMail(
  kind: ReminderKind,
  t: Pick<repo.RemindableTask, "title" | "plan_title" | "unit_name" | "due_on" | "plan_id">,
  baseUrl: string,
): Omit<Mail, "to"> {
  const date = formatDateVi(t.due_on);
  const vi = kind === "overdue" ? `Nhiệm vụ quá hạn (hạn ${date})` : `Nhiệm vụ sắp đến hạn (hạn ${date})`;
  const en =
    kind === "overdue" ? `Task overdue (deadline ${t.due_on})` : `Task due soon (deadline ${t.due_on})`;
  const link = `${baseUrl}/plans/${t.plan_id}`;
  return {
    subject: `[danvan] ${vi}: ${t.title}`,
    text: [
      `${vi}.`,
      `Nhiệm vụ: ${t.title}`,
      `Kế hoạch: ${t.plan_title}`,
      `Đơn vị thực hiện: ${t.unit_name}`,
      `Cập nhật tiến độ tại: ${link}`,
      "",
      `${en}: ${t.title} (${t.plan_title}) — ${t.unit_name}. ${link}`,
    ].join("\n"),
  };
}

/** Sends the task reminders due today, each once; returns how many went out. */
export async function sendTaskReminders(
  db: Db,
  send: SendMail,
  opts: { baseUrl: string; today?: string; log?: Logger },
): Promise<number> {
  const today = opts.today ?? todayInVietnam();
  const calendar = await loadWorkingCalendar(db);
  const tasks = await repo.remindableTasks(
    db,
    addDays(today, -OVERDUE_DAYS),
    addDays(today, AHEAD_DAYS),
    50_000,
  );
  const editors = unitRolesWith("plan.manage");
  const due = tasks.flatMap((task) => {
    const kind = reminderKind(task.due_on, today, TASK_REMINDER_WORKING_DAYS, calendar);
    return kind ? [{ task, kind }] : [];
  });
  return remindEach(send, due, {
    recipients: ({ task }) => recipientsOf(db, [task.assignee_unit_code], editors),
    mail: ({ task, kind }) => taskReminderMail(kind, task, opts.baseUrl),
    log: ({ task, kind }, recipient) => {
      const key = { taskId: task.id, kind, recipient };
      return {
        record: () => repo.logTaskReminder(db, { ...key, provinceCode: task.province_code }),
        forget: () => repo.forgetTaskReminder(db, key),
      };
    },
    onFail: ({ task }, err) =>
      opts.log?.warn({ err, task: task.id }, "task reminder e-mail failed; tried again next run"),
  });
}
