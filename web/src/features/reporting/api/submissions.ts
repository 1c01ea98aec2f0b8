/**
 * A report as its page reads and writes it: the report with its form and checks, a draft save, and the
 * workflow actions (submit, return, accept, unlock). Query keys come from `submissionKeys`.
 * @module
 */
import { useQuery } from "@tanstack/react-query";
import { type BodyOf, call, client, upload } from "@/lib/api.ts";

export const submissionKeys = {
  one: (id: string | number) => ["submission", String(id)] as const,
};

/** The report; read again only on purpose (after an action or "reload"), never behind the user's back. */
export function useSubmission(id: string | undefined) {
  return useQuery({
    queryKey: submissionKeys.one(id ?? ""),
    queryFn: () => call(client.GET("/api/submissions/{id}", { params: { path: { id: Number(id) } } })),
    refetchOnWindowFocus: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export type SubmissionAction = "submit" | "accept" | "return" | "unlock";
type ReviewBody = BodyOf<"/api/submissions/{id}/accept", "post">;
type SubmitBody = BodyOf<"/api/submissions/{id}/submit", "post">;

/** Sends a workflow action: submitting sends the report's content with it, a review only its comment. */
export function sendAction(id: number, action: SubmissionAction, submit: SubmitBody, review: ReviewBody) {
  const params = { path: { id } };
  return action === "submit"
    ? call(client.POST("/api/submissions/{id}/submit", { params, body: submit }))
    : call(client.POST(`/api/submissions/{id}/${action}`, { params, body: review }));
}

/** Saves the draft as typed (only cells that read cleanly); a stale `version` is refused as a conflict. */
export function saveDraft(id: number, body: BodyOf<"/api/submissions/{id}", "put">) {
  return call(client.PUT("/api/submissions/{id}", { params: { path: { id } }, body }));
}

/** Reads a filled Excel template into the stored drafts of the request's reports. */
export function importExcelFile(requestId: number, file: File) {
  return upload<{ importCount: { imported: number; updated: number } }>(
    `/api/requests/${requestId}/excel`,
    file,
  );
}

/** For whoever fills a report owed upward: the figures and texts its requests gathered from the units below. */
export function fetchGathered(id: number) {
  return call(client.GET("/api/submissions/{id}/gathered", { params: { path: { id } } }));
}
