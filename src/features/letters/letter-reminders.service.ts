/**
 * Letters' reminders (src/domain/letter-reminders.ts): in the app, a user sees the letters of the bodies they
 * handle whose step is due soon or late, and, as a body's head (`letter.oversee`), those escalated to them (the
 * units below theirs included); with SMTP configured, the same go out by e-mail once each (logged) to the
 * handlers and heads of the letter's own unit who have an address.
 * Neither names the writer: a letter is its code, kind, body and days.
 * @module
 */
import type { Logger } from "pino";
import { type Auth, requirePermission, type ScopeGrants, scopeGrants } from "../../access/access.ts";
import { unitRolesWith } from "../../access/permissions.ts";
import type { Db } from "../../db/database.ts";
import type { Kept } from "../../db/kept.ts";
import { addDays, formatDateVi, todayInVietnam } from "../../domain/dates.ts";
import type { LetterKind } from "../../domain/letter-clock.ts";
import { type LetterReminder, letterReminder } from "../../domain/letter-reminders.ts";
import { KIND_LABELS } from "../../domain/letter-workflow.ts";
import type { WorkingCalendar } from "../../domain/working-days.ts";
import { bodiesByIds } from "../bodies/bodies.service.ts";
import { keptWorkingCalendar, loadWorkingCalendar } from "../calendar/calendar.service.ts";
import { recipientsOf, remindEach, type SendMail } from "../reporting/reminders/reminders.service.ts";
import * as repo from "./letter-reminders.repository.ts";

/** Calendar days looked ahead for steps due within REMIND_WORKING_DAYS (room for a long holiday). */
const AHEAD_DAYS = 14;
/** At most this many letters in a user's list. */
const SHOWN = 50;

type Row = Awaited<ReturnType<typeof repo.remindableLetters>>[number];

/** The letters of `scope` and what each asks (only the kinds in `kinds`). */
async function remindersIn(
  db: Db,
  scope: ScopeGrants | null,
  today: string,
  cal: WorkingCalendar,
  kinds: readonly LetterReminder[],
  limit: number,
) {
  if (scope !== null && scope.units.length === 0) return [];
  const rows = await repo.remindableLetters(db, scope, addDays(today, AHEAD_DAYS), today, limit);
  return rows.flatMap((row) => {
    const kind = letterReminder(row, today, cal);
    return kind && kinds.includes(kind) ? [{ row, kind }] : [];
  });
}

/** The signed-in user's letters to act on: as a handler (due soon, late, escalated) and as a head (escalated). */
export async function myLetterReminders(db: Db, kept: Kept, auth: Auth | null) {
  const a = requirePermission(auth, "unit.read");
  const today = todayInVietnam();
  const cal = await keptWorkingCalendar(db, kept);
  const [handled, overseen] = await Promise.all([
    remindersIn(db, scopeGrants(a, "letter.handle"), today, cal, ["due_soon", "overdue", "escalated"], SHOWN),
    remindersIn(db, scopeGrants(a, "letter.oversee"), today, cal, ["escalated"], SHOWN),
  ]);
  const byId = new Map([...handled, ...overseen].map((x) => [x.row.id, x]));
  const items = [...byId.values()].slice(0, SHOWN);
  const bodies = new Map(
    (await bodiesByIds(db, [...new Set(items.map((x) => x.row.body_id))])).map((b) => [b.id, b.name]),
  );
  return {
    items: items.map(({ row, kind }) => ({
      id: row.id,
      code: row.code,
      kind: row.kind as LetterKind,
      bodyName: bodies.get(row.body_id) ?? "",
      stepDue: row.step_due,
      legalDue: row.legal_due,
      reminder: kind,
    })),
  };
}

/** A reminder's e-mail: the letter's code, kind, body and days, never its writer. */
export function letterReminderMail(
  kind: LetterReminder,
  r: Pick<Row, "id" | "code" | "kind" | "step_due" | "legal_due">,
  bodyName: string,
  baseUrl: string,
) {
  const step = r.step_due ? formatDateVi(r.step_due) : "";
  const legal = r.legal_due ? formatDateVi(r.legal_due) : "";
  const vi = {
    due_soon: `Đơn thư sắp đến hạn xử lý bước tiếp theo (hạn ${step})`,
    overdue: `Đơn thư quá hạn xử lý bước tiếp theo (hạn ${step})`,
    escalated: `Báo cáo thủ trưởng: đơn thư chậm xử lý (hạn bước ${step}; hạn giải quyết ${legal})`,
  }[kind];
  const en = {
    due_soon: `A letter's next step is due soon (${r.step_due})`,
    overdue: `A letter's next step is overdue (${r.step_due})`,
    escalated: `For the head of the body: a letter is late (step ${r.step_due}; legal day ${r.legal_due})`,
  }[kind];
  const kindName = KIND_LABELS[r.kind as LetterKind];
  return {
    subject: `[danvan] ${vi}: ${r.code}`,
    text: [
      `${vi}.`,
      `${kindName.vi} ${r.code} — ${bodyName}`,
      `Xem và xử lý tại: ${baseUrl}/letters/${r.id}`,
      "",
      `${en}: ${kindName.en} ${r.code} — ${bodyName}. ${baseUrl}/letters/${r.id}`,
    ].join("\n"),
  };
}

/** Sends the letters' e-mail reminders due today, each once; returns how many went out. */
export async function sendLetterReminders(
  db: Db,
  send: SendMail,
  opts: { baseUrl: string; today?: string; log?: Logger },
): Promise<number> {
  const today = opts.today ?? todayInVietnam();
  const cal = await loadWorkingCalendar(db);
  const due = await remindersIn(db, null, today, cal, ["due_soon", "overdue", "escalated"], 50_000);
  const bodies = new Map(
    (await bodiesByIds(db, [...new Set(due.map((x) => x.row.body_id))])).map((b) => [b.id, b.name]),
  );
  const handlers = unitRolesWith("letter.handle");
  const heads = unitRolesWith("letter.oversee");
  return remindEach(send, due, {
    // the handlers of the letter's own unit are reminded; an escalated letter goes to its heads as well (the
    // units above see it in their list, not in their mail)
    recipients: async ({ row, kind }) => {
      const people = await recipientsOf(
        db,
        [row.unit_code],
        kind === "escalated" ? [...handlers, ...heads] : handlers,
      );
      return [...new Map(people.map((p) => [p.email, p])).values()];
    },
    mail: ({ row, kind }) => letterReminderMail(kind, row, bodies.get(row.body_id) ?? "", opts.baseUrl),
    log: ({ row, kind }, recipient) => {
      const key = { letterId: row.id, stepDue: row.step_due ?? row.legal_due ?? today, kind, recipient };
      return {
        record: () => repo.logLetterReminder(db, { ...key, provinceCode: row.province_code }),
        forget: () => repo.forgetLetterReminder(db, key),
      };
    },
    onFail: ({ row }, err) =>
      opts.log?.warn({ err, letter: row.id }, "letter reminder e-mail failed; tried again next run"),
  });
}
