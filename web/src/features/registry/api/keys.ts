/** Query keys of the document registry: every list starts with "registry", one document with "registry-doc". @module */
export const registryKeys = {
  all: () => ["registry"] as const,
  list: (unit: string, search: object | string) => ["registry", unit, search] as const,
  /** The documents offered when relating one to another. */
  pick: (unit: string, typed: string) => ["registry", unit, typed, "pick"] as const,
  one: (id: number) => ["registry-doc", id] as const,
};
