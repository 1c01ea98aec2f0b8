import { Alert } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { StopButton } from "@/components/stop-dialog.tsx";
import { type AnswerOf, call, client } from "@/lib/api.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import { evaluationKeys } from "../api/evaluations.ts";

type Scheme = AnswerOf<"/api/evaluation-schemes/{id}", "get">;
type Listed = AnswerOf<"/api/evaluation-schemes", "get">["items"][number];

/** A scheme as the year list names it: the year, whom it scores when not the communes, and whether withdrawn. */
export function schemeLabel(s: Pick<Listed, "year" | "enrols" | "withdrawn">, t: TFunction): string {
  const who =
    s.enrols === "department"
      ? ` · ${t("evaluations.yearDepartments")}`
      : s.enrols === "district"
        ? ` · ${t("evaluations.yearDistricts")}`
        : "";
  return `${s.year}${who}${s.withdrawn ? ` (${t("evaluations.withdrawnShort")})` : ""}`;
}

/**
 * A scheme withdrawn with its reason, until the first unit scores itself (issued for the wrong year or units):
 * it stays listed, marked, and the province may issue another in its place.
 */
export function WithdrawScheme({ scheme }: { scheme: Scheme }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { error, onError } = useApiError();
  const withdraw = useMutation({
    mutationFn: (reason: string) =>
      call(
        client.PATCH("/api/evaluation-schemes/{id}", {
          params: { path: { id: scheme.id } },
          body: { version: scheme.version, withdrawn: true, withdrawnReason: reason },
        }),
      ),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: evaluationKeys.schemes() });
      await qc.invalidateQueries({ queryKey: evaluationKeys.schemeLists() });
    },
    onError,
  });
  return (
    <>
      <StopButton
        label={t("evaluations.withdraw")}
        reasonLabel={t("evaluations.withdrawReason")}
        busy={withdraw.isPending}
        onStop={(reason) => withdraw.mutateAsync(reason)}
        testId="scheme-withdraw"
      />
      {error && <Alert color="red">{error}</Alert>}
    </>
  );
}
