/**
 * The dashboards' reads: a form's rolled-up totals for a unit and the units below it over some periods.
 * Query keys come from `dashboardKeys`.
 * @module
 */
import { useQuery } from "@tanstack/react-query";
import { call, client } from "@/lib/api.ts";

export const dashboardKeys = {
  totals: (form: string, periods: readonly string[], unit: string) =>
    ["totals", form, periods.join(","), unit] as const,
};

/** The totals of `form` for `unit` (empty: the country) and the units below it, over `periods`. */
export function useTotals(form: string, periods: readonly string[], unit: string) {
  return useQuery({
    queryKey: dashboardKeys.totals(form, periods, unit),
    queryFn: () =>
      call(
        client.GET("/api/reporting/totals", {
          params: { query: { form, periods: periods.join(","), unit: unit || undefined } },
        }),
      ),
    retry: false,
  });
}
