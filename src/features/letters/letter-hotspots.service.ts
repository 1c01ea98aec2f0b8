/**
 * A province's hot spots (src/domain/letter-hotspots.ts): where crowded or heated cases are open or keep coming
 * back, and where letters are overdue; the early-warning list and the grid of the letters page.
 * @module
 */
import { type Auth, requireUnitAccess } from "../../access/access.ts";
import type { Db } from "../../db/database.ts";
import type { Kept } from "../../db/kept.ts";
import { addDays, todayInVietnam } from "../../domain/dates.ts";
import {
  byWarning,
  hotspotLevel,
  REPEAT_WINDOW_DAYS,
  REPEATED_CROWDED,
} from "../../domain/letter-hotspots.ts";
import { errors } from "../../errors.ts";
import { listChildren, resolveVersion } from "../units/units.service.ts";
import * as repo from "./letters.repository.ts";

/**
 * The province's own bodies and each of its units in office, with their counts and level, in the early-warning order.
 */
export async function hotspots(db: Db, kept: Kept, auth: Auth | null, unit: string) {
  const path = await requireUnitAccess(db, auth, "unit.read", unit);
  if (path.length !== 1)
    throw errors.badRequest("Chọn một tỉnh, thành phố", "Choose a province", { field: "unit" });
  const today = todayInVietnam();
  const [province, children, rows] = await Promise.all([
    resolveVersion(db, unit, today),
    listChildren(db, kept, auth, unit, today),
    repo.hotspotCounts(db, unit, today, addDays(today, -REPEAT_WINDOW_DAYS)),
  ]);
  const by = new Map(rows.map((r) => [r.unit_code, r]));
  const units = [
    { code: unit, name: province.unit.full_name },
    ...children.items.map((u) => ({ code: u.code, name: u.fullName })),
  ].map((u) => {
    const r = by.get(u.code);
    const counts = {
      openCrowded: r?.open_crowded ?? 0,
      openHeated: r?.open_heated ?? 0,
      crowdedRecent: r?.crowded_recent ?? 0,
      overdue: r?.overdue ?? 0,
    };
    return { ...u, ...counts, level: hotspotLevel(counts) };
  });
  return { asOf: today, windowDays: REPEAT_WINDOW_DAYS, repeated: REPEATED_CROWDED, units: byWarning(units) };
}
