/**
 * A report issued by a body as its own official document, whoever wrote its content (a consolidation of the
 * units' reports, or one body's answer to a request): its layout by the body's family, its number from the
 * body's own registry (one taken before, one taken now, or a draft without one), its entry in the unit's
 * outgoing registry related to the công văn that asked for it, then the DOCX or PDF rendered off the request
 * thread from one model.
 * @module
 */
import type { Auth } from "../../access/access.ts";
import type { BodyRow, Db } from "../../db/database.ts";
import { inTransaction } from "../../db/transaction.ts";
import { documentFamilyOf } from "../../domain/body-kinds.ts";
import { todayInVietnam } from "../../domain/dates.ts";
import { placeDateLine } from "../../domain/document-text.ts";
import { numberingFamilyOf } from "../../domain/document-types.ts";
import { numberLine, numberSymbolLine } from "../../domain/number-symbol.ts";
import type { StateSequence } from "../../domain/numbering.ts";
import {
  composeDocument,
  DocumentError,
  type OfficialDocument,
  type SecrecyMark,
  type SectionSpec,
  type UrgencyMark,
} from "../../domain/official-document.ts";
import type { FormSection } from "../../domain/report-forms.ts";
import { formatDecimalVi } from "../../domain/vn-format.ts";
import { foldVietnamese } from "../../domain/vn-text.ts";
import { AppError, errors } from "../../errors.ts";
import type { Offload } from "../../offload/pool.ts";
import { recordIssued } from "../registry/registry.service.ts";
import * as unitService from "../units/units.service.ts";
import * as repo from "./documents.repository.ts";
import { allocateNumber } from "./documents.service.ts";

const ROMAN = /^[IVXLC]+$/;

/** "I" → "I. ĐẶC ĐIỂM TÌNH HÌNH"; "II.1" → "1. Công tác lãnh đạo…" (as the Tháp Mười report numbers them). */
export function sectionTitle(key: string, title: string, depth: 1 | 2): string {
  const last = key.split(".").at(-1) ?? key;
  const label = ROMAN.test(last) || /^\d+$/.test(last) ? `${last}. ` : "";
  return depth === 1 ? `${label}${title.toLocaleUpperCase("vi")}` : `${label}${title}`;
}

/** The header of a document's table of figures. */
export const FIGURE_HEADER = ["Chỉ tiêu", "Đơn vị tính", "Kết quả"];

/** A figure as a document's table prints it: its total, then the breakdown the form asks for ("- kinh tế"). */
export function figureRows(
  name: string,
  unitOfMeasure: string,
  total: string,
  combos: Readonly<Record<string, string | null | undefined>>,
  by: string | undefined,
): string[][] {
  const parts = by
    ? Object.entries(combos).flatMap(([combo, v]) =>
        combo.startsWith(`${by}=`) && v != null
          ? [[`- ${combo.slice(combo.indexOf("=") + 1)}`, unitOfMeasure, formatDecimalVi(v)]]
          : [],
      )
    : [];
  return [[name, unitOfMeasure, formatDecimalVi(total)], ...parts];
}

/**
 * A numbered report goes out with text in every section: before a number is taken, the empty narrative
 * sections are named (400 empty_sections), unless the user confirms.
 */
export function requireTextInSections(
  sections: readonly FormSection[],
  textOf: (key: string) => string,
  input: { takeNumber?: boolean; numberId?: number | null; allowEmptySections?: boolean },
) {
  const empty = sections.filter((x) => x.kind === "narrative" && textOf(x.key).trim() === "");
  if (!empty.length || !(input.takeNumber || input.numberId) || input.allowEmptySections) return;
  throw new AppError(
    400,
    "empty_sections",
    `Còn ${empty.length} mục chưa có nội dung: ${empty.map((x) => sectionTitle(x.key, x.titleVi, 2)).join("; ")}. Viết nội dung hoặc xác nhận để vẫn lấy số.`,
    `${empty.length} section(s) have no text yet: ${empty.map((x) => sectionTitle(x.key, x.titleEn, 2)).join("; ")}. Write them, or confirm to take a number anyway.`,
    { sections: empty.map((x) => x.key) },
  );
}

/** The place name of a document: the issuing body's unit's official name on `on` (default today). */
export const placeOf = (db: Db, unitCode: string, on = todayInVietnam()) =>
  unitService.placeNameOn(db, unitCode, on);

/** A number as the record it numbers keeps it: the number, its symbol and its entry in the outgoing registry. */
export interface TakenNumber {
  numberId: number;
  symbol: string;
  registryDocumentId: number;
}

export interface IssueReportInput {
  format: "docx" | "pdf";
  /** the document's type: its code in the number ("BC"; null for a State công văn) and its printed name
   * (null for a công văn); a report by default */
  kind?: { typeCode: string | null; typeName: string | null; draftingUnit?: string | null };
  /** a công văn's addressees ("Kính gửi") */
  addressees?: string[];
  /** a State decision's issuing authority, before its grounds */
  authorityLine?: string | null;
  /** a decision's legal grounds (căn cứ) */
  grounds?: string[];
  body: BodyRow;
  parentBody: string | null;
  place: string;
  /** the year a draft's date line shows before it has a date */
  draftYear: number;
  excerpt: string;
  sections: SectionSpec[];
  recipients: string[];
  signature: { authority: string[]; signer: string };
  secrecy?: SecrecyMark | null;
  urgency?: UrgencyMark | null;
  /** a number taken before for this document, from the body's registry */
  numberId?: number | null;
  /** take the next number now (needs document.number) */
  takeNumber?: boolean;
  /**
   * Keeps the number on the record it numbers (given only while the record has none), in the same transaction
   * as the number taken and its registry entry: it throws when the record was numbered or changed meanwhile,
   * and then no number is taken.
   */
  claim?: (trx: Db, n: TakenNumber) => Promise<void>;
  /** the day a number taken now is dated (default today) */
  issuedOn?: string;
  /** the công văn that asked for it: its number, and its registry entry when a registry holds it */
  requestedBy: string | null;
  requestedById?: number | null;
}

export interface IssuedReport {
  bytes: Buffer;
  filename: string;
  contentType: string;
  numberId: number | null;
  symbol: string | null;
  registryDocumentId: number | null;
}

export async function issueReport(
  db: Db,
  auth: Auth | null,
  input: IssueReportInput,
  stateSequence: StateSequence,
  offload: Offload,
): Promise<IssuedReport> {
  const { body } = input;
  const { typeCode, typeName } = input.kind ?? { typeCode: "BC", typeName: "Báo cáo" };
  const layout = documentFamilyOf(body.kind);
  const family = numberingFamilyOf(layout);
  const short = body.short_name ?? "";
  const compose = (numberLine: string, date: string | null): OfficialDocument => {
    try {
      return composeDocument({
        family: layout,
        parentBody: input.parentBody?.trim() || null,
        issuer: body.name,
        numberLine,
        secrecy: input.secrecy ?? null,
        urgency: input.urgency ?? null,
        placeDate: placeDateLine(input.place, date, date ? Number(date.slice(0, 4)) : input.draftYear),
        typeName,
        excerpt: input.excerpt,
        sections: input.sections,
        addressees: input.addressees ?? [],
        authorityLine: input.authorityLine ?? null,
        grounds: input.grounds ?? [],
        recipients: input.recipients,
        signature: input.signature,
      });
    } catch (e) {
      if (e instanceof DocumentError) throw errors.badRequest(e.messageVi, e.message, { field: e.field });
      throw e;
    }
  };
  const draftLine = numberSymbolLine(
    family === "party"
      ? { family, number: null, typeCode: typeCode ?? "CV", issuer: short }
      : {
          family,
          number: null,
          year: null,
          typeCode,
          issuer: short,
          unit: typeCode === null ? (input.kind?.draftingUnit ?? null) : null,
        },
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
  }
  let registryDocumentId: number | null = null;
  if (number || input.takeNumber) {
    // a number taken now, its registry entry and the record that keeps it (the claim) commit together: a
    // record claimed meanwhile by another request rolls the number back instead of leaving it unused
    const issued = await inTransaction(db, async (trx) => {
      const n =
        number ??
        (await allocateNumber(
          trx,
          auth,
          {
            issuerBodyId: body.id,
            typeCode,
            ...(input.issuedOn ? { issuedOn: input.issuedOn } : {}),
            ...(typeCode === null ? { draftingUnit: input.kind?.draftingUnit ?? undefined } : {}),
            title: `${typeName ?? "Công văn"} ${input.excerpt}`,
          },
          stateSequence,
        ));
      // a numbered report is an issued document: entered once in the unit's registry (outgoing)
      const excerpt = input.excerpt;
      const lower = /^\p{Lu}\p{Ll}/u.test(excerpt)
        ? `${excerpt.charAt(0).toLocaleLowerCase("vi")}${excerpt.slice(1)}`
        : excerpt;
      const entry = await recordIssued(trx, auth as Auth, {
        unitCode: body.unit_code,
        provinceCode: body.province_code,
        numberId: n.id,
        numberSymbol: n.symbol,
        typeCode: typeCode ?? null,
        issuerName: body.name,
        issuedOn: n.issuedOn,
        // "Báo cáo kết quả …"; a công văn's excerpt is its own ("V/v …")
        excerpt: typeName ? `${typeName} ${lower}` : excerpt,
        bodyText: input.sections.map((s) => s.text).join("\n\n"),
        requestedBy: input.requestedBy,
        requestedById: input.requestedById ?? null,
      });
      await input.claim?.(trx, { numberId: n.id, symbol: n.symbol, registryDocumentId: entry.id });
      return { number: { id: n.id, symbol: n.symbol, issuedOn: n.issuedOn }, registryDocumentId: entry.id };
    });
    number = issued.number;
    registryDocumentId = issued.registryDocumentId;
    doc = compose(numberLine(family, number.symbol), number.issuedOn);
  }
  const bytes = await offload.renderDocument(doc, input.format);
  const base = foldVietnamese(number?.symbol ?? `du-thao-${typeCode ?? "CV"}-${short}`).replace(
    /[^A-Za-z0-9-]+/g,
    "-",
  );
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
