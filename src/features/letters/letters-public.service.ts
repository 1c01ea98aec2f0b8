/**
 * What citizens do without signing in. They send a petition through the online form, to a People's Committee
 * chosen from a list found by name. They follow their own letter by its registration code and the secret given
 * at intake: its state, its steps and their numbered documents, the body that handles it (or the one it was
 * transferred to), its legal day and its outcome. No personal data and no official's note is shown, to anyone;
 * a wrong code and a wrong secret get the same answer.
 * @module
 */
import type { Auth } from "../../access/access.ts";
import type { Db } from "../../db/database.ts";
import type { Kept } from "../../db/kept.ts";
import { todayInVietnam } from "../../domain/dates.ts";
import type { LetterKind } from "../../domain/letter-clock.ts";
import {
  ACTION_LABELS,
  KIND_LABELS,
  type LetterAction,
  type LetterField,
  STATUS_LABELS,
} from "../../domain/letter-workflow.ts";
import { foldVietnamese } from "../../domain/vn-text.ts";
import { errors } from "../../errors.ts";
import type { Sealer } from "../../secrets/sealer.ts";
import { bodyById, bodyWithPath, committeesNamed } from "../bodies/bodies.service.ts";
import * as repo from "./letters.repository.ts";
import { register } from "./letters.service.ts";

export async function trackLetter(db: Db, sealer: Sealer, code: string, secret: string) {
  const l = await repo.findLetterByCode(db, code.trim().toUpperCase());
  if (!l || !sealer.matchesTag(l.secret_hash, `${l.code}:${secret.trim().toUpperCase()}`))
    throw errors.badRequest(
      "Mã hồ sơ hoặc mã tra cứu không đúng",
      "The registration code or the tracking secret is not right",
      { field: "secret" },
    );
  const [events, body, target] = await Promise.all([
    repo.eventsOf(db, l.id),
    bodyById(db, l.body_id),
    l.transferred_to_body_id ? bodyById(db, l.transferred_to_body_id) : undefined,
  ]);
  return {
    code: l.code,
    kind: l.kind as LetterKind,
    kindName: KIND_LABELS[l.kind as LetterKind],
    receivedOn: l.received_on,
    bodyName: body?.name ?? "",
    status: l.status,
    statusName: STATUS_LABELS[l.status],
    legalDue: l.legal_due,
    closedOn: l.closed_on,
    outcome: l.outcome,
    steps: events.map((e) => ({
      action: e.action,
      name: ACTION_LABELS[e.action as LetterAction] ?? { vi: e.action, en: e.action },
      on: e.on_date,
      numberSymbol: e.number_symbol,
    })),
    transferredTo: target?.name ?? null,
  };
}

/** What a citizen sends through the online form: a petition (kiến nghị, phản ánh) to a People's Committee. */
export interface OnlineInput {
  bodyId: number;
  subject: string;
  content: string;
  field?: LetterField;
  sender: { name: string; address?: string; phone?: string; email?: string };
}

/**
 * A petition sent by a citizen online, without signing in: only to a People's Committee in office, only a
 * kiến nghị or phản ánh (a complaint or a denunciation needs a signed letter or the citizen in person: Luật
 * Khiếu nại 2011 Art. 8, Luật Tố cáo 2018 Art. 22–23), with a name and a way to answer (a phone or an e-mail).
 * It is registered as received today on the online channel, its writer sealed like any other; the audit names
 * the form (or the signed-in user who used it).
 */
export async function onlineIntake(
  db: Db,
  kept: Kept,
  sealer: Sealer,
  auth: Auth | null,
  input: OnlineInput,
) {
  const [body, id] = await Promise.all([bodyWithPath(db, input.bodyId), repo.nextLetterId(db, 1)]);
  if (body?.kind !== "people_committee" || body.valid_to !== null)
    throw errors.badRequest(
      "Hãy chọn Ủy ban nhân dân nhận kiến nghị trong danh sách",
      "Choose the People's Committee to receive it from the list",
      { field: "bodyId" },
    );
  if (!input.sender.phone?.trim() && !input.sender.email?.trim())
    throw errors.badRequest(
      "Hãy để lại số điện thoại hoặc thư điện tử để cơ quan trả lời",
      "Leave a phone number or an e-mail address for the answer",
      { field: "sender.phone" },
    );
  // a signed-in user who sends it through the form is named as who registered it
  const by = auth && { userId: auth.userId, username: auth.username };
  const { letter, secret } = await register(db, kept, sealer, by, body, id, {
    bodyId: body.id,
    kind: "petition",
    channel: "online",
    receivedOn: todayInVietnam(),
    subject: input.subject,
    content: input.content,
    field: input.field,
    sender: input.sender,
  });
  return {
    code: letter.code,
    secret,
    bodyName: body.name,
    receivedOn: letter.received_on,
    stepDue: letter.step_due,
  };
}

/** People's Committees in office whose unit's name holds every word of `q` (accents aside): the online form's list. */
export async function publicReceivers(db: Db, q: string) {
  const words = foldVietnamese(q).split(" ").filter(Boolean);
  if (words.length === 0) return { items: [] };
  return {
    items: (await committeesNamed(db, words)).map((b) => ({
      id: b.id,
      name: b.name,
      provinceName: b.level === "province" ? null : b.province_name,
    })),
  };
}
