/** Sample arguments (after `db`) for every function of reception.repository.ts, for its SQL snapshot (src/db/sql-snapshot.ts). */
import type { RepositorySamples } from "../../db/repository-samples.ts";

export const samples: RepositorySamples = {
  insertSchedule: [
    {
      unit_code: "30037",
      unit_path: ["82", "30037"],
      province_code: "82",
      body_id: 1,
      receiver_name: "Chủ tịch UBND xã",
      receiver_role: "commune_chair",
      recurrences: JSON.stringify([{ kind: "weekly", weekday: 4 }]),
      valid_from: "2026-01-01",
      created_by: 1,
    },
  ],
  findSchedule: [1],
  schedulesUnder: ["82", "2026-03-01", "2026-03-31"],
  insertSession: [
    {
      unit_code: "30037",
      unit_path: ["82", "30037"],
      province_code: "82",
      body_id: 1,
      held_on: "2026-03-05",
      receiver_name: "Chủ tịch UBND xã",
      receiver_role: "commune_chair",
      citizens: 4,
      created_by: 1,
    },
  ],
  sessionsUnder: ["30037", "2026-03-01", "2026-03-31", 500],
  findSession: [1],
  heldOnSchedules: ["82", "2026-03-01", "2026-03-31"],
  receptionFor: [{ unit: "30037", province: "82", from: "2026-01-01", to: "2026-12-31", schedules: true }],
  keptSince: ["82"],
  isPublished: ["30037"],
  setPublished: [{ unit_code: "30037", province_code: "82", published: true, updated_by: 1 }],
  receptionRules: [],
  insertReceptionRule: [
    {
      unit_code: "872",
      role: "agency_head",
      days: 1,
      per: "week",
      valid_from: "2022-01-01",
      source: "Huyện Tháp Mười",
      confidence: "confirmed",
      created_by: 1,
    },
  ],
};
