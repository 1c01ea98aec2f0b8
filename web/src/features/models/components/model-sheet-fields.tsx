import { Alert, Group, Radio, Select, SimpleGrid, Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DateField } from "@/components/date-field.tsx";
import type { Fields } from "../api/models.ts";

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

/** What the register and correct dialogs hold: the model's name and kind, its dates and its sheet. */
export type ModelDraft = {
  name: string;
  fieldCode: string | null;
  kind: string;
  startedOn: string | null;
  evaluationOn: string | null;
  sheet: typeof EMPTY_SHEET;
};

/** Why the save button cannot be pressed yet, in the order the fields stand; none when it can. */
export function missingForModel(d: ModelDraft, t: (k: string) => string): string[] {
  return [
    ...(d.name.trim().length < 3 ? [t("models.needName")] : []),
    ...(!d.fieldCode ? [t("models.needField")] : []),
    ...(!d.startedOn ? [t("models.needStartedOn")] : []),
  ];
}

/**
 * A model's registration sheet (name, field, kind, dates, rationale, goals, forces…), as the unit registers it
 * and later corrects it. `similar` names the unit's models of the year with a name like the one typed.
 */
export function ModelSheetFields({
  draft,
  onChange,
  fields,
  similar = [],
}: {
  draft: ModelDraft;
  onChange: (patch: Partial<ModelDraft>) => void;
  fields: Fields["items"];
  similar?: string[];
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const setSheet = (patch: Partial<ModelDraft["sheet"]>) => onChange({ sheet: { ...draft.sheet, ...patch } });
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
  return (
    <>
      <TextInput
        label={t("models.name")}
        withAsterisk
        value={draft.name}
        onChange={(e) => onChange({ name: e.currentTarget.value })}
        data-testid="model-name"
        data-autofocus
      />
      {similar.length > 0 && (
        <Alert color="yellow" data-testid="model-similar">
          {t("models.similar")}: {similar.map((name) => `“${name}”`).join(", ")}
        </Alert>
      )}
      <Group grow align="flex-start">
        <Select
          label={t("models.field")}
          withAsterisk
          data={fields.map((f) => ({ value: f.code, label: en ? f.nameEn : f.nameVi }))}
          value={draft.fieldCode}
          onChange={(v) => onChange({ fieldCode: v })}
          data-testid="model-field"
        />
        <Radio.Group label={t("models.kind")} value={draft.kind} onChange={(v) => onChange({ kind: v })}>
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
          onChange={(v) => onChange({ startedOn: v })}
        />
        <DateField
          label={t("models.evaluationOnLabel")}
          value={draft.evaluationOn}
          onChange={(v) => onChange({ evaluationOn: v })}
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
    </>
  );
}
