/** Sample arguments (after `db`) for every function of letter-sealed.repository.ts, for its SQL snapshot (src/db/sql-snapshot.ts). */
import type { RepositorySamples } from "../../db/repository-samples.ts";

export const samples: RepositorySamples = {
  insertScan: [
    {
      letter_id: 1,
      province_code: "82",
      content_type: "application/pdf",
      size: 1024,
      key_id: "0123456789abcdef",
      sealed: Buffer.from("sealed"),
      created_by: 1,
    },
  ],
  scansOf: [1],
  findScan: [1],
  scansNotUnder: ["0123456789abcdef", 0, 100],
  resealScan: [1, "fedcba9876543210", { key_id: "0123456789abcdef", sealed: Buffer.from("sealed") }],
  identitiesNotUnder: ["0123456789abcdef", 0, 100],
  resealIdentity: [1, "fedcba9876543210", { key_id: "0123456789abcdef", sealed: Buffer.from("sealed") }],
};
