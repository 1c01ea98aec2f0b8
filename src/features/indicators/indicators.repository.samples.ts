/** Sample arguments (after `db`) for every function of indicators.repository.ts, for its SQL snapshot (src/db/sql-snapshot.ts). */
import type { RepositorySamples } from "../../db/repository-samples.ts";

const SAMPLE_INDICATOR = {
  code: "DVK_MODELS_TOTAL",
  nameVi: "Tổng số mô hình",
  nameEn: "Models, total",
  type: "integer",
  unitOfMeasure: "mô hình",
  aggregation: "sum",
  categories: { kind: ["tập thể", "cá nhân"] },
  description: "",
};

export const samples: RepositorySamples = {
  listIndicators: [],
  findIndicator: ["DVK_MODELS_TOTAL"],
  insertMissing: [[SAMPLE_INDICATOR]],
  insertIndicator: [SAMPLE_INDICATOR],
  updateIndicatorVersioned: ["DVK_MODELS_TOTAL", 1, SAMPLE_INDICATOR],
};
