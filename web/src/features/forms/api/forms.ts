/** The report forms as pickers read them (every form's latest version, and the versions list). @module */
import { useQuery } from "@tanstack/react-query";
import { call, client } from "@/lib/api.ts";

export const formKeys = {
  all: () => ["forms"] as const,
};

export function useForms() {
  return useQuery({ queryKey: formKeys.all(), queryFn: () => call(client.GET("/api/forms")) });
}
