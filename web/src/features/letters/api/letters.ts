/**
 * The letters API as the pages use it: a unit's letters and their counts, one letter, its writes (intake,
 * classification, steps) and the identity read; the query keys each write refreshes.
 * @module
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type AnswerOf, type BodyOf, call, client } from "@/lib/api.ts";

export type Letter = AnswerOf<"/api/letters/{id}", "get">;
export type ListedLetter = AnswerOf<"/api/letters", "get">["items"][number];
export type Intake = BodyOf<"/api/letters", "post">;
export type OnlineLetter = BodyOf<"/api/public/letters", "post">;
export type Step = BodyOf<"/api/letters/{id}/steps", "post">;
export type Classification = BodyOf<"/api/letters/{id}", "patch">;
export type ListFilter = { kind?: Letter["kind"]; state?: string; due?: "soon" | "overdue" };

export const letterKeys = {
  all: () => ["letters"] as const,
  list: (unit: string, f: ListFilter) => ["letters", "list", unit, f] as const,
  counts: (unit: string) => ["letters", "counts", unit] as const,
  one: (id: number) => ["letters", "one", id] as const,
  tracked: (code: string) => ["public-letter", code] as const,
};

const isUnit = (unit: string) => /^\d{2,5}$/.test(unit);

export function useLetters(unit: string, f: ListFilter) {
  return useQuery({
    queryKey: letterKeys.list(unit, f),
    queryFn: () =>
      call(
        client.GET("/api/letters", {
          params: { query: { unit, ...f, state: f.state as Letter["status"] | "open" | undefined } },
        }),
      ),
    enabled: isUnit(unit),
  });
}

export function useLetterCounts(unit: string) {
  return useQuery({
    queryKey: letterKeys.counts(unit),
    queryFn: () => call(client.GET("/api/letters/counts", { params: { query: { unit } } })),
    enabled: isUnit(unit),
  });
}

/** The signed-in user's letters to act on (due soon, late, escalated), refreshed every five minutes. */
export function useLetterReminders() {
  return useQuery({
    queryKey: ["letters", "reminders"] as const,
    queryFn: () => call(client.GET("/api/letters/reminders")),
    refetchInterval: 5 * 60_000,
  });
}

/** A province's hot spots (asked only for a province). */
export function useHotspots(unit: string, enabled: boolean) {
  return useQuery({
    queryKey: ["letters", "hotspots", unit] as const,
    queryFn: () => call(client.GET("/api/letters/hotspots", { params: { query: { unit } } })),
    enabled: enabled && isUnit(unit),
  });
}

export function useLetter(id: number) {
  return useQuery({
    queryKey: letterKeys.one(id),
    queryFn: () => call(client.GET("/api/letters/{id}", { params: { path: { id } } })),
  });
}

/** The writes of one letter: each brings the letter back and refreshes the lists. */
export function useLetterWrites(id: number) {
  const qc = useQueryClient();
  const done = async (l: Letter) => {
    qc.setQueryData(letterKeys.one(id), l);
    await qc.invalidateQueries({ queryKey: ["letters", "list"] });
    await qc.invalidateQueries({ queryKey: ["letters", "counts"] });
  };
  return {
    classify: useMutation({
      mutationFn: (body: Classification) =>
        call(client.PATCH("/api/letters/{id}", { params: { path: { id } }, body })),
      onSuccess: done,
    }),
    step: useMutation({
      mutationFn: (body: Step) =>
        call(client.POST("/api/letters/{id}/steps", { params: { path: { id } }, body })),
      onSuccess: done,
    }),
  };
}

export function useIntake() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Intake) => call(client.POST("/api/letters", { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: letterKeys.all() }),
  });
}

/** Who wrote the letter: asked for on purpose (each read is audited), never fetched with the page. */
export const readIdentity = (id: number) =>
  call(client.GET("/api/letters/{id}/identity", { params: { path: { id } } }));

/** The People's Committees a citizen may send a petition to online, by name (accents aside). */
export const findReceivers = (q: string) =>
  call(client.GET("/api/public/letter-receivers", { params: { query: { q } } }));

/** A citizen's petition sent online: its code and tracking secret, shown once. */
export const sendOnline = (body: OnlineLetter) => call(client.POST("/api/public/letters", { body }));

/** A citizen's tracking of their letter, by code and secret. */
export const trackLetter = (code: string, secret: string) =>
  call(
    client.GET("/api/public/letters/{code}", {
      params: { path: { code }, header: { "x-tracking-secret": secret } },
    }),
  );
