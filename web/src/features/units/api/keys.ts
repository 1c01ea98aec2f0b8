/**
 * Query keys of the units feature: every key starts with "units" or "unit", so a change to the units
 * (hamlets added, bodies edited) can refresh what depends on them by prefix.
 * @module
 */
export const unitKeys = {
  all: () => ["units"] as const,
  /** One unit as it was on `asOf` (null: today), for its name and level. */
  one: (code: string | null | undefined, asOf: string | null = null) => ["unit", code ?? "", asOf] as const,
  /** The picker's search: its parameters and what was typed. */
  pick: (params: object, typed: string) => ["unit-search", params, typed] as const,
  search: (q: string, asOf: string | null | undefined, level: string | null | undefined) =>
    ["units", "search", q, asOf ?? null, level ?? null] as const,
  tree: (parent: string | null | undefined, asOf: string | null | undefined) =>
    ["units", "tree", parent ?? "root", asOf ?? null] as const,
  detail: (code: string, asOf: string | null | undefined) => ["units", "detail", code, asOf ?? null] as const,
  children: (code: string, asOf: string | null | undefined) =>
    ["units", "children", code, asOf ?? null] as const,
  /** A unit's bodies; without `asOf`, the key that refreshes every date's list at once. */
  bodies: (code: string, asOf?: string | null) =>
    asOf === undefined ? (["units", "bodies", code] as const) : (["units", "bodies", code, asOf] as const),
  successors: (code: string) => ["units", "succ", code] as const,
  predecessors: (code: string, asOf: string | null | undefined) =>
    ["units", "pred", code, asOf ?? null] as const,
  bodyKinds: () => ["body-kinds"] as const,
  askRules: () => ["ask-rules"] as const,
};
