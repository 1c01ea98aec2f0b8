import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DialogActions } from "@/components/dialog-actions.tsx";
import { GuardedModal } from "@/components/guarded-modal.tsx";
import { useUnitName } from "@/components/unit-picker.tsx";
import { useMe } from "@/features/auth/api/me.ts";
import { ApiError, type BodyOf, call, client } from "@/lib/api.ts";
import { formatDateTime } from "@/lib/format.ts";
import { useLocalDraft } from "@/lib/local-draft.ts";
import { confirmDone } from "@/lib/notify.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import type { Fields } from "../api/models.ts";
import { modelKeys } from "../api/models.ts";
import { EMPTY_SHEET, type ModelDraft, ModelSheetFields, missingForModel } from "./model-sheet-fields.tsx";

export const emptyDraft = (year: number): ModelDraft => ({
  name: "",
  fieldCode: null,
  kind: "collective",
  startedOn: `${year}-01-01`,
  evaluationOn: null,
  sheet: EMPTY_SHEET,
});

export function RegisterModal({
  unit,
  year,
  fields,
  onClose,
}: {
  unit: string;
  year: number;
  fields: Fields["items"];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const me = useMe();
  const unitName = useUnitName(unit);
  const { error, onError, clear } = useApiError();
  const [draft, setDraft] = useState<ModelDraft>(() => emptyDraft(year));
  const dirty = JSON.stringify(draft) !== JSON.stringify(emptyDraft(year));
  // the sheet is long: what is typed is kept in this browser until it is saved
  const kept = useLocalDraft({
    user: me.data?.user.id,
    form: `model:${unit}:${year}`,
    value: draft,
    dirty,
    restore: (v) => setDraft({ ...emptyDraft(year), ...v, sheet: { ...EMPTY_SHEET, ...v.sheet } }),
  });
  const [duplicates, setDuplicates] = useState<{ id: number; name: string }[] | null>(null);
  const [typed] = useDebouncedValue(draft.name.trim(), 400);
  const similar = useQuery({
    queryKey: modelKeys.similar(unit, year, typed),
    queryFn: () =>
      call(client.GET("/api/models/similar", { params: { query: { unit, year, name: typed } } })),
    enabled: typed.length >= 3,
  });
  const save = useMutation({
    mutationFn: (confirmDuplicate: boolean) =>
      call(
        client.POST("/api/models", {
          body: {
            unitCode: unit,
            year,
            name: draft.name,
            fieldCode: draft.fieldCode ?? "",
            kind: draft.kind as BodyOf<"/api/models", "post">["kind"],
            details: draft.sheet,
            startedOn: draft.startedOn ?? "",
            evaluationOn: draft.evaluationOn,
            confirmDuplicate,
          },
        }),
      ),
    onSuccess: async () => {
      clear();
      kept.clear();
      await qc.invalidateQueries({ queryKey: modelKeys.all() });
      await qc.invalidateQueries({ queryKey: modelKeys.counts() });
      confirmDone(t("models.registered", { name: draft.name.trim() }));
      onClose();
    },
    onError: (err) => {
      if (err instanceof ApiError && err.code === "possible_duplicate") {
        clear();
        setDuplicates(err.details as { id: number; name: string }[]);
      } else onError(err);
    },
  });
  const alike = similar.data?.items ?? [];
  const missing = missingForModel(draft, t);
  return (
    <GuardedModal
      opened
      dirty={dirty}
      onClose={onClose}
      onDiscard={kept.clear}
      size="xl"
      title={t("models.registerTitle", { year, unit: unitName })}
    >
      {(close) => (
        <Stack gap="xs">
          {kept.restoredAt && (
            <Alert color="blue" data-testid="draft-restored">
              <Group justify="space-between" gap="xs">
                <Text size="sm">{t("models.draftRestored", { time: formatDateTime(kept.restoredAt) })}</Text>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => {
                    kept.clear();
                    setDraft(emptyDraft(year));
                  }}
                >
                  {t("models.dropDraft")}
                </Button>
              </Group>
            </Alert>
          )}
          <ModelSheetFields
            draft={draft}
            onChange={(patch) => {
              setDraft((d) => ({ ...d, ...patch }));
              if (patch.name !== undefined) setDuplicates(null);
            }}
            fields={fields}
            similar={alike.map((a) => a.name)}
          />
          {error && <Alert color="red">{error}</Alert>}
          {duplicates && (
            <Alert color="orange" data-testid="model-duplicate">
              <Stack gap={6}>
                <Text size="sm">
                  {t("models.duplicate")}: {duplicates.map((d) => `“${d.name}”`).join(", ")}
                </Text>
                <Group>
                  <Button size="xs" color="orange" onClick={() => save.mutate(true)} loading={save.isPending}>
                    {t("models.saveAnyway")}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
          <DialogActions
            label={t("models.save")}
            onAction={() => save.mutate(false)}
            busy={save.isPending}
            missing={missing}
            onCancel={close}
            testId="model"
          />
        </Stack>
      )}
    </GuardedModal>
  );
}
