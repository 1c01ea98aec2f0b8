/**
 * Sample arguments (after `db`) for every function of rollup.repository.ts, for its SQL snapshot
 * (src/db/sql-snapshot.ts).
 */
import type { RepositorySamples } from "../../../db/repository-samples.ts";

export const samples: RepositorySamples = {
  seriesOfSubmissions: [[1, 2]],
  lockSeries: [{ formCode: "dvcq-thap-muoi", periodCode: "2026S1", bodyKind: "", provinceCode: "82" }],
  markCounted: [[1, 2]],
  countedReaching: [
    [
      {
        form_code: "dvcq-thap-muoi",
        period_code: "2026S1",
        body_kind: "",
        units: ["82", "30037"],
        roots: ["82"],
      },
    ],
  ],
  rebuildSeries: [
    [
      {
        form_code: "dvcq-thap-muoi",
        period_code: "2026S1",
        body_kind: "",
        units: ["82", "30037"],
        roots: ["82"],
      },
    ],
    [[{ id: 1, unitCode: "30037", own: true }]],
  ],
  bumpTotalsRevision: [["82"]],
  totalsRevision: [],
  rollupOf: [{ formCode: "dvcq-thap-muoi", periodCode: "2026S1", bodyKind: "" }, ["82", "30037"]],
  seriesChildren: [{ formCode: "dvcq-thap-muoi", periodCode: "2026S1", bodyKind: "" }, "82"],
  totals: ["dvcq-thap-muoi", ["2025", "2026"], ["82", "19"]],
  countedUnder: [{ formCode: "dvcq-thap-muoi", periodCode: "2026S1", bodyKind: "" }, "82"],
  countedOfTargets: [1],
};
