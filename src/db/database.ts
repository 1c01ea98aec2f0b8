/**
 * The one typed schema of the database (mirrors the migrations). DATE columns are `YYYY-MM-DD` strings.
 * @module
 */
import type { ColumnType, Generated, Insertable, Selectable } from "kysely";

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
  is_active: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
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

interface UserSessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: Generated<Date>;
  expires_at: Date;
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

interface UnitRevisionTable {
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
  built_in: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export type IndicatorRow = Selectable<IndicatorTable>;

export interface Database {
  indicator: IndicatorTable;
  calendar_day: CalendarDayTable;
  calendar_year: CalendarYearTable;
  unit: UnitTable;
  unit_revision: UnitRevisionTable;
  unit_successor: UnitSuccessorTable;
  body: BodyTable;
  app_user: AppUserTable;
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
