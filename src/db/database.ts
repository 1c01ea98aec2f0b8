/**
 * The one typed schema of the database: generated from the migrations (`schema.generated.ts`, by
 * `npm run db:types`), with the row types the features name. DATE columns are `YYYY-MM-DD` strings.
 * @module
 */
import type { Insertable, Kysely, Selectable } from "kysely";
import type { DB } from "./schema.generated.ts";

export type * from "./column-types.ts";

export type Database = DB;

type Row<T extends keyof DB> = Selectable<DB[T]>;

export type UnitRow = Row<"unit">;
export type NewUnit = Insertable<DB["unit"]>;
export type BodyRow = Row<"body">;
export type AskRuleRow = Row<"ask_rule">;
export type UserRow = Row<"app_user">;
export type GrantRow = Row<"user_grant">;
export type AuditRow = Row<"audit_log">;
export type IndicatorRow = Row<"indicator">;
export type ReportFormRow = Row<"report_form">;
export type ReportRequestRow = Row<"report_request">;
export type SubmissionRow = Row<"submission">;
export type SubmissionRevisionRow = Row<"submission_revision">;
export type RollupValueRow = Row<"rollup_value">;
export type PlanRow = Row<"plan">;
export type DocumentDraftRow = Row<"document_draft">;
export type NewDocumentDraft = Insertable<DB["document_draft"]>;
export type PlanTaskRow = Row<"plan_task">;
export type PlanMilestoneRow = Row<"plan_milestone">;
export type RegistryDocumentRow = Row<"registry_document">;
export type RegistryAttachmentRow = Row<"registry_attachment">;
export type DocumentNumberRow = Row<"document_number">;
export type PartyTermRow = Row<"party_term">;
export type DocumentTypeRow = Row<"document_type">;
export type ModelFieldRow = Row<"model_field">;
export type ModelCriteriaSetRow = Row<"model_criteria_set">;
export type DvkModelRow = Row<"dvk_model">;
export type DvkModelYearRow = Row<"dvk_model_year">;
export type DvkModelStepRow = Row<"dvk_model_step">;
export type EvaluationSchemeRow = Row<"evaluation_scheme">;
export type EvaluationRow = Row<"evaluation">;
export type LetterRow = Row<"letter">;
export type NewLetter = Insertable<DB["letter"]>;
export type LetterEventRow = Row<"letter_event">;
export type LetterClockRuleRow = Row<"letter_clock_rule">;
export type ReceptionScheduleRow = Row<"reception_schedule">;
export type NewReceptionSchedule = Insertable<DB["reception_schedule"]>;
export type ReceptionSessionRow = Row<"reception_session">;
export type NewReceptionSession = Insertable<DB["reception_session"]>;
export type DialogueRow = Row<"dialogue">;
export type DialogueCommitmentRow = Row<"dialogue_commitment">;

/** The database as every repository and service takes it. */
export type Db = Kysely<Database>;
