/** SQL for reminders: reports still owed near or past their deadline, who to tell, what was sent. @module */
import { sql } from "kysely";
import type { Db, Role } from "../../../db/database.ts";

export interface OwedRow {
  id: number;
  unit_code: string;
  owner_codes: string[];
  province_code: string;
  status: string;
  request_id: number;
  title: string;
  period_code: string;
  deadline: string;
  reminder_days: number;
  unit_name: string;
}

/** Reports not yet sent whose deadline lies between `from` and `to` (owned by `owners`, or all when null). */
export async function owedReports(
  db: Db,
  from: string,
  to: string,
  owners: string[] | null,
  limit: number,
): Promise<OwedRow[]> {
  let q = db
    .selectFrom("submission as s")
    .innerJoin("report_request as r", "r.id", "s.request_id")
    .innerJoin("unit as u", "u.id", "s.unit_id")
    .select([
      "s.id",
      "s.unit_code",
      "s.owner_codes",
      "s.province_code",
      "s.status",
      "r.id as request_id",
      "r.title",
      "r.period_code",
      "r.deadline",
      "r.reminder_days",
      "u.full_name as unit_name",
    ])
    .where("s.status", "in", ["not_started", "draft", "returned"])
    .where("r.deadline", ">=", from)
    .where("r.deadline", "<=", to)
    .orderBy("r.deadline")
    .orderBy("s.id")
    .limit(limit);
  if (owners !== null) q = q.where(sql<boolean>`s.owner_codes && ${sql.val(owners)}::text[]`);
  return q.execute();
}

/** Active users with an e-mail address holding one of `roles` on one of `unitCodes` exactly. */
export async function recipients(
  db: Db,
  unitCodes: string[],
  roles: Role[],
): Promise<{ user_id: number; email: string; display_name: string; unit_code: string }[]> {
  if (unitCodes.length === 0 || roles.length === 0) return [];
  return db
    .selectFrom("app_user as u")
    .innerJoin("user_grant as g", "g.user_id", "u.id")
    .select([
      "u.id as user_id",
      sql<string>`u.email`.as("email"),
      "u.display_name",
      sql<string>`g.unit_code`.as("unit_code"),
    ])
    .where("u.is_active", "=", true)
    .where("u.email", "is not", null)
    .where("g.role", "in", roles)
    .where("g.unit_code", "in", unitCodes)
    .where("g.body_id", "is", null)
    .orderBy("u.id")
    .execute();
}

/** Records a reminder; false when this one was sent before (so it is not sent twice). */
export async function logReminder(
  db: Db,
  r: { submissionId: number; kind: "due_soon" | "overdue"; recipient: string; provinceCode: string },
): Promise<boolean> {
  const row = await db
    .insertInto("reminder_log")
    .values({
      submission_id: r.submissionId,
      kind: r.kind,
      recipient: r.recipient,
      province_code: r.provinceCode,
    })
    .onConflict((oc) => oc.columns(["submission_id", "kind", "recipient"]).doNothing())
    .returning("submission_id")
    .executeTakeFirst();
  return row !== undefined;
}

/** Takes back a logged reminder whose e-mail could not be sent, so the next run tries again. */
export async function forgetReminder(
  db: Db,
  r: { submissionId: number; kind: "due_soon" | "overdue"; recipient: string },
): Promise<void> {
  await db
    .deleteFrom("reminder_log")
    .where("submission_id", "=", r.submissionId)
    .where("kind", "=", r.kind)
    .where("recipient", "=", r.recipient)
    .execute();
}
