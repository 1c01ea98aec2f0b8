/** zod schemas of drafted documents and their templates (request and response bodies). @module */
import { z } from "@hono/zod-openapi";
import { DRAFT_KINDS } from "../../domain/document-templates.ts";
import { SECRECY_MARKS, URGENCY_MARKS } from "../../domain/official-document.ts";
import { IsoDateSchema, RowIdSchema, UnitCodeSchema, VersionSchema } from "../../http/schemas.ts";
import { Recipients, Signature } from "../documents/document-http.ts";

export const DraftKind = z.enum(DRAFT_KINDS).openapi({
  description:
    "CV công văn, KH kế hoạch, QĐ quyết định, TB thông báo, BC báo cáo, CTr chương trình, HD hướng dẫn, KL kết luận",
});

const Section = z.object({
  title: z.string().trim().max(300),
  level: z.union([z.literal(1), z.literal(2)]),
  text: z.string().max(100_000),
});

const Task = z.object({
  title: z.string().trim().min(1).max(1000),
  assigneeUnitCode: UnitCodeSchema,
  dueOn: IsoDateSchema,
});

const Line = z.string().trim().min(1).max(1000);

export const TemplateSchema = z.object({
  kind: DraftKind,
  nameVi: z.string(),
  nameEn: z.string(),
  typeCode: z.string().nullable(),
  typeName: z.string().nullable(),
  excerptLead: z.string(),
  grounds: z.boolean(),
  authorityLine: z.boolean(),
  addressees: z.boolean(),
  tasks: z.boolean(),
  sections: z.array(Section),
});

export const DraftSchema = z
  .object({
    id: z.number(),
    bodyId: z.number(),
    unitCode: z.string(),
    kind: DraftKind,
    excerpt: z.string(),
    draftingUnit: z.string().nullable(),
    addressees: z.array(z.string()),
    grounds: z.array(z.string()),
    authorityLine: z.string().nullable().openapi({
      description: "A State decision's issuing authority as written; null: derived from the signature block",
    }),
    sections: z.array(Section),
    tasks: z.array(Task),
    recipients: z.array(z.string()),
    signature: z.object({ authority: z.array(z.string()), signer: z.string() }).nullable(),
    secrecy: z.enum(SECRECY_MARKS).nullable(),
    urgency: z.enum(URGENCY_MARKS).nullable(),
    status: z.enum(["draft", "issued", "cancelled"]),
    numberId: z.number().nullable(),
    numberSymbol: z.string().nullable(),
    registryDocumentId: z.number().nullable(),
    planId: z.number().nullable(),
    cancelReason: z.string().nullable(),
    updatedAt: z.string(),
    version: z.number(),
  })
  .openapi("DocumentDraft");

export const CreateDraftBody = z.object({
  bodyId: RowIdSchema,
  kind: DraftKind,
  excerpt: z.string().trim().max(1000).optional(),
});

export const UpdateDraftBody = z.object({
  version: VersionSchema,
  excerpt: z.string().trim().min(1).max(1000).optional(),
  draftingUnit: z.string().trim().max(20).nullable().optional().openapi({
    description: "A State công văn's drafting unit (VP in 1246/UBND-VP)",
  }),
  addressees: z.array(Line).max(50).optional(),
  grounds: z.array(Line).max(30).optional(),
  authorityLine: z.string().trim().max(300).nullable().optional(),
  sections: z.array(Section).min(1).max(60).optional(),
  tasks: z.array(Task).max(200).optional(),
  recipients: Recipients.optional(),
  signature: Signature.nullable().optional(),
  secrecy: z.enum(SECRECY_MARKS).nullable().optional(),
  urgency: z.enum(URGENCY_MARKS).nullable().optional(),
});

export const DraftDocumentBody = z.object({
  format: z.enum(["docx", "pdf"]),
  issue: z
    .object({ version: VersionSchema })
    .optional()
    .openapi({ description: "Issue it now: take its number from the body's registry and enter it there" }),
});

export const VersionBody = z.object({ version: VersionSchema });
export const CancelBody = z.object({ version: VersionSchema, reason: z.string().trim().min(1).max(2000) });
export const ListQuery = z.object({ unit: UnitCodeSchema });
