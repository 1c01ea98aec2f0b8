/**
 * The registry of outgoing documents as the pages read it: document types, a body's numbers in a year,
 * taking and cancelling a number. Query keys come from `documentKeys`, so a change refreshes every view of it.
 * @module
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type AnswerOf, type BodyOf, call, client } from "@/lib/api.ts";

/** A number in a body's registry of outgoing documents. */
export type DocumentNumber = AnswerOf<"/api/bodies/{id}/document-numbers", "get">["items"][number];

export const documentKeys = {
  types: () => ["document-types"] as const,
  /** A Party body's terms (nhiệm kỳ), which its numbers restart with. */
  terms: (bodyId: number | string | null) => ["terms", bodyId] as const,
  /** A body's numbers (every year), or those of one year. */
  numbers: (bodyId: string | null, year?: string) =>
    year === undefined
      ? (["document-numbers", bodyId] as const)
      : (["document-numbers", bodyId, year] as const),
};

export function useDocumentTypes() {
  return useQuery({ queryKey: documentKeys.types(), queryFn: () => call(client.GET("/api/document-types")) });
}

/** The numbers a body took in a year (all years when `year` is empty). */
export function useNumberRegistry(bodyId: string | null, year: string) {
  return useQuery({
    queryKey: documentKeys.numbers(bodyId, year),
    queryFn: () =>
      call(
        client.GET("/api/bodies/{id}/document-numbers", {
          params: { path: { id: Number(bodyId) }, query: { year: year ? Number(year) : undefined } },
        }),
      ),
    enabled: bodyId !== null,
  });
}

type TakeBody = BodyOf<"/api/bodies/{id}/document-numbers", "post">;

/** Takes the body's next number; the registry views refresh. */
export function useTakeNumber(bodyId: string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TakeBody) =>
      call(
        client.POST("/api/bodies/{id}/document-numbers", { params: { path: { id: Number(bodyId) } }, body }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: documentKeys.numbers(bodyId) }),
  });
}

/** Cancels a number, with the reason; the number stays in the registry, marked cancelled. */
export function useCancelNumber(bodyId: string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: number; reason: string }) =>
      call(
        client.POST("/api/document-numbers/{id}/cancel", {
          params: { path: { id: v.id } },
          body: { reason: v.reason },
        }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: documentKeys.numbers(bodyId) }),
  });
}
