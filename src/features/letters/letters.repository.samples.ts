/** Sample arguments (after `db`) for every function of letters.repository.ts, for its SQL snapshot (src/db/sql-snapshot.ts). */
import type { RepositorySamples } from "../../db/repository-samples.ts";

const LETTER = {
  code: "K7M2-Q9TX",
  secret_hash: "0123456789abcdef:00",
  unit_code: "30037",
  unit_path: ["82", "30037"],
  province_code: "82",
  body_id: 1,
  kind: "complaint" as const,
  channel: "session" as const,
  received_on: "2026-03-02",
  subject: "Khiếu nại về bồi thường khi thu hồi đất",
  person_key: "ab",
  content_key: "khieu nai ve boi thuong khi thu hoi dat",
  created_by: 1,
};

export const samples: RepositorySamples = {
  insertLetter: [LETTER],
  insertIdentity: [1, "0123456789abcdef", Buffer.from("sealed")],
  identityOf: [1],
  findLetter: [1],
  findLetterByCode: ["K7M2-Q9TX"],
  listLetters: [
    {
      unitCode: "82",
      provinceCode: "82",
      kind: "complaint",
      status: null,
      dueBy: "2026-03-09",
      overdueOn: null,
    },
    { units: ["82"], bodies: [0] },
    500,
  ],
  countLetters: ["30037", "82", "2026-03-02"],
  tallyLetters: ["82", "2026-03-02"],
  hotspotCounts: ["82", "2026-03-02", "2025-03-02"],
  nextLetterId: [1],
  registerLetter: [
    {
      row: { ...LETTER, id: 9, round: 2 },
      firstRound: 3,
      identity: { key_id: "0123456789abcdef", sealed: Buffer.from("sealed") },
      audit: {
        actorId: 1,
        actorName: "xa.thapmuoi",
        action: "letter.create",
        entity: "letter",
        entityId: "9",
        unitCode: "30037",
        scope: ["82", "30037"],
        before: null,
        after: { id: 9 },
      },
    },
  ],
  similarLetters: [
    {
      id: 9,
      province_code: "82",
      unit_code: "30037",
      person_key: "ab",
      content_key: "khieu nai boi thuong",
      received_on: "2026-03-02",
    },
  ],
  insertLinks: [[{ letter_id: 9, other_id: 1, kind: "same_person_content" }]],
  linksOf: [1],
  updateLetterVersioned: [1, 1, { status: "accepted", accepted_on: "2026-03-05", legal_due: "2026-04-04" }],
  insertEvent: [
    {
      letter_id: 1,
      province_code: "82",
      action: "accept",
      on_date: "2026-03-05",
      actor_id: 1,
      actor_name: "xa.thapmuoi",
    },
  ],
  eventsOf: [1],
  setEventNumber: [1, { number_id: 7, number_symbol: "12/TB-UBND", registry_document_id: null }],
  clockRules: [],
  upsertClockRule: [
    {
      key: "complaint.accept",
      valid_from: "2026-07-01",
      days: 10,
      count: "working",
      source: "Luật 136/2025/QH15",
      confidence: "unconfirmed",
      updated_by: 1,
    },
  ],
};
