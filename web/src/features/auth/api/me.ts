/** The signed-in user (null when nobody is), read once and kept; its CSRF token is handed to the client. @module */
import { useQuery } from "@tanstack/react-query";
import { call, client, setCsrfToken } from "@/lib/api.ts";

export const authKeys = {
  me: () => ["me"] as const,
};

export function useMe() {
  return useQuery({
    queryKey: authKeys.me(),
    queryFn: async () => {
      try {
        const me = await call(client.GET("/api/auth/me"));
        setCsrfToken(me.csrfToken);
        return me;
      } catch {
        return null;
      }
    },
  });
}
