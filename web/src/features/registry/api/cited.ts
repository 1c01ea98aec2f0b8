/** The registered document a number-symbol names in a unit's registry, as a request cites its công văn. @module */
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { call, client } from "@/lib/api.ts";
import { registryKeys } from "./keys.ts";

export type CitedDocument = NonNullable<ReturnType<typeof useCitedDocument>>;

/** The document of `unit`'s registry whose number-symbol is `symbol` (letter case aside), or null. */
export function useCitedDocument(unit: string | null, symbol: string) {
  const [typed] = useDebouncedValue(symbol.trim(), 300);
  const found = useQuery({
    queryKey: registryKeys.pick(unit ?? "", `=${typed}`),
    queryFn: () =>
      call(client.GET("/api/registry", { params: { query: { unit: unit ?? "", q: typed, limit: 5 } } })),
    enabled: Boolean(unit && typed.length >= 3),
  });
  const key = typed.toLocaleLowerCase("vi");
  return found.data?.items.find((d) => d.numberSymbol.toLocaleLowerCase("vi") === key) ?? null;
}
