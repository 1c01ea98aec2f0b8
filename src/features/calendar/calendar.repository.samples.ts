/** Sample arguments (after `db`) for every function of calendar.repository.ts, for its SQL snapshot (src/db/sql-snapshot.ts). */
import type { RepositorySamples } from "../../db/repository-samples.ts";

export const samples: RepositorySamples = {
  findYear: [2026],
  listDays: [[2026]],
  storedYears: [],
  replaceYear: [
    2026,
    1,
    [{ date: "2026-01-01", kind: "holiday", name: "Tết Dương lịch", status: "official", source: "test" }],
    1,
  ],
};
