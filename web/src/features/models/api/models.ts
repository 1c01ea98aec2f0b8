/** The types of the models API the pages share: fields, a model, its lifecycle steps. @module */
import type { AnswerOf, BodyOf } from "@/lib/api.ts";

export type Fields = AnswerOf<"/api/model-fields", "get">;
export type Model = AnswerOf<"/api/models/{id}", "get">;
/** A lifecycle step a model can be moved to. */
export type Step = BodyOf<"/api/models/{id}/years/{year}/steps", "post">["to"];

/** Query keys of the models registry: lists start with "models", counts with "model-counts". */
export const modelKeys = {
  all: () => ["models"] as const,
  list: (unit: string, year: number | string) => ["models", unit, year] as const,
  similar: (unit: string, year: number | string, typed: string) =>
    ["models-similar", unit, year, typed] as const,
  one: (id: number | string) => ["model", Number(id)] as const,
  fields: () => ["model-fields"] as const,
  counts: () => ["model-counts"] as const,
  countsOf: (unit: string, year: number | string) => ["model-counts", unit, year] as const,
  criteria: () => ["model-criteria"] as const,
  criteriaOf: (unit: string) => ["model-criteria", unit] as const,
  carryOver: () => ["model-carry-over"] as const,
  carryOverOf: (unit: string, year: number | string) => ["model-carry-over", unit, year] as const,
  showcase: (province: string) => ["showcase", province] as const,
};
