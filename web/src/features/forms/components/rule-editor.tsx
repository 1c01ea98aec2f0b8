import { ActionIcon, Group, Select, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { DraftRule, Problem } from "../form-draft.ts";

const OPERATORS = ["==", "!=", "<", "<=", ">", ">="] as const;

/**
 * One validation rule of a report form: a left expression, an operator and a right expression over indicator
 * codes, its severity (an error blocks sending, a warning asks), and its message in both languages.
 */
export function RuleEditor({
  rule: r,
  index: i,
  problems,
  fieldError,
  say,
  onChange,
  onRemove,
}: {
  rule: DraftRule;
  index: number;
  problems: Problem[];
  fieldError: (path: string) => string | undefined;
  say: (p: Problem) => string;
  onChange: (r: DraftRule) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="nowrap">
        <TextInput
          size="xs"
          style={{ flex: 1 }}
          placeholder="DVK_MODELS_TOTAL"
          value={r.left}
          error={fieldError(`rules.${i}.left`)}
          onChange={(e) => onChange({ ...r, left: e.currentTarget.value })}
          aria-label={t("forms.builder.left")}
        />
        <Select
          size="xs"
          w={80}
          allowDeselect={false}
          data={[...OPERATORS]}
          value={r.operator}
          onChange={(v) => v && onChange({ ...r, operator: v as DraftRule["operator"] })}
          aria-label={t("forms.builder.operator")}
        />
        <TextInput
          size="xs"
          style={{ flex: 1 }}
          placeholder="DVK_MODELS_NEW + DVK_MODELS_KEPT"
          value={r.right}
          error={fieldError(`rules.${i}.right`)}
          onChange={(e) => onChange({ ...r, right: e.currentTarget.value })}
          aria-label={t("forms.builder.right")}
        />
        <Select
          size="xs"
          w={120}
          allowDeselect={false}
          data={[
            { value: "error", label: t("forms.builder.error") },
            { value: "warning", label: t("forms.builder.warning") },
          ]}
          value={r.severity}
          onChange={(v) => v && onChange({ ...r, severity: v as DraftRule["severity"] })}
          aria-label={t("forms.builder.severity")}
        />
        <ActionIcon size="sm" variant="default" aria-label={t("forms.builder.removeRule")} onClick={onRemove}>
          ✕
        </ActionIcon>
      </Group>
      <Group gap="xs" grow>
        <TextInput
          size="xs"
          placeholder={t("forms.builder.messageVi")}
          value={r.messageVi}
          error={fieldError(`rules.${i}.messageVi`)}
          onChange={(e) => onChange({ ...r, messageVi: e.currentTarget.value })}
          aria-label={t("forms.builder.messageVi")}
        />
        <TextInput
          size="xs"
          placeholder={t("forms.builder.messageEn")}
          value={r.messageEn}
          error={fieldError(`rules.${i}.messageEn`)}
          onChange={(e) => onChange({ ...r, messageEn: e.currentTarget.value })}
          aria-label={t("forms.builder.messageEn")}
        />
      </Group>
      {problems.map((p) => (
        <Text key={p.path + p.messageEn} size="xs" c="red">
          {say(p)}
        </Text>
      ))}
    </Stack>
  );
}
