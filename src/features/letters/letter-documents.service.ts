/**
 * A step's document in the national layout (NĐ 30/2020), issued by the body that handles the letter: the notice
 * of acceptance, the transfer slip, the guidance, the return, the decisions to extend, suspend or resume, the
 * resolution. Its text is the domain's (src/domain/letter-documents.ts: never a denouncer's name); it is
 * numbered from the body's registry, dated on the step's day and entered in the outgoing registry, once (the
 * number is kept on the step, and a resolution already carries its decision's). Writing it needs
 * `letter.handle`; taking its number, `document.number` on the body.
 * @module
 */
import type { Auth } from "../../access/access.ts";
import { appendAudit } from "../../audit/audit-log.repository.ts";
import type { Db } from "../../db/database.ts";
import { issuingAuthorityLine } from "../../domain/document-templates.ts";
import { nameWithinUnit } from "../../domain/document-text.ts";
import type { LetterKind } from "../../domain/letter-clock.ts";
import { legalClock } from "../../domain/letter-clock.ts";
import { stepDocumentText } from "../../domain/letter-documents.ts";
import type { LetterAction, Outcome } from "../../domain/letter-workflow.ts";
import type { StateSequence } from "../../domain/numbering.ts";
import { errors } from "../../errors.ts";
import type { Offload } from "../../offload/pool.ts";
import { bodyById } from "../bodies/bodies.service.ts";
import { loadWorkingCalendar } from "../calendar/calendar.service.ts";
import { issueReport, placeOf, type TakenNumber } from "../documents/issue-report.ts";
import { eventDto, timelineOf } from "./letter-dto.ts";
import { storedClockRules } from "./letter-rules.service.ts";
import * as repo from "./letters.repository.ts";
import { legalDueOf, readableLetter } from "./letters.service.ts";

export interface EventDocumentInput {
  format: "docx" | "pdf";
  takeNumber?: boolean;
  signature?: { authority: string[]; signer: string };
  recipients?: string[];
  /** a State công văn's drafting unit (TCD in 12/UBND-TCD) */
  draftingUnit?: string;
}

export async function eventDocument(
  db: Db,
  auth: Auth | null,
  id: number,
  eventId: number,
  input: EventDocumentInput,
  stateSequence: StateSequence,
  offload: Offload,
) {
  const { l, a } = await readableLetter(db, auth, id, "letter.handle");
  const events = await repo.eventsOf(db, id);
  const at = events.findIndex((e) => e.id === eventId);
  const ev = events[at];
  if (!ev) throw errors.notFoundOrForbidden(String(eventId));
  const body = await bodyById(db, l.body_id);
  if (!body) throw errors.notFoundOrForbidden(String(id));
  const signature = input.signature ?? body.signing;
  if (!signature)
    throw errors.badRequest(
      `Chưa có khối chữ ký của ${body.name}: ghi thẩm quyền ký và người ký`,
      `${body.name} has no signature block yet: give the signing authority and signer`,
      { field: "signature" },
    );
  const place = await placeOf(db, body.unit_code, ev.on_date);
  const target = l.transferred_to_body_id ? await bodyById(db, l.transferred_to_body_id) : undefined;
  // the legal day as it stood after this step
  const [cal, rules] = await Promise.all([loadWorkingCalendar(db), storedClockRules(db)]);
  const upTo = events.slice(0, at + 1);
  const after = { ...l, accepted_on: ev.action === "accept" ? ev.on_date : l.accepted_on, closed_on: null };
  const clock = legalClock(timelineOf(after, upTo), cal, rules);
  const text = stepDocumentText({
    kind: l.kind as LetterKind,
    action: ev.action as LetterAction,
    body: nameWithinUnit(body.name, place),
    code: l.code,
    receivedOn: l.received_on,
    subject: l.subject,
    writer: l.kind === "denunciation" ? null : l.sender_name,
    on: ev.on_date,
    note: ev.note,
    days: ev.action === "extend" ? ev.days : (clock?.rule.days ?? null),
    due: clock?.due ?? legalDueOf(after, upTo, cal, rules),
    outcome: (l.outcome as Outcome | null) ?? null,
    target: target?.name ?? null,
  });
  if (!text)
    throw errors.badRequest("Bước này không ban hành văn bản", "This step is issued without a document", {
      field: "eventId",
    });
  return issueReport(
    db,
    a,
    {
      format: input.format,
      kind: {
        typeCode: text.typeCode,
        typeName: text.typeName,
        draftingUnit: text.typeCode === null ? input.draftingUnit?.trim() || "TCD" : null,
      },
      body,
      parentBody: body.parent_line,
      place,
      draftYear: Number(ev.on_date.slice(0, 4)),
      excerpt: text.excerpt,
      authorityLine: text.typeCode === "QĐ" ? issuingAuthorityLine(body.name, signature.authority) : null,
      grounds: text.grounds,
      sections: text.sections,
      recipients: input.recipients ?? [...text.recipients, body.archive_line ?? "Lưu: VT"],
      signature,
      numberId: ev.number_id,
      takeNumber: (input.takeNumber ?? false) && ev.number_id === null,
      issuedOn: ev.on_date,
      requestedBy: null,
      ...(ev.number_id === null
        ? {
            claim: async (trx: Db, n: TakenNumber) => {
              if (
                !(await repo.setEventNumber(trx, ev.id, {
                  number_id: n.numberId,
                  number_symbol: n.symbol,
                  registry_document_id: n.registryDocumentId,
                }))
              )
                throw errors.conflict(
                  "Văn bản của bước này vừa được lấy số ở phiên khác: tải lại trang để in với số đã cấp",
                  "This step's document was numbered meanwhile: reload to print it with that number",
                  { field: "takeNumber" },
                );
              await appendAudit(trx, {
                actorId: a.userId,
                actorName: a.username,
                action: "letter.document",
                entity: "letter",
                entityId: String(id),
                unitCode: l.unit_code,
                scope: l.unit_path,
                before: eventDto(ev),
                after: { ...eventDto(ev), numberSymbol: n.symbol, registryDocumentId: n.registryDocumentId },
              });
            },
          }
        : {}),
    },
    stateSequence,
    offload,
  );
}
