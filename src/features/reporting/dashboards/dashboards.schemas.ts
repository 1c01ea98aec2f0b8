/** zod schemas of the timeliness heat-map and the rolled-up totals (request and response bodies). @module */
import { z } from "@hono/zod-openapi";

export const TimelinessQuery = z.object({
  unit: z.string().min(1).max(40),
  form: z.string().min(1).max(64).optional(),
});

export const Counts = { expected: z.number(), onTime: z.number(), late: z.number(), missing: z.number() };
export const TimelinessSchema = z
  .object({
    unitCode: z.string(),
    unitName: z.string(),
    columns: z.array(
      z.object({ requestId: z.number(), periodCode: z.string(), deadline: z.string(), title: z.string() }),
    ),
    rows: z.array(z.object({ code: z.string(), name: z.string() })),
    cells: z.array(
      z.object({ requestId: z.number(), unitCode: z.string(), ...Counts, accepted: z.number() }),
    ),
    totals: z.array(z.object({ requestId: z.number(), ...Counts })),
  })
  .openapi("TimelinessMap");
export const TotalsQuery = z.object({
  form: z.string().min(1).max(64).openapi({ example: "dvcq-thap-muoi" }),
  periods: z
    .string()
    .min(1)
    .max(400)
    .transform((v) => [
      ...new Set(
        v
          .split(",")
          .map((p) => p.trim())
          .filter(Boolean),
      ),
    ])
    .openapi({ example: "2024,2025,2026" }),
  unit: z
    .string()
    .min(1)
    .max(40)
    .optional()
    .openapi({ description: "Default: the whole country (its provinces)" }),
});

export const TotalsSchema = z
  .object({
    form: z.string(),
    periods: z.array(z.string()),
    unit: z.object({ code: z.string(), name: z.string() }).nullable(),
    children: z.array(z.object({ code: z.string(), name: z.string() })),
    indicators: z.array(
      z.object({
        code: z.string(),
        nameVi: z.string(),
        nameEn: z.string(),
        unitOfMeasure: z.string(),
        aggregation: z.string(),
      }),
    ),
    values: z.record(z.string(), z.record(z.string(), z.record(z.string(), z.string().nullable()))).openapi({
      description:
        "unit code → period → indicator → value (exact decimal): the unit's own latest accepted report if it has one, else the latest accepted reports of the units below it",
    }),
    ownReport: z
      .record(z.string(), z.array(z.string()))
      .openapi({ description: "unit code → the periods whose figure is the unit's own report" }),
    registry: z.record(z.string(), z.record(z.string(), z.string())).openapi({
      description:
        "period → model indicator → the “Dân vận khéo” registry's count under the unit, where the registry is kept that year",
    }),
  })
  .openapi("Totals");
