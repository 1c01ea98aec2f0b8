/**
 * A citizen follows their own letter by its registration code and the secret given at intake: its state, its
 * steps and their numbered documents, the body that handles it (or the one it was transferred to), its legal
 * day and its outcome. No personal data and no official's note is shown, to anyone; a wrong code and a wrong
 * secret get the same answer.
 * @module
 */
import type { Db } from "../../db/database.ts";
import type { LetterKind } from "../../domain/letter-clock.ts";
import {
  ACTION_LABELS,
  KIND_LABELS,
  type LetterAction,
  STATUS_LABELS,
} from "../../domain/letter-workflow.ts";
import { errors } from "../../errors.ts";
import type { Sealer } from "../../secrets/sealer.ts";
import { bodyById } from "../bodies/bodies.service.ts";
import * as repo from "./letters.repository.ts";

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
