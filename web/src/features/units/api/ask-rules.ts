/** Which kind of body may ask which for a report (GET /api/ask-rules), as the request form reads them. @module */
import { useQuery } from "@tanstack/react-query";
import { call, client } from "@/lib/api.ts";
import { todayIso } from "@/lib/format.ts";
import { unitKeys } from "./keys.ts";

/** Whether a body of `issuerKind` may ask one of `targetKind` of its own unit ("same") or below, today. */
export function useAskRules() {
  const rules = useQuery({
    queryKey: unitKeys.askRules(),
    queryFn: () => call(client.GET("/api/ask-rules")),
  });
  const today = todayIso();
  const mayAsk = (issuerKind: string, targetKind: string, relation: "same" | "below") =>
    (rules.data?.items ?? []).some(
      (r) =>
        r.issuerKind === issuerKind &&
        r.targetKind === targetKind &&
        r.relation === relation &&
        r.validFrom <= today &&
        (r.validTo === null || today <= r.validTo),
    );
  return { loaded: rules.isSuccess, mayAsk };
}
