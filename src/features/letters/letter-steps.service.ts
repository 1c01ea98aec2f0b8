/**
 * The steps of a letter (TT 05/2021/TT-TTCP; Luật Khiếu nại 2011; Luật Tố cáo 2018): accept it (thụ lý),
 * transfer it to the competent body (which then finds it among its own letters), answer with guidance, return
 * or file it; once accepted, extend a denunciation's time (each a decision, within the law's limit), suspend and
 * resume (the clock stands meanwhile), record a withdrawal, or resolve it with its decision or conclusion, which
 * must be numbered. Each step is dated (never before intake or an earlier step, never in the future), written
 * with the letter's version (409 when stale), its clocks recomputed, before and after in the audit log.
 * @module
 */
import { unitPath } from "../../access/access.repository.ts";
import type { Auth } from "../../access/access.ts";
import { appendAudit } from "../../audit/audit-log.repository.ts";
import type { Db, LetterRow } from "../../db/database.ts";
import { formatDateVi, todayInVietnam } from "../../domain/dates.ts";
import { addCounted, checkExtension, ruleOn } from "../../domain/letter-clock.ts";
import {
  ACTION_LABELS,
  actionProblem,
  CLOSING,
  type LetterAction,
  type LetterStatus,
  statusAfter,
} from "../../domain/letter-workflow.ts";
import { errors } from "../../errors.ts";
import type { Sealer } from "../../secrets/sealer.ts";
import { bodyById } from "../bodies/bodies.service.ts";
import { loadWorkingCalendar } from "../calendar/calendar.service.ts";
import { findNumberOfBody } from "../documents/documents.service.ts";
import { listedDto, timelineOf } from "./letter-dto.ts";
import { storedClockRules } from "./letter-rules.service.ts";
import * as repo from "./letters.repository.ts";
import { legalDueOf, randomCode, readableLetter } from "./letters.service.ts";

export interface StepInput {
  version: number;
  action: LetterAction;
  /** the day of the step (its decision's date) */
  on: string;
  note?: string;
  /** an extension's days */
  days?: number;
  /** a resolution's outcome */
  outcome?: "justified" | "unjustified" | "partly_justified";
  /** a transfer's competent body */
  toBodyId?: number;
  /** a resolution's decision or conclusion: a number taken in the body's registry */
  decisionNumberId?: number;
}

const stepError = (field: string, vi: string, en: string) => errors.badRequest(vi, en, { field });

export async function takeStep(db: Db, sealer: Sealer, auth: Auth | null, id: number, input: StepInput) {
  const { l, a } = await readableLetter(db, auth, id, "letter.handle");
  if (input.version !== l.version) throw errors.stale(l.version);
  const problem = actionProblem(
    { kind: l.kind, status: l.status, anonymous: l.anonymous, eligible: l.eligible, competent: l.competent },
    input.action,
  );
  if (problem) {
    const e = problem.field === "action" ? errors.conflict : errors.badRequest;
    throw e(problem.vi, problem.en, { field: problem.field, status: l.status, currentVersion: l.version });
  }
  const [events, cal, rules] = await Promise.all([
    repo.eventsOf(db, id),
    loadWorkingCalendar(db),
    storedClockRules(db),
  ]);
  const today = todayInVietnam();
  const last = events.at(-1)?.on_date ?? l.received_on;
  if (input.on > today) throw stepError("on", "Ngày ở tương lai", "The day is in the future");
  if (input.on < last)
    throw stepError(
      "on",
      `Ngày của bước này trước ngày ${formatDateVi(last)} (${events.length ? "bước trước" : "ngày nhận đơn"})`,
      `The step is dated before ${last} (${events.length ? "the previous step" : "the day received"})`,
    );
  let numbered: { number_id: number; number_symbol: string; registry_document_id: number | null } | null =
    null;
  if (input.action === "extend") {
    const p = checkExtension(timelineOf(l, events), { on: input.on, days: input.days ?? 0 }, cal, rules);
    if (p) throw stepError(p.field === "on" ? "on" : "days", p.vi, p.en);
  }
  if (input.action === "resolve") {
    if (!input.outcome)
      throw stepError("outcome", "Ghi kết quả giải quyết: đúng, sai, đúng một phần", "Give the outcome");
    if (!input.decisionNumberId)
      throw stepError(
        "decisionNumberId",
        "Giải quyết cần có quyết định (kết luận, văn bản trả lời) đã lấy số trong sổ văn bản đi của cơ quan",
        "A resolution needs its decision (conclusion, answer), numbered in the body's registry",
      );
    const n = await findNumberOfBody(db, auth, input.decisionNumberId, l.body_id);
    if (!n)
      throw stepError(
        "decisionNumberId",
        "Số văn bản không có trong sổ của cơ quan giải quyết, hoặc đã hủy",
        "The number is not in the resolving body's registry, or was cancelled",
      );
    numbered = { number_id: n.id, number_symbol: n.symbol, registry_document_id: n.registryDocumentId };
  }
  const target = input.action === "transfer" ? await transferTarget(db, l, input.toBodyId) : null;
  const status: LetterStatus = statusAfter(l.status, input.action);
  const closing = CLOSING.includes(input.action);
  const set = {
    status,
    ...(input.action === "accept" ? { accepted_on: input.on } : {}),
    ...(closing ? { closed_on: input.on, step_due: null } : {}),
    ...(input.action === "resolve" ? { outcome: input.outcome } : {}),
    ...(input.action === "withdraw" ? { outcome: "withdrawn" as const } : {}),
    ...(target ? { transferred_to_body_id: target.id } : {}),
    // the body's own step restarts at acceptance: the handler's working days for the next step
    ...(input.action === "accept"
      ? (() => {
          const r = ruleOn("letter.handle", input.on, rules);
          return { step_due: addCounted(input.on, r.days, r.count, cal) };
        })()
      : {}),
  };
  const event = {
    action: input.action,
    on_date: input.on,
    days: input.action === "extend" ? (input.days ?? null) : null,
  };
  const legal_due = legalDueOf({ ...l, ...set }, [...events, event], cal, rules);
  return db.transaction().execute(async (trx) => {
    const saved = await repo.updateLetterVersioned(trx, id, input.version, { ...set, legal_due });
    if (!saved) throw errors.stale(l.version);
    const ev = await repo.insertEvent(trx, {
      letter_id: id,
      province_code: l.province_code,
      ...event,
      note: input.note?.trim() ?? "",
      ...(numbered ?? {}),
      actor_id: a.userId,
      actor_name: a.username,
    });
    const moved = target ? await copyToTarget(trx, sealer, a, saved, target, input.on) : null;
    await appendAudit(trx, {
      actorId: a.userId,
      actorName: a.username,
      action: `letter.${input.action}`,
      entity: "letter",
      entityId: String(id),
      unitCode: l.unit_code,
      scope: l.unit_path,
      before: listedDto(l),
      after: {
        ...listedDto(saved),
        step: {
          action: ACTION_LABELS[input.action].vi,
          on: ev.on_date,
          days: ev.days,
          number: ev.number_symbol,
        },
        ...(moved ? { transferredAs: moved.code } : {}),
      },
    });
    return saved;
  });
}

/** The competent body a letter is transferred to: one that exists today, not the body that holds it. */
async function transferTarget(db: Db, l: LetterRow, toBodyId: number | undefined) {
  const body = toBodyId ? await bodyById(db, toBodyId) : undefined;
  if (!body || body.valid_to !== null)
    throw stepError(
      "toBodyId",
      "Chọn cơ quan có thẩm quyền nhận đơn (một cơ quan đang hoạt động)",
      "Choose the competent body to receive the letter (one that exists)",
    );
  if (body.id === l.body_id)
    throw stepError(
      "toBodyId",
      "Không chuyển đơn cho chính cơ quan mình",
      "A letter is not transferred to its own body",
    );
  return body;
}

/**
 * The transferred letter as the competent body receives it: a letter of its own (channel "transfer"), the same
 * content and identity (sealed again for the new letter), linked to the one it came from.
 */
async function copyToTarget(
  db: Db,
  sealer: Sealer,
  a: Auth,
  from: LetterRow,
  body: { id: number; unit_code: string; province_code: string },
  on: string,
) {
  const cal = await loadWorkingCalendar(db);
  const rules = await storedClockRules(db);
  const handle = ruleOn("letter.handle", on, rules);
  const path = (await unitPath(db, body.unit_code)) ?? [body.unit_code];
  const row = await repo.insertLetter(db, {
    code: `${randomCode(4)}-${randomCode(4)}`,
    secret_hash: from.secret_hash,
    unit_code: body.unit_code,
    unit_path: path,
    province_code: body.province_code,
    body_id: body.id,
    kind: from.kind,
    channel: "transfer",
    received_on: on,
    subject: from.subject,
    content: from.content,
    field: from.field,
    sender_name: from.sender_name,
    person_key: from.person_key,
    content_key: from.content_key,
    anonymous: from.anonymous,
    flags: from.flags,
    crowd_size: from.crowd_size,
    round: from.round,
    step_due: addCounted(on, handle.days, handle.count, cal),
    legal_due: legalDueOf({ ...from, received_on: on, accepted_on: null, closed_on: null }, [], cal, rules),
    from_letter_id: from.id,
    created_by: a.userId,
  });
  const identity = await repo.identityOf(db, from.id);
  if (identity) {
    const { keyId, sealed } = sealer.seal(
      sealer.open(identity.key_id, identity.sealed, `letter:${from.id}`),
      `letter:${row.id}`,
    );
    await repo.insertIdentity(db, row.id, keyId, sealed);
  }
  await repo.insertLinks(db, [{ letter_id: row.id, other_id: from.id, kind: "transfer" }]);
  return row;
}
