/** Sample arguments (after `db`) for every function of units.repository.ts, for its SQL snapshot (src/db/sql-snapshot.ts). */
import type { RepositorySamples } from "../../db/repository-samples.ts";

const unitRow = {
  code: "30037-001",
  name: "1",
  full_name: "Ấp 1",
  type: "ấp",
  level: "hamlet",
  parent_code: "30037",
  province_code: "82",
  ancestors: ["82", "30037"],
  valid_from: "2025-07-01",
  valid_to: null,
  name_key: "1",
  search_text: "ap 1 30037-001",
  source: "user",
};

export const samples: RepositorySamples = {
  listUnits: [
    {
      level: "commune",
      parent: "82",
      words: ["thap", "muoi"],
      within: "82",
      scope: ["82"],
      asOf: "2026-01-01",
      limit: 50,
      offset: 0,
    },
  ],
  unitRevision: [],
  findUnitAt: ["30037", "2026-01-01"],
  findUnitsAt: [["30037", "82"], "2026-01-01"],
  findUnitVersions: ["30037"],
  listChildren: ["82", "2026-01-01"],
  linksFrom: [[1, 2]],
  linksTo: [[1, 2]],
  findUnitsByIds: [[1, 2]],
  insertUnits: [[unitRow]],
  insertLinks: [[{ predecessor_id: 1, successor_id: 2, kind: "full", effective_date: "2025-07-01" }]],
  openOfficialUnits: [],
  closeUnits: [[1, 2], "2025-06-30"],
  countUnits: [],
  lockUnit: [1],
  maxHamletSequence: ["30037"],
  findHamletByNameKey: ["30037", "ấp 1", "2026-01-01"],
  insertUnit: [unitRow],
  updateUnitVersioned: [1, 1, { name: "2", full_name: "Ấp 2" }],
};
