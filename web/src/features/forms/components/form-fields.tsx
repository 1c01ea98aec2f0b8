import { Checkbox, Group, Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { FormDraft } from "../form-draft.ts";

const LEVELS = ["province", "district", "commune", "hamlet"] as const;

/** A report form's own fields: its code (fixed once saved), outlier threshold, names, description and levels. */
export function FormFields({
  draft,
  isNew,
  fieldError,
  onChange,
}: {
  draft: FormDraft;
  isNew: boolean;
  fieldError: (path: string) => string | undefined;
  onChange: (draft: FormDraft) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Group grow align="flex-start">
        <TextInput
          label={t("forms.builder.code")}
          description={isNew ? t("forms.builder.codeHint") : undefined}
          value={draft.code}
          disabled={!isNew}
          error={fieldError("code")}
          onChange={(e) => onChange({ ...draft, code: e.currentTarget.value })}
        />
        <TextInput
          label={t("forms.builder.outlier")}
          value={draft.outlierPercent}
          error={fieldError("outlierPercent")}
          rightSection="%"
          onChange={(e) => onChange({ ...draft, outlierPercent: e.currentTarget.value })}
        />
      </Group>
      <TextInput
        label={t("forms.builder.nameVi")}
        value={draft.nameVi}
        error={fieldError("nameVi")}
        onChange={(e) => onChange({ ...draft, nameVi: e.currentTarget.value })}
        data-testid="form-name-vi"
      />
      <TextInput
        label={t("forms.builder.nameEn")}
        value={draft.nameEn}
        error={fieldError("nameEn")}
        onChange={(e) => onChange({ ...draft, nameEn: e.currentTarget.value })}
      />
      <Textarea
        label={t("forms.builder.description")}
        autosize
        minRows={2}
        value={draft.description}
        onChange={(e) => onChange({ ...draft, description: e.currentTarget.value })}
      />
      <Checkbox.Group
        label={t("forms.levels")}
        value={draft.levels}
        error={fieldError("levels")}
        onChange={(v) => onChange({ ...draft, levels: LEVELS.filter((l) => v.includes(l)) })}
      >
        <Group mt={4}>
          {LEVELS.map((l) => (
            <Checkbox key={l} value={l} label={t(l)} />
          ))}
        </Group>
      </Checkbox.Group>
    </>
  );
}
