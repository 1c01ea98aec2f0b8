import { Alert, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DateField } from "@/components/date-field.tsx";
import { DialogActions } from "@/components/dialog-actions.tsx";
import { GuardedModal } from "@/components/guarded-modal.tsx";
import { type AnswerOf, call, client } from "@/lib/api.ts";
import { confirmDone } from "@/lib/notify.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import { evaluationKeys } from "../api/evaluations.ts";
import type { SchemeBody, SchemeSent } from "../scheme.ts";
import { SchemeEditor } from "./scheme-editor.tsx";

type Scheme = AnswerOf<"/api/evaluation-schemes/{id}", "get">;

/**
 * Correcting a scheme before its results are published: its name and self-scoring window always; its items,
 * bands and caps only until the first unit scores itself (the page says why they are shown locked).
 */
export function EditScheme({ scheme, onClose }: { scheme: Scheme; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { error, onError } = useApiError();
  const [name, setName] = useState(scheme.name);
  const [from, setFrom] = useState<string | null>(scheme.selfFrom);
  const [until, setUntil] = useState<string | null>(scheme.selfUntil);
  const [items, setItems] = useState<SchemeBody | null>(null);
  const dirty =
    name !== scheme.name || from !== scheme.selfFrom || until !== scheme.selfUntil || items !== null;
  const save = useMutation({
    mutationFn: () =>
      call(
        client.PATCH("/api/evaluation-schemes/{id}", {
          params: { path: { id: scheme.id } },
          body: {
            version: scheme.version,
            name,
            selfFrom: from ?? "",
            selfUntil: until ?? "",
            ...(items ? { scheme: items as SchemeSent } : {}),
          },
        }),
      ),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: evaluationKeys.schemes() });
      await qc.invalidateQueries({ queryKey: evaluationKeys.schemeLists() });
      confirmDone(t("evaluations.corrected"));
      onClose();
    },
    onError,
  });
  const missing = [
    ...(!name.trim() ? [t("evaluations.needName")] : []),
    ...(!from ? [t("evaluations.needFrom")] : []),
    ...(!until ? [t("evaluations.needUntil")] : []),
  ];
  return (
    <GuardedModal opened dirty={dirty} onClose={onClose} title={t("evaluations.editTitle")} size="xl">
      {(close) => (
        <Stack>
          <TextInput
            label={t("evaluations.schemeName")}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            maxLength={300}
            data-testid="scheme-name-edit"
          />
          <DateField label={t("evaluations.selfFrom")} withAsterisk value={from} onChange={setFrom} />
          <DateField label={t("evaluations.selfUntil")} withAsterisk value={until} onChange={setUntil} />
          {scheme.can.editItems ? (
            <SchemeEditor value={items ?? (scheme.scheme as SchemeBody)} onChange={(v) => setItems(v)} />
          ) : (
            <Text size="sm" c="dimmed" data-testid="scheme-items-locked">
              {t("evaluations.itemsLocked")}
            </Text>
          )}
          {error && <Alert color="red">{error}</Alert>}
          <DialogActions
            label={t("evaluations.saveCorrection")}
            onAction={() => save.mutate()}
            busy={save.isPending}
            missing={missing}
            onCancel={close}
            testId="scheme-correct"
          />
        </Stack>
      )}
    </GuardedModal>
  );
}
