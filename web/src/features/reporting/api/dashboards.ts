/**
 * The dashboards' reads: a form's rolled-up totals for a unit and the units below it over some periods, and
 * the names of the units on a drill-down trail. Query keys come from `dashboardKeys`.
 * @module
 */
import { useQuery } from "@tanstack/react-query";
import { call, client } from "@/lib/api.ts";

export const dashboardKeys = {
  totals: (form: string, periods: readonly string[], unit: string) =>
    ["totals", form, periods.join(","), unit] as const,
  unitNames: (codes: readonly string[]) => ["trail-names", codes.join(",")] as const,
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

/** Each unit's full name by code (the breadcrumbs of a drill-down). */
export function useUnitNames(codes: readonly string[]) {
  return useQuery({
    queryKey: dashboardKeys.unitNames(codes),
    queryFn: async () =>
      Object.fromEntries(
        await Promise.all(
          codes.map(async (c) => {
            const d = await call(client.GET("/api/units/{code}", { params: { path: { code: c } } }));
            return [c, d.unit.fullName] as const;
          }),
        ),
      ),
    enabled: codes.length > 0,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
