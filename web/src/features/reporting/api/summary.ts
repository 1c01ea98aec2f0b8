/** The requester's own summary of a consolidated report, as the page edits it. @module */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type BodyOf, type Consolidation, call, client } from "@/lib/api.ts";
import { useUnsavedGuard } from "@/lib/unsaved.ts";

/** Where a consolidated figure comes from: the units' reports, or a registry. */
export type FigureSource = NonNullable<BodyOf<"/api/requests/{id}/summary", "put">["figureSources"]>[string];

import { describeFailure } from "@/lib/use-api-error.ts";
import { reportingKeys } from "./keys.ts";

/** The requester's own text per section, saved with the version read (a conflict is shown, nothing lost). */
export function useSummary(requestId: number, unit: string | null) {
  const { i18n } = useTranslation();
  const qc = useQueryClient();
  const key = ["request", String(requestId), "summary", unit];
  const q = useQuery({
    queryKey: key,
    queryFn: () =>
      call(
        client.GET("/api/requests/{id}/summary", {
          params: { path: { id: requestId }, query: { unit: unit || undefined } },
        }),
      ),
    refetchOnWindowFocus: false,
  });
  const [edits, setEdits] = useState<Record<string, string> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useUnsavedGuard(edits !== null);
  const text = edits ?? q.data?.narrative ?? {};
  const write = useMutation({
    mutationFn: (body: {
      narrative?: Record<string, string>;
      figureSources?: Record<string, FigureSource>;
    }) =>
      call(
        client.PUT("/api/requests/{id}/summary", {
          params: { path: { id: requestId } },
          body: {
            ...(unit ? { unit } : {}),
            version: q.data?.version ?? 0,
            ...body,
          },
        }),
      ),
    onSuccess: async (r, body) => {
      setError(null);
      qc.setQueryData(key, r);
      if (body.narrative) setEdits(null);
      if (body.figureSources)
        await qc.invalidateQueries({ queryKey: reportingKeys.anyConsolidation(requestId) });
    },
    onError: (e) => setError(describeFailure(e, i18n.language)),
  });
  return {
    text,
    set: (k: string, v: string) => setEdits({ ...text, [k]: v }),
    save: () => write.mutate({ narrative: text }),
    setSource: (code: string, source: "reports" | "registry") =>
      write.mutate({ figureSources: { [code]: source } }),
    saving: write.isPending,
    error,
    dirty: edits !== null,
    savedVersion: q.data?.version ?? 0,
  };
}

export type Indicator = Consolidation["indicators"][number];
