/**
 * A body's notice of its reception schedule for a month, drafted in one step: a Thông báo of the body with the
 * month's days of each of its schedules (src/domain/reception-notice.ts), to preview, sign, number and export
 * like any draft. Needs `letter.handle` on the body (its reception) and `document.register` (its documents).
 * @module
 */
import type { Auth } from "../../access/access.ts";
import type { Db } from "../../db/database.ts";
import { noticeExcerpt, noticeSections } from "../../domain/reception-notice.ts";
import { createDraft, updateDraft } from "../drafts/drafts.service.ts";
import { requireBody, schedulesOfMonth } from "./reception.service.ts";

export async function draftScheduleNotice(
  db: Db,
  auth: Auth | null,
  input: { bodyId: number; month: string },
) {
  const body = await requireBody(db, auth, input.bodyId, "letter.handle");
  const month = await schedulesOfMonth(db, auth, body.unit_code, input.month);
  const schedules = month.items
    .filter((s) => s.bodyId === body.id)
    .map((s) => ({
      receiverName: s.receiverName,
      office: s.receiverRole === "reception_office",
      place: s.place,
      days: s.days,
    }));
  const draft = await createDraft(db, auth, {
    bodyId: body.id,
    kind: "TB",
    excerpt: noticeExcerpt(input.month),
  });
  const done = await updateDraft(db, auth, draft.id, {
    version: draft.version,
    sections: noticeSections(input.month, schedules),
  });
  return { draftId: done.id };
}
