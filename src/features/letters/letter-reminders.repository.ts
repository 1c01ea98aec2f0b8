/** The SQL of letters' reminders: the letters to remind of, and the log of e-mails sent (each once). @module */
import { sql } from "kysely";
import { granted, type ScopeGrants } from "../../access/access.ts";
import type { Db } from "../../db/database.ts";
import type { LetterReminder } from "../../domain/letter-reminders.ts";

/**
 * Open letters (received or accepted: a suspended one's clocks stand still) whose step is due by `until` or
 * whose legal day has passed, at the bodies `scope` covers (null: all), the soonest first, at most `limit`.
 */
export async function remindableLetters(
  db: Db,
  scope: ScopeGrants | null,
  until: string,
  today: string,
  limit: number,
) {
  let q = db
    .selectFrom("letter")
    .select([
      "id",
      "code",
      "kind",
      "status",
      "unit_code",
      "unit_path",
      "province_code",
      "body_id",
      "step_due",
      "legal_due",
    ])
    .where("status", "in", ["received", "accepted"])
    .where((eb) => eb.or([eb("step_due", "<=", until), eb("legal_due", "<", today)]))
    .orderBy(sql`least(step_due, legal_due)`)
    .orderBy("id")
    .limit(limit);
  if (scope !== null) q = q.where(granted(scope, "unit_path", "body_id"));
  return q.execute();
}

/** Logs a reminder about to go out; false when it went out before (the same letter, step day, kind, person). */
export async function logLetterReminder(
  db: Db,
  r: { letterId: number; stepDue: string; kind: LetterReminder; recipient: string; provinceCode: string },
): Promise<boolean> {
  const rows = await db
    .insertInto("letter_reminder_log")
    .values({
      letter_id: r.letterId,
      step_due: r.stepDue,
      kind: r.kind,
      recipient: r.recipient,
      province_code: r.provinceCode,
    })
    .onConflict((oc) => oc.doNothing())
    .returning("letter_id")
    .execute();
  return rows.length > 0;
}

/** Takes back a logged reminder whose e-mail failed, so the next run tries again. */
export async function forgetLetterReminder(
  db: Db,
  r: { letterId: number; stepDue: string; kind: LetterReminder; recipient: string },
): Promise<void> {
  await db
    .deleteFrom("letter_reminder_log")
    .where("letter_id", "=", r.letterId)
    .where("step_due", "=", r.stepDue)
    .where("kind", "=", r.kind)
    .where("recipient", "=", r.recipient)
    .execute();
}
