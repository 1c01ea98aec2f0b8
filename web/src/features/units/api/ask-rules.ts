/** Which kind of body may ask which for a report (GET /api/ask-rules), as the request form reads them. @module */
import { type AskRelation, mayAsk } from "@domain/ask-rules.ts";
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
  // the same rule the server checks a request by (src/domain/ask-rules.ts)
  const may = (issuerKind: string, targetKind: string, relation: AskRelation) =>
    mayAsk(rules.data?.items ?? [], issuerKind, targetKind, relation, today);
  return { loaded: rules.isSuccess, mayAsk: may };
}
