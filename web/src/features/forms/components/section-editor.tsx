import { ActionIcon, Button, Group, Paper, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Indicator } from "@/lib/api.ts";
import { removeAt, replaceAt } from "@/lib/lists.ts";
import { type DraftSection, type Problem, withKind } from "../form-draft.ts";

/**
 * One section of a report form, edited in place: its key, depth (part or sub-part), kind and titles; a
 * narrative's guidance or a table's indicator rows; the problems found on it; buttons to move, remove, or add a
 * part or sub-part after it.
 */
export function SectionEditor({
  section: s,
  index: i,
  last,
  indicators,
  problems,
  fieldError,
  say,
  onChange,
  onMove,
  onRemove,
  onAddAfter,
}: {
  section: DraftSection;
  index: number;
  last: boolean;
  indicators: Indicator[];
  problems: Problem[];
  fieldError: (path: string) => string | undefined;
  say: (p: Problem) => string;
  onChange: (s: DraftSection) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  onAddAfter: (depth: 1 | 2) => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xs" ml={s.depth === 2 ? 28 : 0} data-testid={`section-${i}`}>
      <Stack gap={6}>
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            label={t("forms.builder.key")}
            w={80}
            value={s.key}
            error={fieldError(`sections.${i}.key`)}
            onChange={(e) => onChange({ ...s, key: e.currentTarget.value })}
          />
          <Select
            label={t("forms.builder.depth")}
            w={150}
            allowDeselect={false}
            data={[
              { value: "1", label: t("forms.builder.part") },
              { value: "2", label: t("forms.builder.subPart") },
            ]}
            value={String(s.depth)}
            onChange={(v) => onChange({ ...s, depth: v === "2" ? 2 : 1 })}
          />
          <Select
            label={t("forms.builder.kind")}
            w={170}
            allowDeselect={false}
            data={(["narrative", "table", "heading"] as const).map((k) => ({
              value: k,
              label: t(`forms.kind.${k}`),
            }))}
            value={s.kind}
            onChange={(v) => v && onChange(withKind(s, v as DraftSection["kind"]))}
            data-testid={`section-${i}-kind`}
          />
          <TextInput
            label={t("forms.builder.titleVi")}
            style={{ flex: 1 }}
            value={s.titleVi}
            error={fieldError(`sections.${i}.titleVi`)}
            onChange={(e) => onChange({ ...s, titleVi: e.currentTarget.value })}
            data-testid={`section-${i}-title-vi`}
          />
          <Group gap={2} wrap="nowrap">
            <ActionIcon
              variant="default"
              aria-label={t("forms.builder.up")}
              disabled={i === 0}
              onClick={() => onMove(-1)}
            >
              ↑
            </ActionIcon>
            <ActionIcon
              variant="default"
              aria-label={t("forms.builder.down")}
              disabled={last}
              onClick={() => onMove(1)}
            >
              ↓
            </ActionIcon>
            <ActionIcon
              variant="default"
              color="red"
              aria-label={t("forms.builder.removeSection")}
              onClick={onRemove}
            >
              ✕
            </ActionIcon>
          </Group>
        </Group>
        <TextInput
          label={t("forms.builder.titleEn")}
          size="xs"
          value={s.titleEn}
          error={fieldError(`sections.${i}.titleEn`)}
          onChange={(e) => onChange({ ...s, titleEn: e.currentTarget.value })}
          data-testid={`section-${i}-title-en`}
        />
        {s.kind === "narrative" && (
          <Textarea
            label={t("forms.builder.guidance")}
            size="xs"
            autosize
            minRows={1}
            value={s.guidanceVi ?? ""}
            onChange={(e) => onChange({ ...s, guidanceVi: e.currentTarget.value })}
          />
        )}
        {s.kind === "table" && (
          <TableRows
            section={s}
            index={i}
            indicators={indicators}
            fieldError={fieldError}
            onChange={onChange}
          />
        )}
        {problems.map((p) => (
          <Text key={p.path + p.messageEn} size="xs" c="red">
            {say(p)}
          </Text>
        ))}
        <Group gap="xs">
          <Button size="compact-xs" variant="subtle" onClick={() => onAddAfter(1)}>
            {t("forms.builder.addPart")}
          </Button>
          <Button size="compact-xs" variant="subtle" onClick={() => onAddAfter(2)}>
            {t("forms.builder.addSubPart")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** A table section's rows: each an indicator and, where the indicator has breakdowns, the one it is shown by. */
function TableRows({
  section: s,
  index: i,
  indicators,
  fieldError,
  onChange,
}: {
  section: DraftSection;
  index: number;
  indicators: Indicator[];
  fieldError: (path: string) => string | undefined;
  onChange: (s: DraftSection) => void;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const options = indicators.map((x) => ({
    value: x.code,
    label: `${x.code} — ${en ? x.nameEn : x.nameVi}`,
  }));
  const byCode = new Map(indicators.map((x) => [x.code, x]));
  const rows = s.rows ?? [];
  return (
    <Stack gap={4}>
      {rows.map((r, j) => {
        const categories = Object.entries(byCode.get(r.indicator)?.categories ?? {});
        return (
          <Group
            // biome-ignore lint/suspicious/noArrayIndexKey: every input is controlled; a row is its place in the list
            key={j}
            gap="xs"
            wrap="nowrap"
            data-testid={`section-${i}-row-${j}`}
          >
            <Select
              size="xs"
              style={{ flex: 1 }}
              searchable
              placeholder={t("forms.builder.pickIndicator")}
              nothingFoundMessage={t("forms.builder.noIndicator")}
              data={options}
              value={r.indicator || null}
              error={fieldError(`sections.${i}.rows.${j}`)}
              onChange={(v) => onChange({ ...s, rows: replaceAt(rows, j, { indicator: v ?? "" }) })}
              aria-label={t("forms.builder.indicator")}
            />
            <Select
              size="xs"
              w={300}
              placeholder={t("forms.builder.noBreakdown")}
              clearable
              disabled={categories.length === 0}
              data={categories.map(([c, values]) => ({
                value: c,
                label: `${t("forms.builder.by")} ${c} (${values.slice(0, 2).join(", ")}${values.length > 2 ? ", …" : ""})`,
              }))}
              value={r.by ?? null}
              onChange={(v) =>
                onChange({
                  ...s,
                  rows: replaceAt(
                    rows,
                    j,
                    v ? { indicator: r.indicator, by: v } : { indicator: r.indicator },
                  ),
                })
              }
              aria-label={t("forms.builder.breakdown")}
            />
            <ActionIcon
              size="sm"
              variant="default"
              aria-label={t("forms.builder.removeRow")}
              onClick={() => onChange({ ...s, rows: removeAt(rows, j) })}
            >
              ✕
            </ActionIcon>
          </Group>
        );
      })}
      <Group>
        <Button
          size="compact-xs"
          variant="light"
          onClick={() => onChange({ ...s, rows: [...rows, { indicator: "" }] })}
        >
          {t("forms.builder.addRow")}
        </Button>
      </Group>
    </Stack>
  );
}
