/** Issuing a request, as the request form does it, and the report owed upward it may gather for. @module */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { type BodyOf, call, client } from "@/lib/api.ts";
import { reportingKeys } from "./keys.ts";

export type NewRequest = BodyOf<"/api/requests", "post">;

/** Issues `body` (null until the form is complete), refreshes the lists and opens the new request's page. */
export function useIssueRequest(body: NewRequest | null, onDone: () => void, onError: (e: unknown) => void) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: async () => {
      // the button is enabled only once the issuer, the form and the period are chosen
      if (!body) throw new Error(t("reports.fillRequired"));
      return call(client.POST("/api/requests", { body }));
    },
    onSuccess: async (r) => {
      await qc.invalidateQueries({ queryKey: reportingKeys.requests() });
      await qc.invalidateQueries({ queryKey: reportingKeys.inbox() });
      onDone();
      navigate(`/requests/${r.id}`, { state: { notice: t("reports.issuedNotice") } });
    },
    onError,
  });
}

/**
 * The report owed upward a new request gathers for (from the report's page): read once, and the form's issuer
 * (unit and body) set to the one that owes it.
 */
export function useOwedReport(id: number | null, onIssuer: (unit: string, bodyId: number | null) => void) {
  const owed = useQuery({
    queryKey: ["owed-report", id],
    queryFn: () => call(client.GET("/api/submissions/{id}", { params: { path: { id: id ?? 0 } } })),
    enabled: id !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const sub = owed.data?.submission;
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the report is read
  useEffect(() => {
    if (sub) onIssuer(sub.unitCode, sub.bodyId);
  }, [sub?.id]);
  return owed.data ?? null;
}
