/** Request and response schemas of the units API. @module */
import { z } from "@hono/zod-openapi";
import { PERMISSIONS } from "../../access/permissions.ts";
import { HAMLET_TYPES } from "../../domain/hamlet-types.ts";
import { IsoDateSchema, PagingQuery, VersionSchema } from "../../http/schemas.ts";

export const LevelSchema = z.enum(["province", "district", "commune", "hamlet"]);
export const CodeParam = z.object({
  code: z
    .string()
    .regex(/^\d{2,5}(-\d{3})?$/, "unit code: 2–5 digits, hamlets NNNNN-NNN")
    .openapi({ param: { name: "code", in: "path" }, example: "30037" }),
});

export const UnitSchema = z
  .object({
    id: z.number(),
    code: z.string(),
    name: z.string(),
    fullName: z.string(),
    type: z.string(),
    level: LevelSchema,
    parentCode: z.string().nullable(),
    provinceCode: z.string(),
    ancestors: z.array(z.string()),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    source: z.string(),
    version: z.number(),
    childCount: z.number().optional(),
  })
  .openapi("Unit");

export const ListUnitsQuery = z.object({
  level: LevelSchema.optional(),
  parent: z.string().max(20).optional(),
  q: z.string().max(100).optional(),
  asOf: IsoDateSchema.optional(),
  within: z
    .string()
    .regex(/^\d{2,5}(-\d{3})?$/, "unit code: 2–5 digits, hamlets NNNNN-NNN")
    .optional()
    .openapi({ description: "This unit and the units below it only" }),
  for: z.enum(PERMISSIONS).optional().openapi({
    description: "Only where you hold this permission (the units a picker offers for an action)",
  }),
  ...PagingQuery,
});

export const AsOfQuery = z.object({ asOf: IsoDateSchema.optional() });

export const UnitListSchema = z.object({ asOf: z.string(), total: z.number(), items: z.array(UnitSchema) });

export const UnitSearchSchema = z.object({
  asOf: z.string(),
  total: z.number(),
  items: z.array(
    UnitSchema.extend({
      parentName: z.string().nullable().openapi({ description: "The unit above, on the same date" }),
      provinceName: z.string().nullable(),
    }).openapi("UnitFound"),
  ),
});

export const PathItemSchema = z.object({
  code: z.string(),
  name: z.string(),
  fullName: z.string(),
  level: LevelSchema,
});

export const UnitDetailSchema = z
  .object({
    asOf: z.string(),
    unit: UnitSchema,
    validAtAsOf: z.boolean(),
    path: z.array(PathItemSchema),
    versions: z.array(UnitSchema),
  })
  .openapi("UnitDetail");

export const LinkedUnitSchema = z.object({
  unit: UnitSchema,
  kind: z.enum(["full", "partial"]),
  effectiveDate: z.string(),
});

export const SuccessorsSchema = z.object({
  asOf: z.string(),
  unit: UnitSchema,
  successors: z.array(LinkedUnitSchema),
});

export const PredecessorsSchema = z.object({
  asOf: z.string(),
  unit: UnitSchema,
  predecessors: z.array(LinkedUnitSchema),
});

const HamletName = z.string().trim().min(1).max(120);

export const CreateHamletBody = z.object({
  name: HamletName.openapi({ example: "Ấp 1" }),
  type: z.enum(HAMLET_TYPES),
  validFrom: IsoDateSchema.optional(),
});

export const UpdateHamletBody = z.object({
  version: VersionSchema,
  name: HamletName.optional(),
  type: z.enum(HAMLET_TYPES).optional(),
});

export const CloseHamletBody = z.object({ version: VersionSchema, validTo: IsoDateSchema.optional() });
