/**
 * Citizen reception on its legal schedule (Luật Tiếp công dân 2013; NĐ 64/2014): a body's schedules (who
 * receives, on which recurring days, where), the days each gives in a month (a day off moved to the next
 * working day), the sessions held, and each month's compliance with the minimum: scheduled against required,
 * held in person against scheduled. A deputy may receive in the leader's place until 30/6/2026; a session held
 * by a deputy after that is recorded, and flagged (Luật 136/2025/QH15). Writing needs `letter.handle` on the
 * body; reading, `unit.read`.
 * @module
 */
import { unitPath } from "../../access/access.repository.ts";
import { type Auth, requireRecordAccess, requireUnitAccess } from "../../access/access.ts";
import { appendAudit } from "../../audit/audit-log.repository.ts";
import type { Db, ReceptionScheduleRow, ReceptionSessionRow } from "../../db/database.ts";
import type { Kept } from "../../db/kept.ts";
import { daysInMonth, previousDay, todayInVietnam } from "../../domain/dates.ts";
import type { ReceptionFigures } from "../../domain/letter-figures.ts";
import {
  checkMonth,
  delegationAllowed,
  type ReceiverRole,
  type ReceptionRule,
  type Recurrence,
  receptionRuleOn,
  scheduledDays,
  type WorkCalendar,
  weeksAround,
} from "../../domain/reception-schedule.ts";
import { errors } from "../../errors.ts";
import { bodyById } from "../bodies/bodies.service.ts";
import { keptWorkingCalendar, loadWorkingCalendar } from "../calendar/calendar.service.ts";
import * as repo from "./reception.repository.ts";
import { storedReceptionRules } from "./reception-rules.service.ts";

/** The body that receives, after checking `permission` on it (404 for one unknown or not permitted). */
export async function requireBody(
  db: Db,
  auth: Auth | null,
  id: number,
  permission: "unit.read" | "letter.handle",
) {
  const body = await bodyById(db, id);
  await requireRecordAccess(db, auth, permission, id, body && { unitCode: body.unit_code, bodyId: body.id });
  if (!body || body.valid_to !== null)
    throw errors.badRequest("Cơ quan đã thôi hoạt động", "The body no longer exists", { field: "bodyId" });
  return body;
}

export interface ScheduleInput {
  bodyId: number;
  receiverName: string;
  receiverRole: ReceiverRole;
  recurrences: Recurrence[];
  place?: string;
  validFrom: string;
  validTo?: string | null;
}

const scheduleDto = (s: ReceptionScheduleRow) => ({
  id: s.id,
  unitCode: s.unit_code,
  bodyId: s.body_id,
  receiverName: s.receiver_name,
  receiverRole: s.receiver_role,
  recurrences: s.recurrences,
  place: s.place,
  validFrom: s.valid_from,
  validTo: s.valid_to,
  version: s.version,
});

export async function createSchedule(db: Db, auth: Auth | null, input: ScheduleInput) {
  const body = await requireBody(db, auth, input.bodyId, "letter.handle");
  const a = auth as Auth;
  if (input.validTo && input.validTo < input.validFrom)
    throw errors.badRequest("Ngày kết thúc trước ngày bắt đầu", "The schedule ends before it starts", {
      field: "validTo",
    });
  const path = (await unitPath(db, body.unit_code)) ?? [body.unit_code];
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertSchedule(trx, {
      unit_code: body.unit_code,
      unit_path: path,
      province_code: body.province_code,
      body_id: body.id,
      receiver_name: input.receiverName.trim(),
      receiver_role: input.receiverRole,
      recurrences: JSON.stringify(input.recurrences),
      place: input.place?.trim() ?? "",
      valid_from: input.validFrom,
      valid_to: input.validTo ?? null,
      created_by: a.userId,
    });
    await appendAudit(trx, {
      actorId: a.userId,
      actorName: a.username,
      action: "reception_schedule.create",
      entity: "reception_schedule",
      entityId: String(row.id),
      unitCode: row.unit_code,
      scope: row.unit_path,
      before: null,
      after: scheduleDto(row),
    });
    return scheduleDto(row);
  });
}

/** "YYYY-MM" → its first and last days. */
export function monthBounds(month: string): [string, string] {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return [`${month}-01`, `${month}-${String(daysInMonth(y, m)).padStart(2, "0")}`];
}

/**
 * What one schedule comes to in a month: the days it gives, the minimum its receiver's role must meet (the
 * unit's stricter rule, else the law's), and whether the schedule and the days held in person meet it. In a month
 * still running, what was held is asked up to the last scheduled day gone by (and no more days than scheduled by
 * then), so it is not short for the days yet to come. `heldInPerson` covers the whole weeks around the month.
 */
export function scheduleMonth(
  s: ReceptionScheduleRow,
  month: string,
  heldInPerson: readonly string[],
  ctx: { cal: WorkCalendar; stored: readonly ReceptionRule[]; today: string; path: readonly string[] },
) {
  const [from, to] = monthBounds(month);
  const within = (a: string, b: string): [string, string] => [
    s.valid_from > a ? s.valid_from : a,
    s.valid_to && s.valid_to < b ? s.valid_to : b,
  ];
  const [start, end] = within(from, to);
  const days = scheduledDays(s.recurrences, start, end, ctx.cal);
  // a week that straddles two months is kept by a day in either: the weekly check sees the whole weeks
  const around = scheduledDays(s.recurrences, ...within(...weeksAround(month)), ctx.cal).map((d) => d.on);
  const rule = receptionRuleOn(
    s.receiver_role,
    from,
    s.unit_path.length ? s.unit_path : ctx.path,
    ctx.stored,
  );
  // a day is asked of once it is over: today's session may still come
  const come = days.map((d) => d.on).filter((d) => d < ctx.today);
  const lastCome = come.at(-1) ?? previousDay(start);
  const monthOver = to < ctx.today;
  return {
    days,
    rule: rule && { days: rule.days, per: rule.per, source: rule.source, confidence: rule.confidence },
    scheduled: rule && checkMonth(rule, month, around, ctx.cal, { from: start, to: end }),
    held:
      rule &&
      checkMonth(rule, month, heldInPerson, ctx.cal, {
        from: start,
        to: monthOver ? end : lastCome,
        ...(monthOver ? {} : { scheduledSoFar: come.length }),
      }),
  };
}

/** A unit's schedules for a month, each with what it comes to (`scheduleMonth`). */
export async function schedulesOfMonth(db: Db, auth: Auth | null, unit: string, month: string) {
  const path = await requireUnitAccess(db, auth, "unit.read", unit);
  const [from, to] = monthBounds(month);
  const [schedules, sessions, cal, stored, published] = await Promise.all([
    repo.schedulesUnder(db, unit, from, to),
    repo.sessionsUnder(db, unit, ...weeksAround(month), 5000),
    loadWorkingCalendar(db),
    storedReceptionRules(db),
    repo.isPublished(db, unit),
  ]);
  const ctx = { cal, stored, today: todayInVietnam(), path };
  return {
    month,
    published,
    items: schedules.map((s) => {
      const held = sessions.filter((x) => x.schedule_id === s.id && x.in_person).map((x) => x.held_on);
      return { ...scheduleDto(s), ...scheduleMonth(s, month, held, ctx) };
    }),
  };
}

export interface SessionInput {
  bodyId: number;
  scheduleId?: number | null;
  heldOn: string;
  receiverName: string;
  receiverRole: ReceiverRole;
  inPerson: boolean;
  deputyName?: string | null;
  citizens: number;
  groups: number;
  largestGroup?: number | null;
  content?: string;
  decided?: string;
}

export const sessionDto = (s: ReceptionSessionRow) => ({
  id: s.id,
  unitCode: s.unit_code,
  bodyId: s.body_id,
  scheduleId: s.schedule_id,
  heldOn: s.held_on,
  receiverName: s.receiver_name,
  receiverRole: s.receiver_role,
  inPerson: s.in_person,
  deputyName: s.deputy_name,
  // a deputy in the leader's place after the law stopped allowing it
  delegationNotAllowed: !s.in_person && !delegationAllowed(s.held_on),
  citizens: s.citizens,
  groups: s.groups,
  largestGroup: s.largest_group,
  content: s.content,
  decided: s.decided,
});

export async function recordSession(db: Db, auth: Auth | null, input: SessionInput) {
  const body = await requireBody(db, auth, input.bodyId, "letter.handle");
  const a = auth as Auth;
  if (input.heldOn > todayInVietnam())
    throw errors.badRequest("Buổi tiếp ở ngày tương lai", "The session is dated in the future", {
      field: "heldOn",
    });
  if (!input.inPerson && !input.deputyName?.trim())
    throw errors.badRequest(
      "Ghi họ tên người tiếp thay (cấp phó được ủy quyền)",
      "Give the name of the deputy who received in the leader's place",
      { field: "deputyName" },
    );
  if (input.groups === 0 && input.largestGroup)
    throw errors.badRequest("Không có đoàn đông người nào", "No group was received", {
      field: "largestGroup",
    });
  if (input.scheduleId) {
    const s = await repo.findSchedule(db, input.scheduleId);
    if (!s || s.body_id !== body.id)
      throw errors.badRequest("Lịch tiếp không phải của cơ quan này", "The schedule is not this body's", {
        field: "scheduleId",
      });
  }
  const path = (await unitPath(db, body.unit_code)) ?? [body.unit_code];
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertSession(trx, {
      unit_code: body.unit_code,
      unit_path: path,
      province_code: body.province_code,
      body_id: body.id,
      schedule_id: input.scheduleId ?? null,
      held_on: input.heldOn,
      receiver_name: input.receiverName.trim(),
      receiver_role: input.receiverRole,
      in_person: input.inPerson,
      deputy_name: input.inPerson ? null : (input.deputyName?.trim() ?? null),
      citizens: input.citizens,
      groups: input.groups,
      largest_group: input.largestGroup ?? null,
      content: input.content?.trim() ?? "",
      decided: input.decided?.trim() ?? "",
      created_by: a.userId,
    });
    await appendAudit(trx, {
      actorId: a.userId,
      actorName: a.username,
      action: "reception_session.create",
      entity: "reception_session",
      entityId: String(row.id),
      unitCode: row.unit_code,
      scope: row.unit_path,
      before: null,
      after: sessionDto(row),
    });
    return sessionDto(row);
  });
}

/** The sessions held under a unit in a month, newest first. */
export async function sessionsOfMonth(db: Db, auth: Auth | null, unit: string, month: string) {
  await requireUnitAccess(db, auth, "unit.read", unit);
  const [from, to] = monthBounds(month);
  return { items: (await repo.sessionsUnder(db, unit, from, to, 500)).map(sessionDto) };
}

/**
 * What reception under a unit came to in [from, to], for the report figures (src/domain/letter-figures.ts): the
 * heads' days held in person against the days their schedules gave up to yesterday (each body's day once; the
 * regular office aside), the sessions, citizens and crowds received, the dialogues held; and the first day the
 * province's reception is kept in danvan (its earliest schedule), before which the unit types them. The
 * schedules are read only when the form asks for the scheduled days, and their days counted on the calendar as
 * kept at start-up. One statement, shared by the reports saved at once. No access check: the caller reads them
 * for a report it may read.
 */
export async function receptionFigures(
  db: Db,
  unitCode: string,
  provinceCode: string,
  from: string,
  to: string,
  scheduled: { kept: Kept } | null = null,
): Promise<{ figures: ReceptionFigures; keptSince: string | null }> {
  const r = await repo.receptionFor(db, {
    unit: unitCode,
    province: provinceCode,
    from,
    to,
    schedules: scheduled !== null,
  });
  const scheduledDays = scheduled ? await daysScheduled(scheduled.kept, db, r.schedules, from, to) : 0;
  return {
    figures: {
      days: r.days,
      sessions: r.sessions,
      citizens: r.citizens,
      groups: r.groups,
      dialogues: r.dialogues,
      scheduledDays,
    },
    keptSince: r.since,
  };
}

/** The first day a province's reception and letters are kept in danvan (its earliest schedule); null before any. */
export const receptionKeptSince = (db: Db, provinceCode: string) => repo.keptSince(db, provinceCode);

/** The days the heads' schedules gave in [from, to], up to yesterday; each body's day once. */
async function daysScheduled(
  kept: Kept,
  db: Db,
  schedules: readonly Pick<ReceptionScheduleRow, "body_id" | "recurrences" | "valid_from" | "valid_to">[],
  from: string,
  to: string,
) {
  const yesterday = previousDay(todayInVietnam());
  const until = to < yesterday ? to : yesterday;
  if (until < from || schedules.length === 0) return 0;
  const cal = await keptWorkingCalendar(db, kept);
  const days = new Set<string>();
  for (const s of schedules) {
    const start = s.valid_from > from ? s.valid_from : from;
    const end = s.valid_to && s.valid_to < until ? s.valid_to : until;
    for (const d of scheduledDays(s.recurrences, start, end, cal)) days.add(`${s.body_id} ${d.on}`);
  }
  return days.size;
}
