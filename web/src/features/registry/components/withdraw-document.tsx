import { Alert, Button, Group } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { StopButton } from "@/components/stop-dialog.tsx";
import { type AnswerOf, call, client } from "@/lib/api.ts";
import { formatDate } from "@/lib/format.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import { registryKeys } from "../api/keys.ts";

type Doc = AnswerOf<"/api/registry/{id}", "get">;

/** A withdrawn entry's mark, with its day and reason. */
export function WithdrawnNote({ doc }: { doc: Pick<Doc, "withdrawn"> }) {
  const { t } = useTranslation();
  if (!doc.withdrawn) return null;
  return (
    <Alert color="red" variant="light" data-testid="registry-withdrawn">
      {t("registry.withdrawnOn", { date: formatDate(doc.withdrawn.on), reason: doc.withdrawn.reason })}
    </Alert>
  );
}

/**
 * An entry withdrawn (a document recalled by its issuer, NĐ 30/2020 Art. 16(3), or registered by mistake) with
 * its reason, or restored; it is never deleted, and stays listed, marked.
 */
export function WithdrawDocument({ doc }: { doc: Doc }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { error, onError, clear } = useApiError();
  const write = useMutation({
    mutationFn: (body: { withdrawn: boolean; withdrawnReason?: string }) =>
      call(
        client.PATCH("/api/registry/{id}", {
          params: { path: { id: doc.id } },
          body: { version: doc.version, ...body },
        }),
      ),
    onSuccess: async () => {
      clear();
      await qc.invalidateQueries({ queryKey: registryKeys.one(doc.id) });
      await qc.invalidateQueries({ queryKey: registryKeys.all() });
    },
    onError,
  });
  return (
    <>
      {error && <Alert color="red">{error}</Alert>}
      <Group>
        {doc.withdrawn ? (
          <Button
            size="xs"
            variant="subtle"
            loading={write.isPending}
            onClick={() => write.mutate({ withdrawn: false })}
            data-testid="registry-restore"
          >
            {t("registry.restore")}
          </Button>
        ) : (
          <StopButton
            label={t("registry.withdraw")}
            reasonLabel={t("registry.withdrawReason")}
            busy={write.isPending}
            onStop={(reason) => write.mutateAsync({ withdrawn: true, withdrawnReason: reason })}
            testId="registry-withdraw"
          />
        )}
      </Group>
    </>
  );
}
