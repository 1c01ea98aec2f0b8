/**
 * A unit's evaluation as the pages read and write it: the evaluation, the unit's history over the years, its
 * self-assessment and the superior's appraisal. Query keys come from `evaluationKeys`; a write refreshes the
 * evaluation and its scheme's list.
 * @module
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type AnswerOf, type BodyOf, call, client } from "@/lib/api.ts";

export type Evaluation = AnswerOf<"/api/evaluations/{id}", "get">;
/** Points, evidence and comment per scheme item. */
export type Scores = Record<string, { points: string; evidence?: string; comment?: string }>;

export const evaluationKeys = {
  one: (id: number) => ["evaluation", id] as const,
  history: (unit: string) => ["evaluation-history", unit] as const,
  /** Every scheme opened on its own (the prefix of `scheme`). */
  schemes: () => ["evaluation-scheme"] as const,
  scheme: (id: number | string | null) => ["evaluation-scheme", id] as const,
  /** Every unit's list of schemes (the prefix of `schemeList`). */
  schemeLists: () => ["evaluation-schemes"] as const,
  schemeList: (unit: string) => ["evaluation-schemes", unit] as const,
  examples: () => ["evaluation-examples"] as const,
};

export function useEvaluation(id: number) {
  return useQuery({
    queryKey: evaluationKeys.one(id),
    queryFn: () => call(client.GET("/api/evaluations/{id}", { params: { path: { id } } })),
  });
}

/** The unit's score, band and rank per published year. */
export function useEvaluationHistory(unit: string) {
  return useQuery({
    queryKey: evaluationKeys.history(unit),
    queryFn: () => call(client.GET("/api/evaluations/history", { params: { query: { unit } } })),
  });
}

function useRefresh(id: number) {
  const qc = useQueryClient();
  return async () => {
    await qc.invalidateQueries({ queryKey: evaluationKeys.one(id) });
    await qc.invalidateQueries({ queryKey: evaluationKeys.schemes() });
  };
}

/** The unit saves (or submits) its own points and evidence. */
export function useSaveSelf(id: number) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (body: BodyOf<"/api/evaluations/{id}/self", "put">) =>
      call(client.PUT("/api/evaluations/{id}/self", { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
}

/** The superior saves its appraisal. */
export function useAppraise(id: number) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (body: BodyOf<"/api/evaluations/{id}/appraisal", "put">) =>
      call(client.PUT("/api/evaluations/{id}/appraisal", { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
}
