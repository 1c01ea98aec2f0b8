/** Sample arguments (after `db`) for every function of forms.repository.ts, for its SQL snapshot (src/db/sql-snapshot.ts). */
import type { RepositorySamples } from "../../db/repository-samples.ts";
import { BUILT_IN_FORMS } from "../../domain/report-forms.ts";

const SAMPLE_FORM = BUILT_IN_FORMS[0];

export const samples: RepositorySamples = {
  listForms: [],
  findForm: [1],
  latestVersion: ["dvcq-thap-muoi"],
  latestFormId: ["dvcq-thap-muoi"],
  installShippedForms: [[SAMPLE_FORM]],
  insertFormVersion: [SAMPLE_FORM, 2, 1],
};
