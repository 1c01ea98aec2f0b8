/**
 * Drafted documents as the pages read and write them: a unit's drafts, one draft, the templates of a body,
 * and the writes (create, correct with the version read, cancel, track as a plan). Query keys from `draftKeys`.
 * @module
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type AnswerOf, type BodyOf, call, client } from "@/lib/api.ts";

export type Draft = AnswerOf<"/api/drafts/{id}", "get">;
export type DraftEdit = BodyOf<"/api/drafts/{id}", "put">;

export const draftKeys = {
  all: () => ["drafts"] as const,
  ofUnit: (unit: string) => ["drafts", "unit", unit] as const,
  one: (id: number) => ["drafts", "one", id] as const,
  templates: (bodyId: number | null) => ["drafts", "templates", bodyId] as const,
};

export function useDrafts(unit: string) {
  return useQuery({
    queryKey: draftKeys.ofUnit(unit),
    queryFn: () => call(client.GET("/api/drafts", { params: { query: { unit } } })),
    enabled: /^\d{2,5}$/.test(unit),
  });
}

export function useDraft(id: number) {
  return useQuery({
    queryKey: draftKeys.one(id),
    queryFn: () => call(client.GET("/api/drafts/{id}", { params: { path: { id } } })),
    // what the official types is kept on the page: read again only after a write
    refetchOnWindowFocus: false,
  });
}

export function useTemplates(bodyId: number | null) {
  return useQuery({
    queryKey: draftKeys.templates(bodyId),
    queryFn: () =>
      call(client.GET("/api/bodies/{id}/document-templates", { params: { path: { id: bodyId as number } } })),
    enabled: bodyId !== null,
  });
}

export function useCreateDraft() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<"/api/drafts", "post">) => call(client.POST("/api/drafts", { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: draftKeys.all() }),
  });
}

/** The writes of one draft; each answers the draft as stored, which the page keeps. */
export function useDraftWrites(id: number) {
  const qc = useQueryClient();
  const done = (d: Draft) => {
    qc.setQueryData(draftKeys.one(id), d);
    return qc.invalidateQueries({ queryKey: draftKeys.all(), exact: false, refetchType: "none" });
  };
  const params = { path: { id } };
  return {
    save: useMutation({
      mutationFn: (body: DraftEdit) => call(client.PUT("/api/drafts/{id}", { params, body })),
      onSuccess: done,
    }),
    cancel: useMutation({
      mutationFn: (body: { version: number; reason: string }) =>
        call(client.POST("/api/drafts/{id}/cancel", { params, body })),
      onSuccess: done,
    }),
    track: useMutation({
      mutationFn: (body: { version: number }) => call(client.POST("/api/drafts/{id}/plan", { params, body })),
      onSuccess: done,
    }),
    reload: () => qc.invalidateQueries({ queryKey: draftKeys.one(id) }),
  };
}
