/** The ordered list of migrations (static imports, so they load the same under tsx, vitest and bundlers). */
import type { Migration } from "kysely";
import * as createCore from "./202611221900-create-core.ts";
import * as addUnitRevision from "./202611222000-add-unit-revision.ts";
import * as createCalendarDay from "./202611222100-create-calendar-day.ts";
import * as createIndicator from "./202611222130-create-indicator.ts";
import * as createReporting from "./202611230000-create-reporting.ts";
import * as addReminders from "./202611230100-add-reminders.ts";
import * as addTotalsRevisionAndWeights from "./202611230200-add-totals-revision-and-weights.ts";
import * as createDocumentNumbering from "./202611230300-create-document-numbering.ts";
import * as createDocumentRegistry from "./202611230400-create-document-registry.ts";
import * as createPlans from "./202611230500-create-plans.ts";
import * as addIndicatorRevision from "./202611230600-add-indicator-revision.ts";
import * as createTaskReminderLog from "./202611230700-create-task-reminder-log.ts";
import * as createDvkModels from "./202611230800-create-dvk-models.ts";
import * as createEvaluations from "./202611230900-create-evaluations.ts";
import * as createModelAttachments from "./202611231000-create-model-attachments.ts";
import * as registryNumberLink from "./202611231100-registry-number-link.ts";
import * as addRequestPreviousPeriod from "./202611231200-add-request-previous-period.ts";
import * as addFedRevision from "./202611231300-add-fed-revision.ts";
import * as addSeriesRollup from "./202612011000-add-series-rollup.ts";
import * as addIndicatorBounds from "./202612011100-add-indicator-bounds.ts";
import * as addFormRevision from "./202612011200-add-form-revision.ts";
import * as addFigureSources from "./202612011300-add-figure-sources.ts";
import * as plainRequestTitles from "./202612011400-plain-request-titles.ts";
import * as legalSources from "./202612020900-legal-sources.ts";
import * as accountLockoutAndSessionChanges from "./202612021000-account-lockout-and-session-changes.ts";
import * as scheduledJobs from "./202612021100-scheduled-jobs.ts";
import * as askRules from "./202612030900-ask-rules.ts";
import * as requestCitesDocument from "./202612031000-request-cites-document.ts";
import * as requestIssuedOnAndPlan from "./202612031100-request-issued-on-and-plan.ts";
import * as bodyDocumentSettings from "./202612031200-body-document-settings.ts";
import * as requestAnswersSubmission from "./202612031300-request-answers-submission.ts";
import * as submissionGathered from "./202612040100-submission-gathered.ts";
import * as documentDrafts from "./202612040200-document-drafts.ts";
import * as planCorrections from "./202612040300-plan-corrections.ts";
import * as modelAndSchemeCorrections from "./202612040400-model-and-scheme-corrections.ts";
import * as submissionDocumentNumber from "./202612040500-submission-document-number.ts";
import * as evaluationEvidenceFiles from "./202612040600-evaluation-evidence-files.ts";
import * as evaluationDepartments from "./202612040700-evaluation-departments.ts";
import * as draftAuthorityLine from "./202612070100-draft-authority-line.ts";
import * as createLetters from "./202612070200-create-letters.ts";
import * as inspectorRole from "./202612070300-inspector-role.ts";
import * as createReception from "./202612070400-create-reception.ts";
import * as receptionRules from "./202612070500-reception-rules.ts";
import * as letterTally from "./202612070600-letter-tally.ts";
import * as legalRevision from "./202612070700-legal-revision.ts";
import * as letterUnitTexts from "./202612070800-letter-unit-texts.ts";
import * as onlineLetters from "./202612070900-online-letters.ts";
import * as letterReminderLog from "./202612071000-letter-reminder-log.ts";
import * as createDialogues from "./202612071100-create-dialogues.ts";
import * as receptionPublication from "./202612071200-reception-publication.ts";
import * as letterScans from "./202612071300-letter-scans.ts";
import * as registryWithdrawn from "./202612072200-registry-withdrawn.ts";
import * as evaluationSchemeWithdrawn from "./202612072210-evaluation-scheme-withdrawn.ts";

export const MIGRATIONS: Record<string, Migration> = {
  "202611221900-create-core": createCore,
  "202611222000-add-unit-revision": addUnitRevision,
  "202611222100-create-calendar-day": createCalendarDay,
  "202611222130-create-indicator": createIndicator,
  "202611230000-create-reporting": createReporting,
  "202611230100-add-reminders": addReminders,
  "202611230200-add-totals-revision-and-weights": addTotalsRevisionAndWeights,
  "202611230300-create-document-numbering": createDocumentNumbering,
  "202611230400-create-document-registry": createDocumentRegistry,
  "202611230500-create-plans": createPlans,
  "202611230600-add-indicator-revision": addIndicatorRevision,
  "202611230700-create-task-reminder-log": createTaskReminderLog,
  "202611230800-create-dvk-models": createDvkModels,
  "202611230900-create-evaluations": createEvaluations,
  "202611231000-create-model-attachments": createModelAttachments,
  "202611231100-registry-number-link": registryNumberLink,
  "202611231200-add-request-previous-period": addRequestPreviousPeriod,
  "202611231300-add-fed-revision": addFedRevision,
  "202612011000-add-series-rollup": addSeriesRollup,
  "202612011100-add-indicator-bounds": addIndicatorBounds,
  "202612011200-add-form-revision": addFormRevision,
  "202612011300-add-figure-sources": addFigureSources,
  "202612011400-plain-request-titles": plainRequestTitles,
  "202612020900-legal-sources": legalSources,
  "202612021000-account-lockout-and-session-changes": accountLockoutAndSessionChanges,
  "202612021100-scheduled-jobs": scheduledJobs,
  "202612030900-ask-rules": askRules,
  "202612031000-request-cites-document": requestCitesDocument,
  "202612031100-request-issued-on-and-plan": requestIssuedOnAndPlan,
  "202612031200-body-document-settings": bodyDocumentSettings,
  "202612031300-request-answers-submission": requestAnswersSubmission,
  "202612040100-submission-gathered": submissionGathered,
  "202612040200-document-drafts": documentDrafts,
  "202612040300-plan-corrections": planCorrections,
  "202612040400-model-and-scheme-corrections": modelAndSchemeCorrections,
  "202612040500-submission-document-number": submissionDocumentNumber,
  "202612040600-evaluation-evidence-files": evaluationEvidenceFiles,
  "202612040700-evaluation-departments": evaluationDepartments,
  "202612070100-draft-authority-line": draftAuthorityLine,
  "202612070200-create-letters": createLetters,
  "202612070300-inspector-role": inspectorRole,
  "202612070400-create-reception": createReception,
  "202612070500-reception-rules": receptionRules,
  "202612070600-letter-tally": letterTally,
  "202612070700-legal-revision": legalRevision,
  "202612070800-letter-unit-texts": letterUnitTexts,
  "202612070900-online-letters": onlineLetters,
  "202612071000-letter-reminder-log": letterReminderLog,
  "202612071100-create-dialogues": createDialogues,
  "202612071200-reception-publication": receptionPublication,
  "202612071300-letter-scans": letterScans,
  "202612072200-registry-withdrawn": registryWithdrawn,
  "202612072210-evaluation-scheme-withdrawn": evaluationSchemeWithdrawn,
};
