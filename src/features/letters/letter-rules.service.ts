/**
 * The time limits of letters as data: the law's (src/domain/letter-clock.ts, each citing its article and how
 * sure it is) and those a system administrator stores as the law changes (Luật 136/2025/QH15 from 01/7/2026),
 * each from its date; a stored rule takes precedence from its date, for the steps that start on or after it.
 * @module
 */
import { type Auth, requirePermission } from "../../access/access.ts";
import { appendAudit } from "../../audit/audit-log.repository.ts";
import type { Db } from "../../db/database.ts";
import type { Kept } from "../../db/kept.ts";
import { WatchedCache } from "../../db/revision-cache.ts";
import type { RevisionWatcher } from "../../db/revision-watcher.ts";
import { type ClockKey, type ClockRule, DEFAULT_CLOCK_RULES } from "../../domain/letter-clock.ts";
import * as repo from "./letters.repository.ts";

declare module "../../db/kept.ts" {
  interface Kept {
    /** The stored time limits of letters, against `legal_revision`. */
    clockRules: WatchedCache<ClockRule[]>;
  }
}

/** The kept time limits of `db`, fresh while `watcher` (channel legal_revision) hears no change. */
export function keepClockRules(db: Db, watcher?: RevisionWatcher): Kept["clockRules"] {
  return new WatchedCache(db, watcher, 1);
}

/** The time limits as `storedClockRules` reads them, kept between requests (never change them). */
export function keptClockRules(db: Db, kept: Kept): Promise<ClockRule[]> {
  return kept.clockRules.get(db, "all", () => storedClockRules(db));
}

/** The time limits in force: the law's, and the administrator's stored ones from their dates. */
export async function storedClockRules(db: Db): Promise<ClockRule[]> {
  return (await repo.clockRules(db)).map((r) => ({
    key: r.key as ClockRule["key"],
    days: r.days,
    count: r.count,
    validFrom: r.valid_from,
    source: r.source,
    confidence: r.confidence,
  }));
}

/** Every time limit: the law's and the stored ones, by key and date. */
export async function listClockRules(db: Db, auth: Auth | null) {
  requirePermission(auth, "unit.read");
  const stored = await storedClockRules(db);
  const shown = (r: ClockRule, isStored: boolean) => ({ ...r, stored: isStored });
  return {
    items: [...DEFAULT_CLOCK_RULES.map((r) => shown(r, false)), ...stored.map((r) => shown(r, true))].sort(
      (a, b) => a.key.localeCompare(b.key) || a.validFrom.localeCompare(b.validFrom),
    ),
  };
}

export async function setClockRule(
  db: Db,
  auth: Auth | null,
  input: {
    key: ClockKey;
    days: number;
    count: "calendar" | "working";
    validFrom: string;
    source: string;
    confidence: ClockRule["confidence"];
  },
) {
  const a = requirePermission(auth, "legal_rule.manage");
  return db.transaction().execute(async (trx) => {
    const row = await repo.upsertClockRule(trx, {
      key: input.key,
      valid_from: input.validFrom,
      days: input.days,
      count: input.count,
      source: input.source.trim(),
      confidence: input.confidence,
      updated_by: a.userId,
    });
    await appendAudit(trx, {
      actorId: a.userId,
      actorName: a.username,
      action: "letter_clock_rule.set",
      entity: "letter_clock_rule",
      entityId: `${row.key}@${row.valid_from}`,
      unitCode: null,
      scope: [],
      before: null,
      after: input,
    });
    return { ...input, stored: true };
  });
}
