/**
 * One body's answer to a request as its own official document: the body that reports (the submission's, or
 * one of its unit's bodies when the unit was asked) issues it in its family's layout, numbered from its own
 * registry. It opens with the line that cites the request's công văn, then the request's outline (the form's
 * sections) with the body's text and figures; its title is the request's subject; "Nơi nhận" starts with the
 * body that asked and goes on with the body's usual recipients and its archive line; the signature block is
 * the body's, checked by its family's signing rule.
 * @module
 */
import type { Auth } from "../../access/access.ts";
import type { BodyRow, Db } from "../../db/database.ts";
import type { Kept } from "../../db/kept.ts";
import { todayInVietnam } from "../../domain/dates.ts";
import { nameWithinUnit } from "../../domain/document-text.ts";
import type { StateSequence } from "../../domain/numbering.ts";
import type { SecrecyMark, SectionSpec, UrgencyMark } from "../../domain/official-document.ts";
import { errors } from "../../errors.ts";
import type { Offload } from "../../offload/pool.ts";
import { bodyById } from "../bodies/bodies.service.ts";
import { openingLineOf } from "../reporting/requests/requests.service.ts";
import {
  allow,
  answerDateOf,
  catalogueFor,
  keepAnswerNumber,
  load,
} from "../reporting/submissions/submissions.service.ts";
import * as unitService from "../units/units.service.ts";
import {
  FIGURE_HEADER,
  figureRows,
  type IssuedReport,
  issueReport,
  placeOf,
  requireTextInSections,
  sectionTitle,
  type TakenNumber,
} from "./issue-report.ts";

export interface SubmissionDocumentInput {
  format: "docx" | "pdf";
  /** when the unit was asked (not one body): which of its bodies issues the answer */
  bodyId?: number;
  parentBody?: string | null;
  place?: string;
  excerpt?: string;
  /** default: the body that asked, then the body's usual recipients and its archive line */
  recipients?: string[];
  /** default: the body's own signature block */
  signature?: { authority: string[]; signer: string };
  secrecy?: SecrecyMark | null;
  urgency?: UrgencyMark | null;
  allowEmptySections?: boolean;
  numberId?: number | null;
  takeNumber?: boolean;
}

/** The body that answers: the one asked (another named is refused), or one of the asked unit's bodies. */
async function answeringBody(db: Db, sub: { unit_code: string; body_id: number | null }, bodyId?: number) {
  const id = sub.body_id ?? bodyId;
  const body = id && (bodyId === undefined || bodyId === id) ? await bodyById(db, id) : undefined;
  if (!body || body.unit_code !== sub.unit_code)
    throw errors.badRequest(
      "Chọn cơ quan ban hành: một cơ quan của đơn vị được yêu cầu báo cáo",
      "Choose the issuing body: one of the reporting unit's bodies",
      { field: "bodyId" },
    );
  return body;
}

/** "Nơi nhận" by default: the body that asked (named within the unit when it is the same), the usual ones. */
async function defaultRecipients(
  db: Db,
  body: BodyRow,
  place: string,
  request: { issuer_body_id: number | null; issuer_unit_code: string },
) {
  const asker = request.issuer_body_id ? await bodyById(db, request.issuer_body_id) : undefined;
  const askerName =
    asker?.name ??
    (await unitService.unitAt(db, request.issuer_unit_code, todayInVietnam()))?.full_name ??
    request.issuer_unit_code;
  const first = request.issuer_unit_code === body.unit_code ? nameWithinUnit(askerName, place) : askerName;
  return [first, ...body.usual_recipients, body.archive_line ?? "Lưu: VT"];
}

export async function submissionDocument(
  db: Db,
  kept: Kept,
  auth: Auth | null,
  submissionId: number,
  input: SubmissionDocumentInput,
  stateSequence: StateSequence,
  offload: Offload,
): Promise<IssuedReport> {
  const l = await load(db, kept, auth, submissionId);
  // the answer is the reporting body's document: written by those who fill its report
  allow(l.auth, l, "save");
  const { sub, request, form } = l;
  const body = await answeringBody(db, sub, input.bodyId);
  const today = todayInVietnam();
  const issuedOn = answerDateOf(sub, today);
  // a body since merged writes under its unit's name of the day it last answered
  const on = body.valid_to && body.valid_to < issuedOn ? body.valid_to : issuedOn;
  const unitPlace = await placeOf(db, body.unit_code, on);
  const place = input.place?.trim() || unitPlace;
  const opening = await openingLineOf(db, request, {
    name: body.name,
    unitCode: body.unit_code,
    on,
    place: unitPlace,
  });
  const catalogue = await catalogueFor(db, kept, form);
  const text = (key: string) => sub.narrative[key] ?? "";
  const sections: SectionSpec[] = [
    ...(opening ? [{ title: "", level: 1 as const, text: opening }] : []),
    ...form.sections.map((s): SectionSpec => {
      const title = sectionTitle(s.key, s.titleVi, s.depth);
      if (s.kind !== "table")
        return { title, level: s.depth, text: s.kind === "narrative" ? text(s.key) : "" };
      const rows = (s.rows ?? []).flatMap((r) => {
        const ind = catalogue.get(r.indicator);
        const byCombo = sub.values[r.indicator] ?? {};
        const total = byCombo[""];
        if (!ind || total == null) return [];
        return figureRows(ind.name_vi, ind.unit_of_measure, total, byCombo, r.by);
      });
      return {
        title,
        level: s.depth,
        text: "",
        table: { header: FIGURE_HEADER, rows },
      };
    }),
  ];
  requireTextInSections(form.sections, text, input);
  const signature = input.signature ?? body.signing;
  if (!signature)
    throw errors.badRequest(
      `Chưa có khối chữ ký của ${body.name}: ghi thẩm quyền ký và người ký (trong thông tin cơ quan, hoặc tại đây)`,
      `${body.name} has no signature block yet: give the signing authority and signer (in the body's settings, or here)`,
      { field: "signature" },
    );
  return issueReport(
    db,
    auth,
    {
      format: input.format,
      body,
      parentBody: input.parentBody !== undefined ? input.parentBody : body.parent_line,
      place,
      // a draft of a past answer shows the year it was due in
      draftYear: Number(([request.deadline, today].sort()[0] as string).slice(0, 4)),
      excerpt: input.excerpt?.trim() || request.title,
      sections,
      recipients: input.recipients ?? (await defaultRecipients(db, body, place, request)),
      signature,
      secrecy: input.secrecy ?? null,
      urgency: input.urgency ?? null,
      // the number the answer took before prints again; a second one is never taken
      numberId: sub.document_number_id ?? input.numberId ?? null,
      takeNumber: (input.takeNumber ?? false) && sub.document_number_id === null,
      issuedOn,
      requestedBy: request.reference_no,
      requestedById: request.cited_document_id,
      ...(sub.document_number_id === null
        ? {
            claim: async (trx: Db, n: TakenNumber) => {
              if (!(await keepAnswerNumber(trx, sub.id, n)))
                throw errors.conflict(
                  "Báo cáo vừa được lấy số ở phiên khác: tải lại trang để in văn bản với số đã cấp",
                  "The answer was numbered meanwhile: reload to print it with that number",
                  { field: "takeNumber" },
                );
            },
          }
        : {}),
    },
    stateSequence,
    offload,
  );
}
