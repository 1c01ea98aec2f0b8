import {
  Alert,
  Button,
  Group,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DateField } from "@/components/date-field.tsx";
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

export const EMPTY_SHEET = {
  rationale: "",
  goals: "",
  contentMethod: "",
  area: "",
  targetGroup: "",
  forces: { lead: "", coordinating: "", participating: "" },
  resources: "",
  milestones: [] as { date: string; text: string }[],
  expectedOutputs: "",
  sustainability: "",
};

/** What the register dialog holds: the model's name and kind, its dates and its sheet. */
export type ModelDraft = {
  name: string;
  fieldCode: string | null;
  kind: string;
  startedOn: string | null;
  evaluationOn: string | null;
  sheet: typeof EMPTY_SHEET;
};

export const emptyDraft = (year: number): ModelDraft => ({
  name: "",
  fieldCode: null,
  kind: "collective",
  startedOn: `${year}-01-01`,
  evaluationOn: null,
  sheet: EMPTY_SHEET,
});

/** Why the register button cannot be pressed yet, in the order the fields stand; none when it can. */
export function missingForModel(d: ModelDraft, t: (k: string) => string): string[] {
  return [
    ...(d.name.trim().length < 3 ? [t("models.needName")] : []),
    ...(!d.fieldCode ? [t("models.needField")] : []),
    ...(!d.startedOn ? [t("models.needStartedOn")] : []),
  ];
}

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
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
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
  const set = (patch: Partial<ModelDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setSheet = (patch: Partial<ModelDraft["sheet"]>) =>
    setDraft((d) => ({ ...d, sheet: { ...d.sheet, ...patch } }));
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
  const text = (key: Exclude<keyof typeof EMPTY_SHEET, "forces" | "milestones">, rows = 2) => (
    <Textarea
      label={t(`models.sheet.${key}`)}
      autosize
      minRows={rows}
      value={draft.sheet[key]}
      onChange={(e) => setSheet({ [key]: e.currentTarget.value })}
      data-testid={`sheet-${key}`}
    />
  );
  const force = (key: keyof typeof EMPTY_SHEET.forces) => (
    <TextInput
      label={t(`models.sheet.forces.${key}`)}
      value={draft.sheet.forces[key]}
      onChange={(e) => setSheet({ forces: { ...draft.sheet.forces, [key]: e.currentTarget.value } })}
    />
  );
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
          <TextInput
            label={t("models.name")}
            withAsterisk
            value={draft.name}
            onChange={(e) => {
              set({ name: e.currentTarget.value });
              setDuplicates(null);
            }}
            data-testid="model-name"
            data-autofocus
          />
          {alike.length > 0 && (
            <Alert color="yellow" data-testid="model-similar">
              {t("models.similar")}: {alike.map((a) => `“${a.name}”`).join(", ")}
            </Alert>
          )}
          <Group grow align="flex-start">
            <Select
              label={t("models.field")}
              withAsterisk
              data={fields.map((f) => ({ value: f.code, label: en ? f.nameEn : f.nameVi }))}
              value={draft.fieldCode}
              onChange={(v) => set({ fieldCode: v })}
              data-testid="model-field"
            />
            <Radio.Group label={t("models.kind")} value={draft.kind} onChange={(v) => set({ kind: v })}>
              <Group mt={8}>
                <Radio value="collective" label={t("models.kinds.collective")} />
                <Radio value="individual" label={t("models.kinds.individual")} />
              </Group>
            </Radio.Group>
          </Group>
          <Group grow align="flex-start">
            <DateField
              label={t("models.startedOnLabel")}
              withAsterisk
              value={draft.startedOn}
              onChange={(v) => set({ startedOn: v })}
            />
            <DateField
              label={t("models.evaluationOnLabel")}
              value={draft.evaluationOn}
              onChange={(v) => set({ evaluationOn: v })}
              clearable
            />
          </Group>
          {text("rationale")}
          {text("goals")}
          {text("contentMethod", 3)}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t("models.sheet.area")}
              value={draft.sheet.area}
              onChange={(e) => setSheet({ area: e.currentTarget.value })}
            />
            <TextInput
              label={t("models.sheet.targetGroup")}
              value={draft.sheet.targetGroup}
              onChange={(e) => setSheet({ targetGroup: e.currentTarget.value })}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {force("lead")}
            {force("coordinating")}
            {force("participating")}
          </SimpleGrid>
          {text("resources")}
          {text("expectedOutputs")}
          {text("sustainability")}
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
