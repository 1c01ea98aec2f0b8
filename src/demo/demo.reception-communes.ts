/**
 * The reception schedules of nine more communes of Đồng Tháp over the last three months, so the province's
 * dashboard shows how its communes keep the law's minimum (Luật Tiếp công dân 2013, Art. 15: the commune chair
 * one day a week): most kept it, one missed some weeks, one scheduled a day a month only, one had a deputy
 * receive after 01/7/2026 (flagged), two have no schedule yet. Through the same services an official uses.
 * @module
 */
import type { Kysely } from "kysely";
import type { Auth } from "../access/access.ts";
import type { Database } from "../db/database.ts";
import { addDays } from "../domain/dates.ts";
import { delegationAllowed, type Recurrence, scheduledDays } from "../domain/reception-schedule.ts";
import type { loadWorkingCalendar } from "../features/calendar/calendar.service.ts";
import { createSchedule, recordSession } from "../features/reception/reception.service.ts";

type Calendar = Awaited<ReturnType<typeof loadWorkingCalendar>>;

/** Each commune's chair, the days they receive, and which sessions were missed or held by a deputy. */
const PATTERNS: {
  chair: string;
  r: Recurrence;
  missed?: (k: number) => boolean;
  deputy?: (k: number) => boolean;
}[] = [
  { chair: "Lê Văn Thành", r: { kind: "weekly", weekday: 2 } },
  { chair: "Trần Thị Mai", r: { kind: "weekly", weekday: 3 }, missed: (k) => k % 5 === 3 },
  // one day a month: short of the law's one a week
  { chair: "Nguyễn Hữu Phước", r: { kind: "monthly_nth", nth: 2, weekday: 1 } },
  { chair: "Võ Minh Trí", r: { kind: "weekly", weekday: 4 }, deputy: (k) => k % 4 === 2 },
  { chair: "Huỳnh Thị Thu", r: { kind: "weekly", weekday: 5 } },
  { chair: "Phan Văn Lâm", r: { kind: "weekly", weekday: 1 } },
  { chair: "Đặng Thị Ngọc", r: { kind: "weekly", weekday: 2 }, missed: (k) => k % 6 === 4 },
];

export async function seedCommuneSchedules(
  db: Kysely<Database>,
  auth: Auth,
  cal: Calendar,
  today: string,
  committees: readonly { id: number; unit: string }[],
) {
  // the first of the month three months back
  const back = addDays(today, -62);
  const from = `${back.slice(0, 7)}-01`;
  for (const [i, p] of PATTERNS.entries()) {
    const at = committees[i];
    if (!at) break;
    const name = `${p.chair}, Chủ tịch UBND xã`;
    const s = await createSchedule(db, auth, {
      bodyId: at.id,
      receiverName: name,
      receiverRole: "commune_chair",
      recurrences: [p.r],
      place: "Trụ sở UBND xã",
      validFrom: from,
    });
    const days = scheduledDays([p.r], from, addDays(today, -1), cal);
    for (const [k, d] of days.entries()) {
      if (p.missed?.(k)) continue;
      const deputy = p.deputy?.(k) === true && !delegationAllowed(d.on);
      await recordSession(db, auth, {
        bodyId: at.id,
        scheduleId: s.id,
        heldOn: d.on,
        receiverName: name,
        receiverRole: "commune_chair",
        inPerson: !deputy,
        deputyName: deputy ? "Nguyễn Văn Bình, Phó Chủ tịch UBND xã" : null,
        citizens: 1 + ((i + k) % 4),
        groups: 0,
        content: "Phản ánh về đất đai, môi trường, chính sách an sinh xã hội",
        decided: "Giao bộ phận chuyên môn kiểm tra, trả lời công dân theo quy định",
      });
    }
  }
}
