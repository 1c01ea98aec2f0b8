/**
 * Reminders: in the app, every user sees the reports their units still owe that are due within
 * the request's reminder window (in working days) or overdue; when SMTP is configured, the same reminders go
 * out by e-mail once each (logged), to the editors of the owing unit who have an address.
 * @module
 */
import type { Logger } from "pino";
import { type Auth, requirePermission, scopeCodes } from "../../../access/access.ts";
import { unitRolesWith } from "../../../access/permissions.ts";
import type { Db, Role } from "../../../db/database.ts";
import { addDays, formatDateVi, todayInVietnam } from "../../../domain/dates.ts";
import { type ReminderKind, reminderKind } from "../../../domain/reporting-regime.ts";
import type { WorkingCalendar } from "../../../domain/working-days.ts";
import { loadWorkingCalendar } from "../../calendar/calendar.service.ts";
import * as repo from "./reminders.repository.ts";

/** How far around today reminders look: deadlines up to 45 days ahead (the longest window is 30 working days) and overdue reports up to 90 days late. */
const AHEAD_DAYS = 45;
const OVERDUE_DAYS = 90;

function due(rows: repo.OwedRow[], today: string, calendar: WorkingCalendar) {
  return rows.flatMap((r) => {
    const kind = reminderKind(r.deadline, today, r.reminder_days, calendar);
    return kind ? [{ row: r, kind }] : [];
  });
}

/** The signed-in user's reminders. */
export async function myReminders(db: Db, auth: Auth | null) {
  const a = requirePermission(auth, "unit.read");
  const owners = scopeCodes(a, "report.fill");
  if (owners !== null && owners.length === 0) return { items: [] };
  const today = todayInVietnam();
  const rows = await repo.owedReports(
    db,
    addDays(today, -OVERDUE_DAYS),
    addDays(today, AHEAD_DAYS),
    owners,
    200,
  );
  const calendar = await loadWorkingCalendar(db);
  return {
    items: due(rows, today, calendar).map(({ row, kind }) => ({
      submissionId: row.id,
      requestId: row.request_id,
      title: row.title,
      unitCode: row.unit_code,
      unitName: row.unit_name,
      deadline: row.deadline,
      kind,
      workingDaysLeft: kind === "overdue" ? 0 : calendar.workingDaysBetween(today, row.deadline),
    })),
  };
}

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export type SendMail = (mail: Mail) => Promise<void>;

/**
 * Sends one reminder at most once: it is logged first (false when it was logged before: nothing to do), and
 * when the send fails the log is taken back so the next run tries again. True when it went out.
 */
export async function sendOnce(
  send: SendMail,
  mail: Mail,
  log: { record: () => Promise<boolean>; forget: () => Promise<void> },
  onFail: (err: unknown) => void,
): Promise<boolean> {
  if (!(await log.record())) return false;
  try {
    await send(mail);
    return true;
  } catch (err) {
    await log.forget();
    onFail(err);
    return false;
  }
}

/**
 * Sends one reminder per item and recipient, each at most once (`sendOnce`); `log` names the item's row in
 * its reminder log, `onFail` says what failed. How many went out.
 */
export async function remindEach<T>(
  send: SendMail,
  items: Iterable<T>,
  o: {
    recipients: (item: T) => Promise<{ email: string }[]>;
    mail: (item: T) => Omit<Mail, "to">;
    log: (item: T, recipient: string) => { record: () => Promise<boolean>; forget: () => Promise<void> };
    onFail: (item: T, err: unknown) => void;
  },
): Promise<number> {
  let sent = 0;
  for (const item of items) {
    for (const person of await o.recipients(item)) {
      const went = await sendOnce(
        send,
        { to: person.email, ...o.mail(item) },
        o.log(item, person.email),
        (err) => o.onFail(item, err),
      );
      if (went) sent++;
    }
  }
  return sent;
}

export function reminderMail(
  kind: ReminderKind,
  r: Pick<repo.OwedRow, "title" | "unit_name" | "deadline" | "id">,
  baseUrl: string,
): Omit<Mail, "to"> {
  const date = formatDateVi(r.deadline);
  const vi = kind === "overdue" ? `Quá hạn báo cáo (hạn ${date})` : `Sắp đến hạn báo cáo (hạn ${date})`;
  const en =
    kind === "overdue"
      ? `Report overdue (deadline ${r.deadline})`
      : `Report due soon (deadline ${r.deadline})`;
  return {
    subject: `[danvan] ${vi}: ${r.title}`,
    text: [
      `${vi}.`,
      `${r.title}`,
      `Đơn vị: ${r.unit_name}`,
      `Nhập và gửi báo cáo tại: ${baseUrl}/submissions/${r.id}`,
      "",
      `${en}: ${r.title} — ${r.unit_name}. ${baseUrl}/submissions/${r.id}`,
    ].join("\n"),
  };
}

/** Sends the e-mail reminders due today, each once; returns how many went out. */
export async function sendDueReminders(
  db: Db,
  send: SendMail,
  opts: { baseUrl: string; today?: string; log?: Logger },
): Promise<number> {
  const today = opts.today ?? todayInVietnam();
  const calendar = await loadWorkingCalendar(db);
  const rows = await repo.owedReports(
    db,
    addDays(today, -OVERDUE_DAYS),
    addDays(today, AHEAD_DAYS),
    null,
    50_000,
  );
  const fillers = unitRolesWith("report.fill");
  return remindEach(send, due(rows, today, calendar), {
    recipients: ({ row }) => repo.recipients(db, row.owner_codes, fillers),
    mail: ({ row, kind }) => reminderMail(kind, row, opts.baseUrl),
    log: ({ row, kind }, recipient) => {
      const key = { submissionId: row.id, kind, recipient };
      return {
        record: () => repo.logReminder(db, { ...key, provinceCode: row.province_code }),
        forget: () => repo.forgetReminder(db, key),
      };
    },
    onFail: ({ row }, err) =>
      opts.log?.warn({ err, submission: row.id }, "reminder e-mail failed; tried again next run"),
  });
}

/** The active users holding one of `roles` at one of `unitCodes`, with an e-mail address, to remind. */
export const recipientsOf = (db: Db, unitCodes: string[], roles: Role[]) =>
  repo.recipients(db, unitCodes, roles);
