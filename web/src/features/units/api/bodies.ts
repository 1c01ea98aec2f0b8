/** The bodies of a unit (Party committee, People's Committee, Front…), as pickers and lists read them. @module */
import { useQuery } from "@tanstack/react-query";
import { call, client } from "@/lib/api.ts";
import { unitKeys } from "./keys.ts";

/** The bodies of a commune-level or higher unit (none asked for a hamlet or an unfinished code). */
export function useUnitBodies(unit: string) {
  return useQuery({
    queryKey: unitKeys.bodies(unit, null),
    queryFn: () => call(client.GET("/api/units/{code}/bodies", { params: { path: { code: unit } } })),
    enabled: /^\d{2,5}$/.test(unit),
  });
}
