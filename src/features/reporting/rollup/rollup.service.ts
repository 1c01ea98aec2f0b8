/**
 * Keeping the totals current: after reports are accepted or unlocked (one by one, or many at once in a bulk
 * load), each reporting unit's latest accepted report in its series is marked as the one that counts, and the
 * rollup rows on the affected paths are rebuilt, in the same transaction (domain/report-reach.ts has the rule).
 * @module
 */
import type { Db } from "../../../db/database.ts";
import { reachOf } from "../../../domain/report-reach.ts";
import * as repo from "./rollup.repository.ts";

/** The series of a request: its form code, period and target body kind ("" for units). */
export const seriesOf = (r: {
  form_code: string;
  period_code: string;
  target_body_kind: string | null;
}): repo.Series => ({ formCode: r.form_code, periodCode: r.period_code, bodyKind: r.target_body_kind ?? "" });

async function recountIn(trx: Db, submissionIds: number[]): Promise<void> {
  const keys = await repo.seriesOfSubmissions(trx, submissionIds);
  for (const key of keys) await repo.lockSeries(trx, key);
  const targets = await repo.markCounted(trx, submissionIds);
  const reports = await repo.countedReaching(trx, targets);
  const reach = targets.map((t) =>
    reachOf(
      reports
        .filter(
          (r) =>
            r.form_code === t.form_code && r.period_code === t.period_code && r.body_kind === t.body_kind,
        )
        .map((r) => ({
          id: r.id,
          unitCode: r.unit_code,
          level: r.level,
          closed: r.closed,
          path: r.rollup_path,
        })),
      new Set(t.units),
    ),
  );
  await repo.rebuildSeries(trx, targets, reach);
  await repo.bumpTotalsRevision(trx, [...new Set(keys.map((k) => k.provinceCode))]);
}

/**
 * Recounts the series of the given submissions: in the caller's transaction, or in one of its own (the
 * series locks are held until commit).
 */
export async function recount(db: Db, submissionIds: number[]): Promise<void> {
  if (submissionIds.length === 0) return;
  if (db.isTransaction) await recountIn(db, submissionIds);
  else await db.transaction().execute((trx) => recountIn(trx, submissionIds));
}

/** What the other parts of reporting read of the totals. */
export {
  countedOfTargets,
  countedUnder,
  rollupOf,
  seriesChildren,
  totals,
  totalsRevision,
} from "./rollup.repository.ts";
