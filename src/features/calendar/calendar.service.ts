/**
 * Working-day calendars: the shipped/estimated schedule of a year until an admin confirms or edits it; then
 * the stored table. Deadlines everywhere use `loadWorkingCalendar`.
 * @module
 */
import type { Kysely } from "kysely";
import { type Auth, requirePermission } from "../../access/access.ts";
import { appendAudit } from "../../audit/audit-log.repository.ts";
import type { Database } from "../../db/database.ts";
import type { Kept } from "../../db/kept.ts";
import { WatchedCache } from "../../db/revision-cache.ts";
import type { RevisionWatcher } from "../../db/revision-watcher.ts";
import { formatDateVi, isIsoDate } from "../../domain/dates.ts";
import { type SpecialDay, scheduleFor, WorkingCalendar } from "../../domain/working-days.ts";
import { errors } from "../../errors.ts";
import * as repo from "./calendar.repository.ts";

type Db = Kysely<Database>;

declare module "../../db/kept.ts" {
  interface Kept {
    /** The working calendar of every stored year, against `legal_revision`. */
    workingCalendar: WatchedCache<WorkingCalendar>;
  }
}

/** The kept calendar of `db`, fresh while `watcher` (channel legal_revision) hears no change. */
export function keepWorkingCalendar(db: Db, watcher?: RevisionWatcher): Kept["workingCalendar"] {
  return new WatchedCache(db, watcher, 1);
}

/** The working calendar as `loadWorkingCalendar` reads it, kept between requests (never change it). */
export function keptWorkingCalendar(db: Db, kept: Kept): Promise<WorkingCalendar> {
  return kept.workingCalendar.get(db, "all", () => loadWorkingCalendar(db));
}

export const CALENDAR_YEARS = { min: 2000, max: 2100 };

export async function getYear(db: Db, auth: Auth | null, year: number) {
  requirePermission(auth, "unit.read");
  const stored = await repo.findYear(db, year);
  const days = stored ? await repo.listDays(db, [year]) : scheduleFor(year).days;
  const schedule = stored ? scheduleFor(year, { [year]: days }) : scheduleFor(year);
  return {
    year,
    status: schedule.status,
    stored: Boolean(stored),
    version: stored?.version ?? null,
    days: schedule.days,
  };
}

export async function saveYear(
  db: Db,
  auth: Auth | null,
  year: number,
  input: { version: number | null; days: SpecialDay[] },
) {
  const a = requirePermission(auth, "calendar.manage");
  const seen = new Set<string>();
  input.days.forEach((d, i) => {
    if (!isIsoDate(d.date) || Number(d.date.slice(0, 4)) !== year) {
      throw errors.badRequest(
        `Dòng ${i + 1}: ngày ${d.date} không thuộc năm ${year}`,
        `Row ${i + 1}: ${d.date} is not in ${year}`,
        {
          row: i + 1,
          field: "date",
        },
      );
    }
    if (seen.has(d.date)) {
      throw errors.badRequest(
        `Dòng ${i + 1}: ngày ${formatDateVi(d.date)} bị trùng`,
        `Row ${i + 1}: ${d.date} repeats`,
        {
          row: i + 1,
          field: "date",
        },
      );
    }
    seen.add(d.date);
  });
  const before = await getYear(db, a, year);
  return db.transaction().execute(async (trx) => {
    const version = await repo.replaceYear(trx, year, input.version, input.days, a.userId);
    if (version === null) throw errors.stale(before.version ?? 0);
    await appendAudit(trx, {
      actorId: a.userId,
      actorName: a.username,
      action: "calendar.save",
      entity: "calendar_year",
      entityId: String(year),
      unitCode: null,
      scope: [],
      before: { stored: before.stored, days: before.days },
      after: { days: input.days },
    });
    return getYear(trx, a, year);
  });
}

/** The working-day calendar with every admin-confirmed year. */
export async function loadWorkingCalendar(db: Db): Promise<WorkingCalendar> {
  const days = await repo.listDays(db, null);
  const byYear: Record<number, SpecialDay[]> = {};
  for (const y of await repo.storedYears(db)) byYear[y] = [];
  for (const d of days) {
    const y = Number(d.date.slice(0, 4));
    byYear[y] = [...(byYear[y] ?? []), d];
  }
  return new WorkingCalendar(byYear);
}
