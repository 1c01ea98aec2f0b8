/**
 * Drafting a body's documents (soạn thảo văn bản) from the template of its layout: a draft is created from the
 * template of its kind (src/domain/document-templates.ts) with the body's usual recipients and signature block,
 * written and corrected with its `version` (409 when stale), previewed as DOCX or PDF without a number, then
 * issued: numbered from the body's registry and entered in the unit's outgoing registry (the same issuing as a
 * body's report, features/documents/issue-report.ts). An issued Kế hoạch or Chương trình becomes the tracked
 * plan with its tasks in one step. A cancelled draft stays, marked cancelled. Writing needs `document.register`
 * on the body, issuing `document.number`; reading `unit.read`.
 * @module
 */
import { unitPath } from "../../access/access.repository.ts";
import {
  type Auth,
  requireRecordAccess,
  requireRowAccess,
  requireUnitAccess,
  scopeGrants,
} from "../../access/access.ts";
import { appendAudit } from "../../audit/audit-log.repository.ts";
import type { BodyRow, Db, DocumentDraftRow, DraftSectionJson, DraftTaskJson } from "../../db/database.ts";
import { documentFamilyOf } from "../../domain/body-kinds.ts";
import { todayInVietnam } from "../../domain/dates.ts";
import {
  type DraftKind,
  draftKindsOf,
  issuingAuthorityLine,
  templateOf,
} from "../../domain/document-templates.ts";
import { numberingFamilyOf } from "../../domain/document-types.ts";
import type { StateSequence } from "../../domain/numbering.ts";
import type { SecrecyMark, UrgencyMark } from "../../domain/official-document.ts";
import { errors } from "../../errors.ts";
import type { Offload } from "../../offload/pool.ts";
import { bodyById } from "../bodies/bodies.service.ts";
import { issueReport, placeOf, type TakenNumber } from "../documents/issue-report.ts";
import { createPlanWithTasks } from "../plans/plan-from-document.service.ts";
import * as unitService from "../units/units.service.ts";
import * as repo from "./drafts.repository.ts";

export function draftDto(d: DocumentDraftRow) {
  return {
    id: d.id,
    bodyId: d.body_id,
    unitCode: d.unit_code,
    kind: d.kind as DraftKind,
    excerpt: d.excerpt,
    draftingUnit: d.drafting_unit,
    addressees: d.addressees,
    grounds: d.grounds,
    authorityLine: d.authority_line,
    sections: d.sections,
    tasks: d.tasks,
    recipients: d.recipients,
    signature: d.signature,
    secrecy: d.secrecy as SecrecyMark | null,
    urgency: d.urgency as UrgencyMark | null,
    status: d.status as "draft" | "issued" | "cancelled",
    numberId: d.number_id,
    numberSymbol: d.number_symbol,
    registryDocumentId: d.registry_document_id,
    planId: d.plan_id,
    cancelReason: d.cancel_reason,
    updatedAt: d.updated_at.toISOString(),
    version: d.version,
  };
}

/** The body, after checking `permission` on it for that body (404 when unknown or not permitted). */
async function requireBody(
  db: Db,
  auth: Auth | null,
  id: number,
  permission: "unit.read" | "document.register",
) {
  const body = await bodyById(db, id);
  await requireRecordAccess(db, auth, permission, id, body && { unitCode: body.unit_code, bodyId: body.id });
  return body as BodyRow;
}

const familyOf = (body: BodyRow) => numberingFamilyOf(documentFamilyOf(body.kind));

/** The templates a body drafts from: the kinds its family issues, each with its parts and skeleton. */
export async function templatesFor(db: Db, auth: Auth | null, bodyId: number) {
  const body = await requireBody(db, auth, bodyId, "unit.read");
  const family = familyOf(body);
  return { items: draftKindsOf(family).flatMap((k) => templateOf(k, family) ?? []) };
}

async function readableDraft(
  db: Db,
  auth: Auth | null,
  id: number,
  permission: "unit.read" | "document.register",
) {
  const { a, row } = requireRowAccess(auth, permission, await repo.findDraft(db, id), id);
  return { d: row, a };
}

export async function getDraft(db: Db, auth: Auth | null, id: number) {
  return draftDto((await readableDraft(db, auth, id, "unit.read")).d);
}

export async function listDrafts(db: Db, auth: Auth | null, unitCode: string) {
  await requireUnitAccess(db, auth, "unit.read", unitCode);
  const a = auth as Auth;
  return { items: (await repo.listDrafts(db, unitCode, scopeGrants(a, "unit.read"), 200)).map(draftDto) };
}

async function audit(
  db: Db,
  a: Auth,
  action: string,
  before: DocumentDraftRow | null,
  after: DocumentDraftRow,
) {
  await appendAudit(db, {
    actorId: a.userId,
    actorName: a.username,
    action,
    entity: "document_draft",
    entityId: String(after.id),
    unitCode: after.unit_code,
    scope: after.unit_path,
    before: before ? draftDto(before) : null,
    after: draftDto(after),
  });
}

/** Writes a draft with the version read (409 when stale), before and after in the audit log. */
async function writeDraft(
  trx: Db,
  a: Auth,
  d: DocumentDraftRow,
  version: number,
  set: Parameters<typeof repo.updateDraftVersioned>[3],
  action: string,
): Promise<DocumentDraftRow> {
  const row = await repo.updateDraftVersioned(trx, d.id, version, set);
  if (!row) throw errors.stale(d.version);
  await audit(trx, a, action, d, row);
  return row;
}

export async function createDraft(
  db: Db,
  auth: Auth | null,
  input: { bodyId: number; kind: DraftKind; excerpt?: string },
) {
  const body = await requireBody(db, auth, input.bodyId, "document.register");
  const a = auth as Auth;
  const template = templateOf(input.kind, familyOf(body));
  if (!template)
    throw errors.badRequest(
      "Cơ quan này không ban hành loại văn bản đó (cơ quan Nhà nước thông báo kết luận bằng Thông báo)",
      "This body does not issue that kind of document (a State body announces conclusions in a Thông báo)",
      { field: "kind" },
    );
  const path = (await unitPath(db, body.unit_code)) ?? [body.unit_code];
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertDraft(trx, {
      body_id: body.id,
      unit_code: body.unit_code,
      province_code: body.province_code,
      unit_path: path,
      kind: input.kind,
      excerpt: input.excerpt?.trim() || template.excerptLead.trim() || template.nameVi,
      sections: JSON.stringify(template.sections),
      tasks: "[]",
      recipients: [...body.usual_recipients, body.archive_line ?? "Lưu: VT"],
      signature: body.signing ? JSON.stringify(body.signing) : null,
      created_by: a.userId,
      updated_by: a.userId,
    });
    await audit(trx, a, "draft.create", null, row);
    return draftDto(row);
  });
}

export interface DraftEdit {
  version: number;
  excerpt?: string;
  draftingUnit?: string | null;
  addressees?: string[];
  grounds?: string[];
  authorityLine?: string | null;
  sections?: DraftSectionJson[];
  tasks?: DraftTaskJson[];
  recipients?: string[];
  signature?: { authority: string[]; signer: string } | null;
  secrecy?: SecrecyMark | null;
  urgency?: UrgencyMark | null;
}

/** Corrects a draft not yet issued: with the version read (409 when stale), before and after in the audit log. */
export async function updateDraft(db: Db, auth: Auth | null, id: number, input: DraftEdit) {
  const { d, a } = await readableDraft(db, auth, id, "document.register");
  if (d.status !== "draft")
    throw errors.conflict(
      d.status === "issued"
        ? "Văn bản đã ban hành không sửa được; hủy và soạn văn bản khác nếu cần"
        : "Dự thảo đã hủy không sửa được",
      d.status === "issued" ? "An issued document cannot be changed" : "A cancelled draft cannot be changed",
      { status: d.status, currentVersion: d.version },
    );
  if (input.tasks?.length) await requireTaskUnits(db, d, input.tasks);
  const { version, ...rest } = input;
  const set = {
    ...(rest.excerpt !== undefined ? { excerpt: rest.excerpt.trim() } : {}),
    ...(rest.draftingUnit !== undefined ? { drafting_unit: rest.draftingUnit?.trim() || null } : {}),
    ...(rest.addressees ? { addressees: rest.addressees } : {}),
    ...(rest.grounds ? { grounds: rest.grounds } : {}),
    ...(rest.authorityLine !== undefined ? { authority_line: rest.authorityLine?.trim() || null } : {}),
    ...(rest.sections ? { sections: JSON.stringify(rest.sections) } : {}),
    ...(rest.tasks ? { tasks: JSON.stringify(rest.tasks) } : {}),
    ...(rest.recipients ? { recipients: rest.recipients } : {}),
    ...(rest.signature !== undefined
      ? { signature: rest.signature ? JSON.stringify(rest.signature) : null }
      : {}),
    ...(rest.secrecy !== undefined ? { secrecy: rest.secrecy } : {}),
    ...(rest.urgency !== undefined ? { urgency: rest.urgency } : {}),
    updated_by: a.userId,
  };
  return db
    .transaction()
    .execute(async (trx) => draftDto(await writeDraft(trx, a, d, version, set, "draft.update")));
}

/** A plan's tasks go to the drafting unit or units below it, each by a date. */
async function requireTaskUnits(db: Db, d: DocumentDraftRow, tasks: DraftTaskJson[]) {
  for (const [i, t] of tasks.entries()) {
    const path = await unitPath(db, t.assigneeUnitCode);
    if (!path?.includes(d.unit_code))
      throw errors.badRequest(
        "Nhiệm vụ giao cho đơn vị soạn văn bản hoặc đơn vị trực thuộc",
        "A task goes to the drafting unit or a unit below it",
        { field: `tasks.${i}.assigneeUnitCode` },
      );
  }
}

export async function cancelDraft(
  db: Db,
  auth: Auth | null,
  id: number,
  input: { version: number; reason: string },
) {
  const { d, a } = await readableDraft(db, auth, id, "document.register");
  if (d.status === "cancelled")
    throw errors.conflict("Dự thảo đã hủy", "The draft is cancelled already", { currentVersion: d.version });
  if (!input.reason.trim())
    throw errors.badRequest("Hãy nêu lý do hủy", "Give the reason for cancelling", { field: "reason" });
  const set = { status: "cancelled" as const, cancel_reason: input.reason.trim(), updated_by: a.userId };
  return db
    .transaction()
    .execute(async (trx) => draftDto(await writeDraft(trx, a, d, input.version, set, "draft.cancel")));
}

/**
 * The draft as a document (DOCX or PDF): before it is issued, without a number; once issued, with its number.
 * `issue` takes the number and enters it in the registry (needs `document.number` on the body).
 */
export async function draftDocument(
  db: Db,
  auth: Auth | null,
  id: number,
  input: { format: "docx" | "pdf"; issue?: { version: number } },
  stateSequence: StateSequence,
  offload: Offload,
) {
  const { d, a } = await readableDraft(db, auth, id, input.issue ? "document.register" : "unit.read");
  if (input.issue && d.status !== "draft")
    throw errors.conflict("Văn bản đã ban hành hoặc đã hủy", "The document is issued or cancelled already", {
      status: d.status,
      currentVersion: d.version,
    });
  if (input.issue && input.issue.version !== d.version) throw errors.stale(d.version);
  const body = (await bodyById(db, d.body_id)) as BodyRow;
  const template = templateOf(d.kind as DraftKind, familyOf(body));
  if (!template)
    throw errors.badRequest("Loại văn bản không hợp lệ", "Unknown document kind", { field: "kind" });
  if (!d.signature)
    throw errors.badRequest(
      `Chưa có khối chữ ký: ghi thẩm quyền ký và người ký của ${body.name}`,
      `No signature block yet: give ${body.name}'s signing authority and signer`,
      { field: "signature" },
    );
  const unitsById = await tasksTable(db, d.tasks);
  const sections = d.sections.map((s, i) => ({
    ...s,
    // the tasks of a plan print after its content, as the table "Phân công thực hiện"
    ...(template.tasks && i === d.sections.length - 1 && d.tasks.length
      ? { table: { header: ["Nội dung", "Đơn vị thực hiện", "Thời gian hoàn thành"], rows: unitsById } }
      : {}),
  }));
  return issueReport(
    db,
    a,
    {
      format: input.format,
      kind: { typeCode: template.typeCode, typeName: template.typeName, draftingUnit: d.drafting_unit },
      body,
      parentBody: body.parent_line,
      place: await placeOf(db, body.unit_code),
      draftYear: Number(todayInVietnam().slice(0, 4)),
      excerpt: d.excerpt,
      addressees: template.addressees ? d.addressees : [],
      authorityLine: template.authorityLine
        ? (d.authority_line ?? issuingAuthorityLine(body.name, d.signature.authority))
        : null,
      grounds: template.grounds ? d.grounds : [],
      sections,
      recipients: d.recipients,
      signature: d.signature,
      secrecy: d.secrecy as SecrecyMark | null,
      urgency: d.urgency as UrgencyMark | null,
      numberId: d.number_id,
      takeNumber: Boolean(input.issue),
      requestedBy: null,
      // issued with the version read: a draft changed meanwhile takes no number (409)
      ...(input.issue
        ? {
            claim: async (trx: Db, n: TakenNumber) => {
              const set = {
                status: "issued" as const,
                number_id: n.numberId,
                number_symbol: n.symbol,
                registry_document_id: n.registryDocumentId,
                updated_by: a.userId,
              };
              await writeDraft(trx, a, d, d.version, set, "draft.issue");
            },
          }
        : {}),
    },
    stateSequence,
    offload,
  );
}

async function tasksTable(db: Db, tasks: DraftTaskJson[]) {
  const units = await unitService.unitsAt(
    db,
    tasks.map((t) => t.assigneeUnitCode),
    todayInVietnam(),
  );
  return tasks.map((t) => [
    t.title,
    units.get(t.assigneeUnitCode)?.full_name ?? t.assigneeUnitCode,
    t.dueOn.split("-").reverse().join("/"),
  ]);
}

/** An issued Kế hoạch or Chương trình becomes the tracked plan with its tasks, in one step (once). */
export async function planFromDraft(db: Db, auth: Auth | null, id: number, input: { version: number }) {
  const { d, a } = await readableDraft(db, auth, id, "document.register");
  if (!templateOf(d.kind as DraftKind, "party")?.tasks)
    throw errors.badRequest(
      "Chỉ Kế hoạch, Chương trình mới thành kế hoạch theo dõi",
      "Only a plan or a programme becomes a tracked plan",
      { field: "kind" },
    );
  if (d.status !== "issued" || d.plan_id !== null)
    throw errors.conflict(
      d.plan_id !== null
        ? "Văn bản này đã có kế hoạch theo dõi"
        : "Ban hành văn bản trước khi theo dõi thực hiện",
      d.plan_id !== null ? "This document is tracked already" : "Issue the document before tracking it",
      { status: d.status, planId: d.plan_id, currentVersion: d.version },
    );
  if (input.version !== d.version) throw errors.stale(d.version);
  // the plan, its tasks and the draft's link to it: all or nothing
  const row = await db.transaction().execute(async (trx) => {
    const plan = await createPlanWithTasks(trx, a, {
      unitCode: d.unit_code,
      title: d.excerpt,
      registryDocumentId: d.registry_document_id,
      tasks: d.tasks,
    });
    return writeDraft(trx, a, d, d.version, { plan_id: plan.id, updated_by: a.userId }, "draft.plan");
  });
  return draftDto(row);
}
