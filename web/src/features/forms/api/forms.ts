/** The report forms as pickers read them (every form's latest version, and the versions list). @module */
import { useQuery } from "@tanstack/react-query";
import { call, client } from "@/lib/api.ts";

export const formKeys = {
  all: () => ["forms"] as const,
};

export function useForms() {
  return useQuery({ queryKey: formKeys.all(), queryFn: () => call(client.GET("/api/forms")) });
}

/**
 * The forms, and the one a request asking `level` starts with: the first made for that level (a district-only
 * form of before the reform is not offered first to a province asking its communes), else the first.
 */
export function useFormsFor(level: "province" | "district" | "commune" | "hamlet") {
  const forms = useForms();
  const items = forms.data?.items ?? [];
  return { items, first: items.find((f) => f.levels.includes(level)) ?? items[0] };
}
