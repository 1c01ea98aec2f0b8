/**
 * A letter as the API shows it: its clocks worked out from its steps, its writer's name only where the law
 * allows (never a denouncer's: Luật Tố cáo 2018 Art. 9), never the sealed identity.
 * @module
 */
import type { LetterEventRow, LetterRow } from "../../db/database.ts";
import type { IsoDate } from "../../domain/dates.ts";
import {
  type ClockRule,
  clockText,
  daysLeft,
  type LetterKind,
  type LetterTimeline,
  legalClock,
  type Workdays,
} from "../../domain/letter-clock.ts";
import type { LetterFlag, LetterStatus, Outcome } from "../../domain/letter-workflow.ts";

/** The timeline the clocks are computed from: the letter and its steps. */
export type TimedLetter = Pick<
  LetterRow,
  "kind" | "round" | "complexity" | "remote" | "received_on" | "accepted_on" | "closed_on"
>;

export function timelineOf(
  l: TimedLetter,
  events: readonly Pick<LetterEventRow, "action" | "on_date" | "days">[],
): LetterTimeline {
  const suspensions: { from: IsoDate; to: IsoDate | null }[] = [];
  for (const e of events) {
    if (e.action === "suspend") suspensions.push({ from: e.on_date, to: null });
    if (e.action === "resume") {
      const open = suspensions.findLast((s) => s.to === null);
      if (open) open.to = e.on_date;
    }
  }
  return {
    kind: l.kind as LetterKind,
    round: l.round as 1 | 2,
    complexity: l.complexity,
    remote: l.remote,
    receivedOn: l.received_on,
    acceptedOn: l.accepted_on,
    extensions: events
      .filter((e) => e.action === "extend")
      .map((e) => ({ on: e.on_date, days: e.days ?? 0 })),
    suspensions,
    closedOn: l.closed_on,
  };
}

/** The clock as the page says it: its last day and the days left, in both languages. */
export function clockDto(due: IsoDate | null, count: "calendar" | "working", today: IsoDate, cal: Workdays) {
  if (due === null) return null;
  const left = daysLeft(due, today, count, cal);
  return { due, left, overdue: left < 0, text: clockText(left, count) };
}

export function clocksOf(
  l: LetterRow,
  events: readonly LetterEventRow[],
  today: IsoDate,
  cal: Workdays,
  rules: readonly ClockRule[],
) {
  const legal = legalClock(timelineOf(l, events), cal, rules);
  return {
    legal: legal
      ? {
          stage: legal.stage,
          suspended: legal.suspended,
          rule: { days: legal.rule.days, count: legal.rule.count, source: legal.rule.source },
          ...(clockDto(legal.due, legal.count, today, cal) ?? {
            due: null,
            left: null,
            overdue: false,
            text: null,
          }),
        }
      : null,
    // the body's own step: working days
    step: l.closed_on === null ? clockDto(l.step_due, "working", today, cal) : null,
  };
}

export function eventDto(e: LetterEventRow) {
  return {
    id: e.id,
    action: e.action,
    on: e.on_date,
    days: e.days,
    note: e.note,
    numberSymbol: e.number_symbol,
    registryDocumentId: e.registry_document_id,
    actorName: e.actor_name,
    at: e.at.toISOString(),
  };
}

/** What every list and page may show of a letter. A denouncer is never named. */
export function listedDto(
  l: Pick<
    LetterRow,
    | "id"
    | "code"
    | "unit_code"
    | "body_id"
    | "kind"
    | "channel"
    | "received_on"
    | "subject"
    | "field"
    | "flags"
    | "anonymous"
    | "status"
    | "legal_due"
    | "step_due"
    | "closed_on"
    | "outcome"
  >,
) {
  return {
    id: l.id,
    code: l.code,
    unitCode: l.unit_code,
    bodyId: l.body_id,
    kind: l.kind as LetterKind,
    channel: l.channel,
    receivedOn: l.received_on,
    subject: l.subject,
    field: l.field,
    flags: l.flags as LetterFlag[],
    anonymous: l.anonymous,
    status: l.status as LetterStatus,
    legalDue: l.legal_due,
    stepDue: l.step_due,
    closedOn: l.closed_on,
    outcome: l.outcome as Outcome | null,
  };
}
