/** Sample arguments (after `db`) for every function of ask-rules.repository.ts, for its SQL snapshot (src/db/sql-snapshot.ts). */
import type { RepositorySamples } from "../../db/repository-samples.ts";

const rule = {
  issuer_kind: "mass_mobilization_board",
  target_kind: "people_committee",
  relation: "same" as const,
  valid_from: "2021-07-30",
  source: "",
};

export const samples: RepositorySamples = {
  listAskRules: [],
  askRulesOf: ["mass_mobilization_board", "2024-01-09"],
  findAskRule: [1],
  insertMissingAskRules: [[rule]],
  insertAskRule: [{ ...rule, valid_to: null }],
  endAskRuleVersioned: [1, 1, "2025-06-30"],
};
