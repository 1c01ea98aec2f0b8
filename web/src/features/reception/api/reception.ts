/**
 * The reception API as the pages use it: a unit's schedules and sessions of a month, and their writes.
 * @module
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { planKeys } from "@/features/plans/api/plans.ts";
import { type AnswerOf, type BodyOf, call, client } from "@/lib/api.ts";

export type MonthSchedules = AnswerOf<"/api/reception/schedules", "get">;
export type Session = AnswerOf<"/api/reception/sessions", "get">["items"][number];
export type NewSchedule = BodyOf<"/api/reception/schedules", "post">;
export type NewSession = BodyOf<"/api/reception/sessions", "post">;

export const receptionKeys = {
  all: () => ["reception"] as const,
  schedules: (unit: string, month: string) => ["reception", "schedules", unit, month] as const,
  sessions: (unit: string, month: string) => ["reception", "sessions", unit, month] as const,
};

const isUnit = (unit: string) => /^\d{2,5}$/.test(unit);

export function useSchedules(unit: string, month: string) {
  return useQuery({
    queryKey: receptionKeys.schedules(unit, month),
    queryFn: () => call(client.GET("/api/reception/schedules", { params: { query: { unit, month } } })),
    enabled: isUnit(unit),
  });
}

export function useSessions(unit: string, month: string) {
  return useQuery({
    queryKey: receptionKeys.sessions(unit, month),
    queryFn: () => call(client.GET("/api/reception/sessions", { params: { query: { unit, month } } })),
    enabled: isUnit(unit),
  });
}

/** The two writes of the page; each refreshes the schedules' compliance and the sessions. */
export function useReceptionWrites() {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: receptionKeys.all() });
  return {
    schedule: useMutation({
      mutationFn: (body: NewSchedule) => call(client.POST("/api/reception/schedules", { body })),
      onSuccess: refresh,
    }),
    session: useMutation({
      mutationFn: (body: NewSession) => call(client.POST("/api/reception/sessions", { body })),
      onSuccess: refresh,
    }),
  };
}

export type YearDialogues = AnswerOf<"/api/reception/dialogues", "get">;
export type Dialogue = YearDialogues["items"][number];
export type Commitment = Dialogue["commitments"][number];
export type NewDialogue = BodyOf<"/api/reception/dialogues", "post">;
export type CommitmentFollowUp = BodyOf<"/api/reception/commitments/{id}", "patch">;
export type CommitmentTask = BodyOf<"/api/reception/commitments/{id}/task", "post">;

export const dialogueKeys = {
  year: (unit: string, year: number) => ["reception", "dialogues", unit, year] as const,
};

export function useDialogues(unit: string, year: number) {
  return useQuery({
    queryKey: dialogueKeys.year(unit, year),
    queryFn: () => call(client.GET("/api/reception/dialogues", { params: { query: { unit, year } } })),
    enabled: isUnit(unit),
  });
}

/** A dialogue recorded, a commitment followed up or made a plan's task: each refreshes the dialogues and plans. */
export function useDialogueWrites() {
  const qc = useQueryClient();
  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: receptionKeys.all() });
    await qc.invalidateQueries({ queryKey: planKeys.all() });
  };
  return {
    record: useMutation({
      mutationFn: (body: NewDialogue) => call(client.POST("/api/reception/dialogues", { body })),
      onSuccess: refresh,
    }),
    followUp: useMutation({
      mutationFn: ({ id, body }: { id: number; body: CommitmentFollowUp }) =>
        call(client.PATCH("/api/reception/commitments/{id}", { params: { path: { id } }, body })),
      onSuccess: refresh,
    }),
    toTask: useMutation({
      mutationFn: ({ id, body }: { id: number; body: CommitmentTask }) =>
        call(client.POST("/api/reception/commitments/{id}/task", { params: { path: { id } }, body })),
      onSuccess: refresh,
    }),
  };
}

export type Compliance = AnswerOf<"/api/reception/compliance", "get">;

/** Whether a unit and the units directly under it kept their reception schedules in a month. */
export function useCompliance(unit: string, month: string) {
  return useQuery({
    queryKey: ["reception", "compliance", unit, month] as const,
    queryFn: () => call(client.GET("/api/reception/compliance", { params: { query: { unit, month } } })),
    enabled: isUnit(unit),
  });
}
