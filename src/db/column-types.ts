/**
 * The TypeScript types of the JSON columns and of the text columns PostgreSQL cannot describe by itself, used
 * by the generated schema (`schema.generated.ts`, written by `npm run db:types`). A JSON column is read as
 * its value and written as its JSON text. DATE columns are `YYYY-MM-DD` strings.
 * @module
 */
import type { ColumnType } from "kysely";
import type { RelationKind } from "../domain/document-registry.ts";
import type { Scheme } from "../domain/evaluation.ts";
import type { Recurrence } from "../domain/reception-schedule.ts";
import type { FormRule, FormSection, UnitLevel } from "../domain/report-forms.ts";

/** A JSON column: read as `T`, written as its JSON text. */
export type JsonColumn<T> = ColumnType<T, string, string>;

export type { RelationKind, UnitLevel };

export type Role = "system_admin" | "unit_admin" | "editor" | "approver" | "viewer" | "inspector";

export type SubmissionStatus = "not_started" | "draft" | "submitted" | "returned" | "accepted";
/** indicator code → category combo ("" = total) → canonical value. */
export type SubmissionValues = Record<string, Record<string, string>>;
/** section key → text. */
export type SubmissionNarrative = Record<string, string>;

/** Where a consolidated figure comes from: the units' accepted reports, or a registry (the models). */
export type FigureSource = "reports" | "registry";

export type FormSectionJson = FormSection;
export type FormRuleJson = FormRule;

/** A body's signature block: its authority lines ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH") and signer. */
export interface SigningJson {
  authority: string[];
  signer: string;
}

/** A deadline per level of the units asked. */
export interface LevelDeadlineJson {
  level: string;
  deadline: string;
}

/**
 * What a report owed upward carried when submitted: the requests that gathered it from the units below, how far
 * they were answered, and the totals it reported that differ from the gathered ones.
 */
export interface GatheredJson {
  takenOn: string;
  sources: {
    requestId: number;
    referenceNo: string | null;
    title: string;
    expected: number;
    submitted: number;
    accepted: number;
    late: number;
    missing: number;
  }[];
  differences: { code: string; reported: string | null; gathered: string }[];
}

/** A headed section of a drafted document: its heading (none for a text that runs on) and its narrative. */
export interface DraftSectionJson {
  title: string;
  level: 1 | 2;
  text: string;
}

/** A task a drafted plan assigns: what, to which unit, by when (it becomes a task of the tracked plan). */
export interface DraftTaskJson {
  title: string;
  assigneeUnitCode: string;
  dueOn: string;
}

/** Every indicator's value by its rule (null: no value). */
export type IndicatorValuesJson = Record<string, string | null>;

/** category code → the options of its values. */
export type CategoriesJson = Record<string, string[]>;

export interface ModelCriterionJson {
  code: string;
  textVi: string;
  required: boolean;
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

export type SchemeJson = Scheme;
export type ScoresJson = Record<string, { points: string; evidence?: string; comment?: string }>;
/** A reception schedule's recurring days (src/domain/reception-schedule.ts). */
export type RecurrenceJson = Recurrence;
