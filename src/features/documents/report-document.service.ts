/**
 * A consolidated report as an official document: the requester's own text section by
 * section (the summary written beside the compiled excerpts), the rolled-up figures of each table section, the
 * number from the registry (taken now, one taken before, or left blank on a draft), the place and date, "Nơi
 * nhận:" and the signature block — rendered to DOCX or PDF from one model.
 * @module
 */

import type { Kysely } from "kysely";
import type { Auth } from "../../access/access.ts";
import type { Database } from "../../db/database.ts";
import type { Kept } from "../../db/kept.ts";
import { compileExcerpts } from "../../domain/compile-narrative.ts";
import { todayInVietnam } from "../../domain/dates.ts";
import { reportExcerpt } from "../../domain/document-text.ts";
import type { StateSequence } from "../../domain/numbering.ts";
import type { SecrecyMark, SectionSpec, UrgencyMark } from "../../domain/official-document.ts";
import { periodLabelOrCode } from "../../domain/periods.ts";
import { errors } from "../../errors.ts";
import type { Offload } from "../../offload/pool.ts";
import { bodyById } from "../bodies/bodies.service.ts";
import { requireForm } from "../forms/forms.service.ts";
import { consolidation, getSummary } from "../reporting/consolidation/consolidation.service.ts";
import {
  FIGURE_HEADER,
  figureRows,
  type IssuedReport,
  issueReport,
  placeOf,
  requireTextInSections,
  sectionTitle,
} from "./issue-report.ts";

type Db = Kysely<Database>;

export interface ReportDocumentInput {
  format: "docx" | "pdf";
  /** the issuing body: one of the requesting unit's bodies */
  bodyId: number;
  parentBody?: string | null;
  /** the place name ("Địa danh"); default: the name of the issuing body's unit (NĐ 30/2020, Phụ lục I) */
  place?: string;
  /** take a number even though some sections have no text (refused otherwise, with the sections named) */
  allowEmptySections?: boolean;
  excerpt?: string;
  /** a number taken before for this document, from the body's registry */
  numberId?: number | null;
  /** take the next number now (needs document.number) */
  takeNumber?: boolean;
  recipients: string[];
  signature: { authority: string[]; signer: string };
  secrecy?: SecrecyMark | null;
  urgency?: UrgencyMark | null;
}

/** The excerpt a report gets unless the requester writes one: its form's title and its period in words. */
function defaultExcerpt(formName: string, periodCode: string): string {
  return reportExcerpt(formName, periodLabelOrCode(periodCode));
}

export async function reportDocument(
  db: Db,
  kept: Kept,
  auth: Auth | null,
  requestId: number,
  input: ReportDocumentInput,
  stateSequence: StateSequence,
  offload: Offload,
): Promise<IssuedReport> {
  const c = await consolidation(db, kept, auth, requestId); // checks access to the request
  const summary = await getSummary(db, auth, requestId);
  const form = await requireForm(db, kept, c.request.formId);
  const body = await bodyById(db, input.bodyId);
  if (!body || body.unit_code !== c.request.issuerUnitCode) {
    throw errors.badRequest(
      "Cơ quan ban hành phải là một cơ quan của đơn vị yêu cầu báo cáo",
      "The issuing body must be one of the requesting unit's bodies",
      { field: "bodyId" },
    );
  }
  const excerpt = input.excerpt?.trim() || defaultExcerpt(form.name_vi, c.request.periodCode);
  const _short = body.short_name ?? "";
  const place = input.place?.trim() || (await placeOf(db, body.unit_code));

  const byCode = new Map(c.indicators.map((i) => [i.code, i]));
  const compiled = new Map(c.sections.map((s) => [s.key, s.excerpts]));
  // the requester's own text of a section, else the accepted text of the units below it, compiled
  const sectionText = (key: string) =>
    summary.narrative[key] ??
    compileExcerpts((compiled.get(key) ?? []).filter((e) => e.status === "accepted"));
  const sections: SectionSpec[] = form.sections.map((s) => {
    const title = sectionTitle(s.key, s.titleVi, s.depth);
    if (s.kind !== "table") {
      return { title, level: s.depth, text: s.kind === "narrative" ? sectionText(s.key) : "" };
    }
    const rows = (s.rows ?? []).flatMap((r) => {
      const ind = byCode.get(r.indicator);
      // the figure the requester chose where a registry holds one too (default: the units' reports)
      const fromRegistry = ind?.used === "registry";
      const value = fromRegistry ? ind?.registry?.value : ind?.accepted.value;
      if (!ind || value == null) return [];
      // the breakdown the form asks for ("trong đó: kinh tế …"), from the same source
      const combos = fromRegistry ? (ind.registry?.combos ?? {}) : ind.accepted.combos;
      return figureRows(ind.nameVi, ind.unitOfMeasure, value, combos, r.by);
    });
    return {
      title,
      level: s.depth,
      text: "",
      table: { header: FIGURE_HEADER, rows },
    };
  });
  // a numbered report goes out with text in every section: the empty ones are named first
  requireTextInSections(form.sections, sectionText, input);
  return issueReport(
    db,
    auth,
    {
      format: input.format,
      body,
      parentBody: input.parentBody ?? null,
      place,
      draftYear: Number(todayInVietnam().slice(0, 4)),
      excerpt,
      sections,
      recipients: input.recipients,
      signature: input.signature,
      secrecy: input.secrecy ?? null,
      urgency: input.urgency ?? null,
      numberId: input.numberId ?? null,
      takeNumber: input.takeNumber ?? false,
      requestedBy: c.request.referenceNo,
    },
    stateSequence,
    offload,
  );
}
