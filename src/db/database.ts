/**
 * The one typed schema of the database (mirrors the migrations). DATE columns are `YYYY-MM-DD` strings.
 * @module
 */
import type { ColumnType, Generated, Insertable, Selectable } from "kysely";
import type { RelationKind } from "../domain/document-registry.ts";
import type { Scheme } from "../domain/evaluation.ts";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type UnitLevel = "province" | "district" | "commune" | "hamlet";

interface UnitTable {
  id: Generated<number>;
  code: string;
  name: string;
  full_name: string;
  type: string;
  level: UnitLevel;
  parent_code: string | null;
  province_code: string;
  ancestors: ColumnType<string[], string[] | undefined, string[]>;
  valid_from: string | null;
  valid_to: string | null;
  name_key: string;
  search_text: string;
  source: string;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

interface UnitSuccessorTable {
  predecessor_id: number;
  successor_id: number;
  kind: "full" | "partial";
  effective_date: string;
}

interface BodyTable {
  id: Generated<number>;
  unit_code: string;
  province_code: string;
  kind: string;
  name: string;
  short_name: string | null;
  parent_body_id: number | null;
  valid_from: string | null;
  valid_to: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

interface AppUserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  email: ColumnType<string | null, string | null | undefined, string | null>;
  is_active: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  /** failed logins in a row (domain/login-lockout.ts) */
  failed_logins: Generated<number>;
  last_failed_login_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  locked_until: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export type Role = "system_admin" | "unit_admin" | "editor" | "approver" | "viewer";

interface UserGrantTable {
  id: Generated<number>;
  user_id: number;
  role: Role;
  unit_code: string | null;
  body_id: number | null;
  created_at: Generated<Date>;
  created_by: number | null;
}

interface ScheduledJobTable {
  name: string;
  last_run_at: Date;
  run_by: Generated<string>;
}

interface UserSessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: Generated<Date>;
  expires_at: Date;
  last_seen_at: Generated<Date>;
}

interface AuditLogTable {
  id: Generated<number>;
  at: Generated<Date>;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string;
  unit_code: string | null;
  province_code: string | null;
  /** The unit and its ancestors at the time of the change: who may read the entry. */
  scope_codes: ColumnType<string[], string[] | undefined, never>;
  before: unknown | null;
  after: unknown | null;
}

interface RevisionCounterTable {
  id: number;
  revision: number;
}

interface CalendarDayTable {
  date: string;
  year: ColumnType<number, never, never>;
  kind: "holiday" | "working";
  name: string;
  status: "official" | "estimated";
  source: string;
  updated_at: Generated<Date>;
}

interface CalendarYearTable {
  year: number;
  version: Generated<number>;
  confirmed_by: number | null;
  confirmed_at: Generated<Date>;
}

interface IndicatorTable {
  code: string;
  name_vi: string;
  name_en: string;
  type: "integer" | "decimal" | "percentage" | "text";
  unit_of_measure: string;
  aggregation: "sum" | "average" | "weighted_average" | "min" | "max" | "latest" | "none";
  categories: ColumnType<Record<string, string[]>, string, string>;
  description: string;
  /** weighted_average only: the indicator whose value in the same report weighs this one. */
  weight_code: ColumnType<string | null, string | null | undefined, string | null>;
  /** The largest value a report can give (numeric, as a string); null: no bound beyond the type's. */
  max_value: ColumnType<string | null, string | null | undefined, string | null>;
  built_in: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export type IndicatorRow = Selectable<IndicatorTable>;

type Json<T> = ColumnType<T, string, string>;

export interface FormSectionJson {
  key: string;
  depth: 1 | 2;
  titleVi: string;
  titleEn: string;
  kind: "narrative" | "table" | "heading";
  guidanceVi?: string;
  rows?: { indicator: string; by?: string }[];
}

export interface FormRuleJson {
  left: string;
  operator: "==" | "!=" | "<" | "<=" | ">" | ">=";
  right: string;
  severity: "error" | "warning";
  missing?: "skip_if_any" | "skip_if_all" | "never";
  messageVi: string;
  messageEn: string;
}

interface ReportFormTable {
  id: Generated<number>;
  code: string;
  version: number;
  name_vi: string;
  name_en: string;
  description: string;
  levels: ColumnType<UnitLevel[], UnitLevel[], UnitLevel[]>;
  sections: Json<FormSectionJson[]>;
  rules: Json<FormRuleJson[]>;
  outlier_percent: ColumnType<string, string | undefined, string>;
  built_in: Generated<boolean>;
  /** A shipped form's revision (domain/report-forms.ts), null for a form made here. */
  built_in_revision: ColumnType<number | null, number | null | undefined, number | null>;
  created_by: number | null;
  created_at: Generated<Date>;
}

interface ReportRequestTable {
  id: Generated<number>;
  issuer_unit_code: string;
  issuer_body_id: number | null;
  issuer_path: ColumnType<string[], string[], string[]>;
  province_code: string;
  form_id: number;
  /** The form's code: with the period and the target body kind, the series its reports count in. */
  form_code: string;
  period_code: string;
  period_type: string;
  /** The same period a year earlier (domain/periods.ts previousPeriodCode), null for an ad-hoc window. */
  previous_period_code: string | null;
  period_start: string;
  period_end: string;
  cutoff_from: string;
  cutoff_to: string;
  reference_no: string | null;
  title: string;
  target_level: UnitLevel;
  target_body_kind: string | null;
  deadline: string;
  level_deadlines: Json<{ level: string; deadline: string }[]>;
  reminder_days: ColumnType<number, number | undefined, number>;
  issued_by: number | null;
  issued_at: Generated<Date>;
  version: Generated<number>;
}

export type SubmissionStatus = "not_started" | "draft" | "submitted" | "returned" | "accepted";
/** indicator code → category combo ("" = total) → canonical value. */
export type SubmissionValues = Record<string, Record<string, string>>;
/** section key → text. */
export type SubmissionNarrative = Record<string, string>;

interface SubmissionTable {
  id: Generated<number>;
  request_id: number;
  unit_code: string;
  unit_id: number;
  body_id: number | null;
  province_code: string;
  rollup_path: ColumnType<string[], string[], string[]>;
  owner_codes: ColumnType<string[], string[], string[]>;
  partial: ColumnType<boolean, boolean | undefined, boolean>;
  status: ColumnType<SubmissionStatus, SubmissionStatus | undefined, SubmissionStatus>;
  values: ColumnType<SubmissionValues, string | undefined, string>;
  narrative: ColumnType<SubmissionNarrative, string | undefined, string>;
  late_reason: string | null;
  comment: string | null;
  first_submitted_at: Date | null;
  submitted_at: Date | null;
  accepted_at: Date | null;
  /** The latest accepted report of its unit (or body) in its series: the one the totals count. */
  counted: ColumnType<boolean, boolean | undefined, boolean>;
  updated_by: number | null;
  updated_at: Timestamp;
  version: Generated<number>;
}

interface SubmissionRevisionTable {
  id: Generated<number>;
  submission_id: number;
  province_code: string;
  version: number;
  event: "save" | "submit" | "return" | "accept" | "unlock";
  status: SubmissionStatus;
  values: Json<SubmissionValues>;
  narrative: Json<SubmissionNarrative>;
  comment: string | null;
  actor_id: number | null;
  actor_name: string | null;
  at: Generated<Date>;
}

/** Per series (form code, period, body kind) and unit: its own counted report (`own`) or those below it. */
interface RollupValueTable {
  form_code: string;
  period_code: string;
  body_kind: string;
  unit_code: string;
  own: boolean;
  indicator_code: string;
  combo: string;
  province_code: string;
  n: number;
  partial_n: number;
  sum: string;
  min: string | null;
  max: string | null;
  latest_value: string | null;
  latest_at: Date | null;
  weighted_sum: Generated<string>;
  weight: Generated<string>;
  updated_at: Timestamp;
}

interface DocumentTypeTable {
  family: "state" | "party";
  code: string;
  name_vi: string;
  name_en: string;
  normative: boolean;
  built_in: Generated<boolean>;
}

interface PartyTermTable {
  id: Generated<number>;
  body_id: number;
  name: string;
  starts_on: string;
  ends_on: string | null;
}

interface NumberSequenceTable {
  issuer_body_id: number;
  series: string;
  scope: string;
  last_number: number;
}

interface DocumentNumberTable {
  id: Generated<number>;
  issuer_body_id: number;
  province_code: string;
  family: "state" | "party";
  type_code: string | null;
  series: string;
  scope: string;
  number: number;
  symbol: string;
  issued_on: string;
  title: Generated<string>;
  status: Generated<"allocated" | "cancelled">;
  allocated_by: number;
  allocated_at: Generated<Date>;
  cancelled_by: number | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
}

interface RegistryDocumentTable {
  id: Generated<number>;
  unit_code: string;
  province_code: string;
  direction: "incoming" | "outgoing";
  type_code: string | null;
  number_symbol: Generated<string>;
  symbol_key: Generated<string>;
  issuer_name: string;
  issued_on: string;
  excerpt: string;
  body_text: Generated<string>;
  document_number_id: number | null;
  search: string;
  version: Generated<number>;
  created_by: number;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export type { RelationKind };

interface RegistryRelationTable {
  from_id: number;
  to_id: number;
  kind: RelationKind;
  province_code: string;
  created_at: Generated<Date>;
}

interface RegistryAttachmentTable {
  id: Generated<number>;
  document_id: number;
  province_code: string;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  content: Buffer;
  created_by: number;
  created_at: Generated<Date>;
}

interface PlanTable {
  id: Generated<number>;
  unit_code: string;
  province_code: string;
  title: string;
  registry_document_id: number | null;
  public_token: string | null;
  version: Generated<number>;
  created_by: number;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

interface PlanTaskTable {
  id: Generated<number>;
  plan_id: number;
  parent_id: number | null;
  province_code: string;
  title: string;
  assignee_unit_code: string;
  assignee_path: string[];
  due_on: string;
  /** numeric: a string from pg */
  weight: string;
  status: Generated<"not_started" | "in_progress" | "done" | "cancelled">;
  progress: number | null;
  note: Generated<string>;
  version: Generated<number>;
  updated_by: number | null;
  updated_at: Generated<Date>;
}

interface PlanMilestoneTable {
  id: Generated<number>;
  task_id: number;
  province_code: string;
  title: string;
  due_on: string;
  done_on: string | null;
  evidence_document_id: number | null;
  created_by: number;
  created_at: Generated<Date>;
}

export type PlanRow = Selectable<PlanTable>;
export type PlanTaskRow = Selectable<PlanTaskTable>;
export type PlanMilestoneRow = Selectable<PlanMilestoneTable>;
export type RegistryDocumentRow = Selectable<RegistryDocumentTable>;
export type RegistryAttachmentRow = Selectable<RegistryAttachmentTable>;
export type DocumentNumberRow = Selectable<DocumentNumberTable>;
export type PartyTermRow = Selectable<PartyTermTable>;
export type DocumentTypeRow = Selectable<DocumentTypeTable>;
export type ModelFieldRow = Selectable<ModelFieldTable>;
export type ModelCriteriaSetRow = Selectable<ModelCriteriaSetTable>;
export type DvkModelRow = Selectable<DvkModelTable>;
export type DvkModelYearRow = Selectable<DvkModelYearTable>;
export type DvkModelStepRow = Selectable<DvkModelStepTable>;
export type EvaluationSchemeRow = Selectable<EvaluationSchemeTable>;
export type EvaluationRow = Selectable<EvaluationTable>;

interface TotalsRevisionTable {
  province_code: string;
  revision: Generated<number>;
}

interface ConsolidationSummaryTable {
  request_id: number;
  unit_code: string;
  province_code: string;
  narrative: ColumnType<SubmissionNarrative, string | undefined, string>;
  /** Per indicator a registry also holds: the figure the consolidated report uses (default "reports"). */
  figure_sources: ColumnType<Record<string, FigureSource>, string | undefined, string>;
  version: Generated<number>;
  updated_by: number | null;
  updated_at: Generated<Date>;
}

/** Where a consolidated figure comes from: the units' accepted reports, or a registry (the models). */
export type FigureSource = "reports" | "registry";

interface RollupTotalTable {
  form_code: string;
  period_code: string;
  body_kind: string;
  unit_code: string;
  province_code: string;
  /** Every indicator's value by its rule over the counted reports below the unit. */
  vals: ColumnType<Record<string, string | null>, string, string>;
  /** The same from the unit's own counted report, or null when it has none. */
  own: ColumnType<Record<string, string | null> | null, string | null, string | null>;
  updated_at: Generated<Date>;
}

interface ReminderLogTable {
  submission_id: number;
  kind: "due_soon" | "overdue";
  recipient: string;
  province_code: string;
  sent_at: Generated<Date>;
}

interface ModelFieldTable {
  code: string;
  name_vi: string;
  name_en: string;
  sort: number;
  built_in: Generated<boolean>;
}

export interface ModelCriterionJson {
  code: string;
  textVi: string;
  required: boolean;
}

interface ModelCriteriaSetTable {
  id: Generated<number>;
  province_code: string | null;
  kind: "collective" | "individual";
  example: Generated<boolean>;
  source: Generated<string>;
  criteria: Json<ModelCriterionJson[]>;
  minimum_met: number;
}

/** The registration sheet of a model (Đà Nẵng 249/MTTQ-BTT's fields, RULES §1d). */
export interface ModelDetailsJson {
  rationale: string;
  goals: string;
  contentMethod: string;
  area: string;
  targetGroup: string;
  forces: { lead: string; coordinating: string; participating: string };
  resources: string;
  milestones: { date: string; text: string }[];
  expectedOutputs: string;
  sustainability: string;
}

interface DvkModelTable {
  id: Generated<number>;
  unit_code: string;
  unit_path: ColumnType<string[], string[], string[]>;
  province_code: string;
  body_id: number | null;
  name: string;
  field_code: string;
  kind: "collective" | "individual";
  details: Json<ModelDetailsJson>;
  started_on: string;
  evaluation_on: string | null;
  is_public: Generated<boolean>;
  results: Generated<string>;
  version: Generated<number>;
  created_by: number;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export type ModelStatusValue =
  | "registered"
  | "implementing"
  | "assessed"
  | "recognised"
  | "exemplary"
  | "commended";

export interface ModelAssessmentJson {
  answers: Record<string, boolean>;
  met: number;
  total: number;
  passes: boolean;
}

interface DvkModelYearTable {
  model_id: number;
  year: number;
  province_code: string;
  registration: "new" | "kept";
  status: Generated<ModelStatusValue>;
  was_exemplary: Generated<boolean>;
  assessment: Json<ModelAssessmentJson> | null;
  decision_number_id: number | null;
  decision_symbol: string | null;
  version: Generated<number>;
  updated_at: Generated<Date>;
}

interface DvkModelStepTable {
  id: Generated<number>;
  model_id: number;
  year: number;
  province_code: string;
  from_status: ModelStatusValue | null;
  to_status: ModelStatusValue;
  comment: Generated<string>;
  decision_symbol: string | null;
  actor_id: number | null;
  actor_name: string;
  at: Generated<Date>;
}

interface DvkModelAttachmentTable {
  id: Generated<number>;
  model_id: number;
  province_code: string;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  content: Buffer;
  created_by: number;
  created_at: Generated<Date>;
}

interface EvaluationSchemeTable {
  id: Generated<number>;
  province_code: string;
  year: number;
  name: string;
  source: Generated<string>;
  example_key: string | null;
  scheme: Json<SchemeJson>;
  self_from: string;
  self_until: string;
  published_at: Date | null;
  version: Generated<number>;
  created_by: number;
  created_at: Generated<Date>;
}

export type SchemeJson = Scheme;
export type ScoresJson = Record<string, { points: string; evidence?: string; comment?: string }>;

interface EvaluationTable {
  id: Generated<number>;
  scheme_id: number;
  unit_code: string;
  unit_path: ColumnType<string[], string[], string[]>;
  province_code: string;
  in_par_index: Generated<boolean>;
  ranked: Generated<boolean>;
  not_ranked_reason: Generated<string>;
  own_scores: ColumnType<ScoresJson, string | undefined, string>;
  appraised_scores: ColumnType<ScoresJson, string | undefined, string>;
  appraisal_comment: Generated<string>;
  flags: ColumnType<string[], string[] | undefined, string[]>;
  status: Generated<"draft" | "self_submitted" | "appraised">;
  self_submitted_at: Date | null;
  appraised_at: Date | null;
  raw: number | null;
  score: number | null;
  band_code: string | null;
  capped_by: string | null;
  rank: number | null;
  par_rank: number | null;
  sipas_rank: number | null;
  version: Generated<number>;
  updated_at: Generated<Date>;
}

interface TaskReminderLogTable {
  task_id: number;
  kind: "due_soon" | "overdue";
  recipient: string;
  province_code: string;
  sent_at: Generated<Date>;
}

export type ReportFormRow = Selectable<ReportFormTable>;
export type ReportRequestRow = Selectable<ReportRequestTable>;
export type SubmissionRow = Selectable<SubmissionTable>;
export type SubmissionRevisionRow = Selectable<SubmissionRevisionTable>;
export type RollupValueRow = Selectable<RollupValueTable>;

export interface Database {
  report_form: ReportFormTable;
  report_request: ReportRequestTable;
  submission: SubmissionTable;
  submission_revision: SubmissionRevisionTable;
  rollup_value: RollupValueTable;
  reminder_log: ReminderLogTable;
  task_reminder_log: TaskReminderLogTable;
  model_field: ModelFieldTable;
  model_criteria_set: ModelCriteriaSetTable;
  dvk_model: DvkModelTable;
  dvk_model_year: DvkModelYearTable;
  dvk_model_step: DvkModelStepTable;
  dvk_model_attachment: DvkModelAttachmentTable;
  evaluation_scheme: EvaluationSchemeTable;
  evaluation: EvaluationTable;
  rollup_total: RollupTotalTable;
  totals_revision: TotalsRevisionTable;
  document_type: DocumentTypeTable;
  party_term: PartyTermTable;
  number_sequence: NumberSequenceTable;
  document_number: DocumentNumberTable;
  registry_document: RegistryDocumentTable;
  registry_relation: RegistryRelationTable;
  registry_attachment: RegistryAttachmentTable;
  plan: PlanTable;
  plan_task: PlanTaskTable;
  plan_milestone: PlanMilestoneTable;
  consolidation_summary: ConsolidationSummaryTable;
  indicator: IndicatorTable;
  calendar_day: CalendarDayTable;
  calendar_year: CalendarYearTable;
  unit: UnitTable;
  unit_revision: RevisionCounterTable;
  indicator_revision: RevisionCounterTable;
  fed_revision: RevisionCounterTable;
  unit_successor: UnitSuccessorTable;
  body: BodyTable;
  app_user: AppUserTable;
  scheduled_job: ScheduledJobTable;
  user_grant: UserGrantTable;
  user_session: UserSessionTable;
  audit_log: AuditLogTable;
}

export type UnitRow = Selectable<UnitTable>;
export type NewUnit = Insertable<UnitTable>;
export type BodyRow = Selectable<BodyTable>;
export type UserRow = Selectable<AppUserTable>;
export type GrantRow = Selectable<UserGrantTable>;
export type AuditRow = Selectable<AuditLogTable>;
