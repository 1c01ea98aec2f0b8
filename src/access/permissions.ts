/**
 * Permissions and what each role grants. A grant gives a role over a unit subtree (optionally one body);
 * `system_admin` is global.
 * @module
 */
import type { Role } from "../db/database.ts";

export const PERMISSIONS = [
  "unit.read",
  "unit.write", // hamlets: create, rename, close
  "body.write",
  "user.manage",
  "audit.read",
  "unit.import",
  "calendar.manage", // confirm or edit a year's holidays and make-up working days
  "indicator.manage", // add and edit indicators of the catalogue
  "form.manage", // add report forms and new versions of them
  "report.request", // issue report requests to the units below
  "ask_rule.manage", // which bodies may ask which for reports (system administrators)
  "report.fill", // fill and submit a unit's report
  "report.review", // accept or return the reports sent to one's unit
  "report.unlock", // reopen an accepted report, with a reason
  "document.number", // take and cancel numbers in a body's registry of outgoing documents
  "document.register", // register documents received and issued, relate them, attach files
  "plan.manage", // plans and their tasks: the plan's unit manages all, an assignee updates its own tasks
  "model.register", // register "Dân vận khéo" models of one's unit, keep them up, record their implementation
  "model.evaluate", // assess, recognise and commend the models of the units below one's own
  "evaluation.manage", // a province's yearly evaluation scheme: create it, publish the ranking
  "evaluation.self", // score one's own unit against the scheme, with evidence
  "evaluation.appraise", // appraise the scores of the units below one's own
  // citizens' reception (schedules, sessions) and letters (register, classify, take their steps), for one's unit or body
  "letter.handle",
  // be told, as the head of a body, of its letters whose step is late or whose legal day has passed
  "letter.oversee",
  // read the identity a denouncer is protected by (Luật Tố cáo 2018, Art. 9): the inspectorate only, never implied
  "letter.identity",
  "legal_rule.manage", // the law-wide time limits and reception minimums, as the law changes (system administrators)
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const ROLES: readonly Role[] = [
  "system_admin",
  "unit_admin",
  "editor",
  "approver",
  "viewer",
  "inspector",
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  // a system administrator may grant the reading of denouncers' identities, not hold it
  system_admin: PERMISSIONS.filter((p) => p !== "letter.identity"),
  unit_admin: ["unit.read", "unit.write", "body.write", "user.manage", "audit.read"],
  editor: [
    "unit.read",
    "unit.write",
    "report.request",
    "report.fill",
    "report.review",
    "document.number",
    "document.register",
    "plan.manage",
    "model.register",
    "model.evaluate",
    "evaluation.manage",
    "evaluation.self",
    "evaluation.appraise",
    "letter.handle",
  ],
  approver: [
    "unit.read",
    "report.review",
    "report.unlock",
    "document.number",
    "model.evaluate",
    "evaluation.appraise",
    "letter.oversee",
  ],
  viewer: ["unit.read"],
  inspector: ["unit.read", "letter.handle", "letter.identity"],
};

/** Roles a holder of `user.manage` may hand out: a unit admin can never create a system admin. */
export function grantableRoles(isSystemAdmin: boolean): readonly Role[] {
  return isSystemAdmin ? ROLES : ROLES.filter((r) => r !== "system_admin");
}

/** The roles held on a unit that carry `permission` (who is reminded of that unit's work: not system admins). */
export function unitRolesWith(permission: Permission): Role[] {
  return ROLES.filter((r) => r !== "system_admin" && ROLE_PERMISSIONS[r].includes(permission));
}
