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
import { documentFamilyOf } from "../../domain/body-kinds.ts";
import { compileExcerpts } from "../../domain/compile-narrative.ts";
import { isWithin, todayInVietnam } from "../../domain/dates.ts";
import { placeDateLine, reportExcerpt } from "../../domain/document-text.ts";
import { numberingFamilyOf } from "../../domain/document-types.ts";
import { numberLine, numberSymbolLine } from "../../domain/number-symbol.ts";
import type { StateSequence } from "../../domain/numbering.ts";
import {
  composeDocument,
  DocumentError,
  type OfficialDocument,
  type SectionSpec,
} from "../../domain/official-document.ts";
import { periodLabelOrCode } from "../../domain/periods.ts";
import { formatDecimalVi } from "../../domain/vn-format.ts";
import { foldVietnamese } from "../../domain/vn-text.ts";
import { AppError, errors } from "../../errors.ts";
import type { Offload } from "../../offload/pool.ts";
import { bodyById } from "../bodies/bodies.service.ts";
import { requireForm } from "../forms/forms.service.ts";
import { recordIssued } from "../registry/registry.service.ts";
import { consolidation, getSummary } from "../reporting/consolidation/consolidation.service.ts";
import * as unitService from "../units/units.service.ts";
import * as repo from "./documents.repository.ts";
import { allocateNumber } from "./documents.service.ts";

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
}

const ROMAN = /^[IVXLC]+$/;

/** "I" → "I. ĐẶC ĐIỂM TÌNH HÌNH"; "II.1" → "1. Công tác lãnh đạo…" (as the Tháp Mười report numbers them). */
function sectionTitle(key: string, title: string, depth: 1 | 2): string {
  const last = key.split(".").at(-1) ?? key;
  const label = ROMAN.test(last) || /^\d+$/.test(last) ? `${last}. ` : "";
  return depth === 1 ? `${label}${title.toLocaleUpperCase("vi")}` : `${label}${title}`;
}

/** The excerpt a report gets unless the requester writes one: its form's title and its period in words. */
function defaultExcerpt(formName: string, periodCode: string): string {
  return reportExcerpt(formName, periodLabelOrCode(periodCode));
}

/** The place name of a document: the official name of the issuing body's unit ("Tháp Mười", "Đồng Tháp"). */
async function placeOf(db: Db, unitCode: string): Promise<string> {
  const versions = await unitService.unitVersions(db, unitCode);
  const today = todayInVietnam();
  const unit = versions.find((v) => isWithin(today, v.valid_from, v.valid_to)) ?? versions.at(-1);
  return unit?.name ?? unitCode;
}

export async function reportDocument(
  db: Db,
  kept: Kept,
  auth: Auth | null,
  requestId: number,
  input: ReportDocumentInput,
  stateSequence: StateSequence,
  offload: Offload,
): Promise<{
  bytes: Buffer;
  filename: string;
  contentType: string;
  numberId: number | null;
  symbol: string | null;
  registryDocumentId: number | null;
}> {
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
  const family = numberingFamilyOf(documentFamilyOf(body.kind));
  const excerpt = input.excerpt?.trim() || defaultExcerpt(form.name_vi, c.request.periodCode);
  const short = body.short_name ?? "";
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
      const parts = Object.entries(combos).flatMap(([combo, v]) =>
        combo !== "" && combo.startsWith(`${r.by}=`) && v != null
          ? [[`- ${combo.slice(combo.indexOf("=") + 1)}`, ind.unitOfMeasure, formatDecimalVi(v)]]
          : [],
      );
      return [[ind.nameVi, ind.unitOfMeasure, formatDecimalVi(value)], ...(r.by ? parts : [])];
    });
    return {
      title,
      level: s.depth,
      text: "",
      table: { header: ["Chỉ tiêu", "Đơn vị tính", "Kết quả"], rows },
    };
  });
  // a numbered report goes out with text in every section: the empty ones are named first
  const empty = form.sections.filter((x) => x.kind === "narrative" && sectionText(x.key).trim() === "");
  if (empty.length && (input.takeNumber || input.numberId) && !input.allowEmptySections) {
    throw new AppError(
      400,
      "empty_sections",
      `Còn ${empty.length} mục chưa có nội dung: ${empty.map((x) => sectionTitle(x.key, x.titleVi, 2)).join("; ")}. Viết nội dung hoặc xác nhận để vẫn lấy số.`,
      `${empty.length} section(s) have no text yet: ${empty.map((x) => sectionTitle(x.key, x.titleEn, 2)).join("; ")}. Write them, or confirm to take a number anyway.`,
      { sections: empty.map((x) => x.key) },
    );
  }
  const compose = (numberLine: string, date: string | null): OfficialDocument => {
    try {
      return composeDocument({
        family,
        parentBody: input.parentBody?.trim() || null,
        issuer: body.name,
        numberLine,
        placeDate: placeDateLine(place, date, Number((date ?? todayInVietnam()).slice(0, 4))),
        typeName: "Báo cáo",
        excerpt,
        sections,
        recipients: input.recipients,
        signature: input.signature,
      });
    } catch (e) {
      if (e instanceof DocumentError) throw errors.badRequest(e.messageVi, e.message);
      throw e;
    }
  };
  const draftLine = numberSymbolLine(
    family === "party"
      ? { family, number: null, typeCode: "BC", issuer: short }
      : { family, number: null, year: null, typeCode: "BC", issuer: short, unit: null },
  );
  // checked before a number is taken, so bad input never uses one up
  let doc = compose(draftLine, null);

  // the number: one taken before, one taken now, or none yet (a draft)
  let number: { id: number; symbol: string; issuedOn: string } | null = null;
  if (input.numberId) {
    const row = await repo.findNumber(db, input.numberId);
    if (!row || row.issuer_body_id !== body.id || row.status !== "allocated") {
      throw errors.badRequest(
        "Số văn bản không thuộc sổ của cơ quan này hoặc đã bị hủy",
        "The number is not in this body's registry or was cancelled",
        { field: "numberId" },
      );
    }
    number = { id: row.id, symbol: row.symbol, issuedOn: row.issued_on };
  } else if (input.takeNumber) {
    const taken = await allocateNumber(
      db,
      auth,
      { issuerBodyId: body.id, typeCode: "BC", title: `Báo cáo ${excerpt}` },
      stateSequence,
    );
    number = { id: taken.id, symbol: taken.symbol, issuedOn: taken.issuedOn };
  }
  let registryDocumentId: number | null = null;
  if (number) {
    doc = compose(numberLine(family, number.symbol), number.issuedOn);
    // a numbered report is an issued document: entered once in the unit's registry (outgoing)
    const lower = /^\p{Lu}\p{Ll}/u.test(excerpt)
      ? `${excerpt.charAt(0).toLocaleLowerCase("vi")}${excerpt.slice(1)}`
      : excerpt;
    const entry = await recordIssued(db, auth as Auth, {
      unitCode: body.unit_code,
      provinceCode: body.province_code,
      numberId: number.id,
      numberSymbol: number.symbol,
      typeCode: "BC",
      issuerName: body.name,
      issuedOn: number.issuedOn,
      excerpt: `Báo cáo ${lower}`,
      bodyText: sections.map((s) => s.text).join("\n\n"),
      requestedBy: c.request.referenceNo,
    });
    registryDocumentId = entry.id;
  }
  const bytes = await offload.renderDocument(doc, input.format);
  const base = foldVietnamese(number?.symbol ?? `du-thao-BC-${short}`).replace(/[^A-Za-z0-9-]+/g, "-");
  return {
    bytes,
    filename: `${base}.${input.format}`,
    contentType:
      input.format === "pdf"
        ? "application/pdf"
        : "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    numberId: number?.id ?? null,
    symbol: number?.symbol ?? null,
    registryDocumentId,
  };
}
