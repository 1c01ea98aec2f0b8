/**
 * A unit's citizen-reception schedule on danvan's public page, for citizens to know when and where their leaders
 * receive them (made public at the reception place and on the body's website, Luật Tiếp công dân 2013): off until
 * those who handle the unit's reception turn it on; it shows who receives, on which days of the month (a day off
 * moved to the next working day) and where, nothing else.
 * @module
 */
import { type Auth, requireUnitAccess } from "../../access/access.ts";
import { appendAudit } from "../../audit/audit-log.repository.ts";
import type { Db } from "../../db/database.ts";
import { scheduledDays } from "../../domain/reception-schedule.ts";
import { errors } from "../../errors.ts";
import { bodiesByIds } from "../bodies/bodies.service.ts";
import { loadWorkingCalendar } from "../calendar/calendar.service.ts";
import { unitVersions } from "../units/units.service.ts";
import * as repo from "./reception.repository.ts";
import { monthBounds } from "./reception.service.ts";

/** Turns the unit's public schedule page on or off (those who handle its reception). */
export async function setPublication(db: Db, auth: Auth | null, unitCode: string, published: boolean) {
  const path = await requireUnitAccess(db, auth, "letter.handle", unitCode);
  const a = auth as Auth;
  return db.transaction().execute(async (trx) => {
    const before = await repo.isPublished(trx, unitCode);
    await repo.setPublished(trx, {
      unit_code: unitCode,
      province_code: path[0] ?? unitCode,
      published,
      updated_by: a.userId,
    });
    await appendAudit(trx, {
      actorId: a.userId,
      actorName: a.username,
      action: "reception.publish",
      entity: "reception_publication",
      entityId: unitCode,
      unitCode,
      scope: path,
      before: { published: before },
      after: { published },
    });
    return { unitCode, published };
  });
}

/** The unit's own schedules for a month as citizens see them; 404 when it does not publish them. */
export async function publicSchedule(db: Db, unitCode: string, month: string) {
  if (!(await repo.isPublished(db, unitCode)))
    throw errors.notFound("lịch tiếp công dân công khai / public reception schedule", unitCode);
  const [from, to] = monthBounds(month);
  const [schedules, cal, versions] = await Promise.all([
    repo.schedulesUnder(db, unitCode, from, to),
    loadWorkingCalendar(db),
    unitVersions(db, unitCode),
  ]);
  // its name as it stands (with its kind: "Xã Tháp Mười")
  const unitName = versions.at(-1)?.full_name ?? unitCode;
  const own = schedules.filter((s) => s.unit_code === unitCode);
  const bodies = new Map(
    (await bodiesByIds(db, [...new Set(own.map((s) => s.body_id))])).map((b) => [b.id, b]),
  );
  return {
    unitCode,
    unitName,
    month,
    items: own.map((s) => {
      // biome-ignore lint/complexity/useMathMinMax: ISO dates compared as text, not numbers
      const start = s.valid_from > from ? s.valid_from : from;
      const end = s.valid_to && s.valid_to < to ? s.valid_to : to;
      return {
        bodyName: bodies.get(s.body_id)?.name ?? "",
        receiverName: s.receiver_name,
        office: s.receiver_role === "reception_office",
        place: s.place,
        days: s.receiver_role === "reception_office" ? [] : scheduledDays(s.recurrences, start, end, cal),
      };
    }),
  };
}
