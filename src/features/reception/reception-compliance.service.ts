/**
 * Whether the units under a unit kept their reception schedules in a month (Luật Tiếp công dân 2013, Art.
 * 13–15; NĐ 64/2014, Art. 4): for the unit itself and each unit directly under it that receives citizens (not
 * the hamlets), how many of its leaders' schedules meet the legal minimum, how many were held in person up to
 * now, and how often a deputy received in a leader's place (flagged from 01/7/2026, Luật 136/2025/QH15). Each
 * schedule is checked as on the reception page (`scheduleMonth`), so the two show one figure. Reading needs
 * `unit.read` on the unit.
 * @module
 */

import type { Auth } from "../../access/access.ts";
import { requireUnitAccess } from "../../access/access.ts";
import type { Db } from "../../db/database.ts";
import { todayInVietnam } from "../../domain/dates.ts";
import { delegationAllowed, weeksAround } from "../../domain/reception-schedule.ts";
import { loadWorkingCalendar } from "../calendar/calendar.service.ts";
import * as units from "../units/units.service.ts";
import * as repo from "./reception.repository.ts";
import { monthBounds, scheduleMonth } from "./reception.service.ts";
import { storedReceptionRules } from "./reception-rules.service.ts";

/** A unit's month: no schedule in force, a schedule short of the minimum, held short of it, or kept. */
export type ComplianceStatus = "no_schedule" | "short_scheduled" | "short_held" | "kept";

interface Tally {
  leaders: number;
  scheduledOk: number;
  heldOk: number;
  byDeputy: number;
  deputyNotAllowed: number;
}

const statusOf = (t: Tally): ComplianceStatus =>
  t.leaders === 0
    ? "no_schedule"
    : t.scheduledOk < t.leaders
      ? "short_scheduled"
      : t.heldOk < t.leaders
        ? "short_held"
        : "kept";

export async function receptionCompliance(db: Db, auth: Auth | null, unit: string, month: string) {
  const path = await requireUnitAccess(db, auth, "unit.read", unit);
  const [from, to] = monthBounds(month);
  const today = todayInVietnam();
  // the units as they stood at the month's end, or as they stand today
  // biome-ignore lint/complexity/useMathMinMax: ISO dates compared as text, not numbers
  const asOf = to < today ? to : today;
  const [self, children, schedules, held, cal, stored] = await Promise.all([
    units.unitAt(db, unit, asOf),
    units.childrenAt(db, unit, asOf),
    repo.schedulesUnder(db, unit, from, to),
    repo.heldOnSchedules(db, unit, ...weeksAround(month)),
    loadWorkingCalendar(db),
    storedReceptionRules(db),
  ]);
  const ctx = { cal, stored, today, path };
  const rows = [
    ...(self ? [{ code: self.code, name: self.full_name, own: true }] : []),
    ...children
      .filter((c) => c.level !== "hamlet")
      .map((c) => ({ code: c.code, name: c.full_name, own: false })),
  ];
  const tallies = new Map<string, Tally>(
    rows.map((r) => [r.code, { leaders: 0, scheduledOk: 0, heldOk: 0, byDeputy: 0, deputyNotAllowed: 0 }]),
  );
  const bySchedule = new Map<number | null, typeof held>();
  for (const h of held) {
    const list = bySchedule.get(h.schedule_id);
    if (list) list.push(h);
    else bySchedule.set(h.schedule_id, [h]);
  }
  const depth = path.length;
  for (const s of schedules) {
    // the unit's own schedules count for it; the others for the unit directly under it they fall in
    const code = s.unit_code === unit ? unit : s.unit_path[depth];
    const t = code === undefined ? undefined : tallies.get(code);
    if (!t) continue;
    const mine = bySchedule.get(s.id) ?? [];
    const m = scheduleMonth(
      s,
      month,
      mine.filter((h) => h.in_person).map((h) => h.held_on),
      ctx,
    );
    t.leaders++;
    if (m.scheduled?.ok !== false) t.scheduledOk++;
    if (m.held?.ok !== false) t.heldOk++;
    for (const h of mine.filter((x) => !x.in_person && x.held_on >= from && x.held_on <= to)) {
      t.byDeputy++;
      if (!delegationAllowed(h.held_on)) t.deputyNotAllowed++;
    }
  }
  const items = rows.map((r) => {
    const t = tallies.get(r.code) as Tally;
    return { unitCode: r.code, unitName: r.name, own: r.own, ...t, status: statusOf(t) };
  });
  const count = (s: ComplianceStatus) => items.filter((i) => !i.own && i.status === s).length;
  return {
    month,
    unit: { code: unit, name: self?.full_name ?? unit },
    summary: {
      units: items.filter((i) => !i.own).length,
      kept: count("kept"),
      shortHeld: count("short_held"),
      shortScheduled: count("short_scheduled"),
      noSchedule: count("no_schedule"),
    },
    items,
  };
}
