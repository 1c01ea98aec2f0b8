/** zod schemas every part of reporting shares: levels, statuses, ids, report values and narratives. @module */
import { z } from "@hono/zod-openapi";

export const Level = z.enum(["province", "district", "commune", "hamlet"]);
export const Status = z.enum(["not_started", "draft", "submitted", "returned", "accepted"]);
export const TimelinessValue = z.enum(["on_time", "late", "missing", "pending"]);
export const LevelDeadline = z.object({ level: z.string(), deadline: z.string() });

export const IdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2_147_483_647)
    .openapi({ param: { name: "id", in: "path" } }),
});

/** indicator code → breakdown ("" for the total) → value as typed */
type ValuesInput = Record<string, Record<string, string>>;
const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The values of a report: checked by one loop rather than a record of records (which costs a deadline burst
 * tens of kilobytes of garbage per report), with the same limits and the same issues at the same paths; the
 * OpenAPI document shows the record of records.
 */
export const Values = z
  .custom<ValuesInput>()
  .superRefine((v, ctx) => {
    if (!isPlain(v)) {
      ctx.addIssue({ code: "custom", message: "Expected an object of indicator codes" });
      return;
    }
    for (const code in v) {
      if (code.length > 64) ctx.addIssue({ code: "custom", path: [code], message: "Code too long (max 64)" });
      const combos = v[code];
      if (!isPlain(combos)) {
        ctx.addIssue({ code: "custom", path: [code], message: "Expected an object of breakdowns" });
        continue;
      }
      for (const combo in combos) {
        const value = combos[combo];
        if (combo.length > 200)
          ctx.addIssue({ code: "custom", path: [code, combo], message: "Breakdown too long (max 200)" });
        if (typeof value !== "string")
          ctx.addIssue({ code: "custom", path: [code, combo], message: "Expected a string" });
        else if (value.length > 2000)
          ctx.addIssue({ code: "custom", path: [code, combo], message: "Too long (max 2000)" });
      }
    }
  })
  .openapi({
    type: "object",
    additionalProperties: { type: "object", additionalProperties: { type: "string", maxLength: 2000 } },
    description: 'indicator code (at most 64 characters) → breakdown ("" for the total; at most 200) → value',
    example: { DVK_MODELS_TOTAL: { "": "12", "field=kinh tế": "5" } },
  });
export const Narrative = z.record(z.string().max(20), z.string().max(100_000));

export const ConsolidationQuery = z.object({ unit: z.string().min(1).max(40).optional() });
