import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Indicator } from "@/lib/api.ts";
import { move, removeAt, replaceAt } from "@/lib/lists.ts";
import {
  addSection,
  type DraftRule,
  type DraftSection,
  draftProblems,
  type FormDraft,
  type Problem,
  withKind,
} from "../form-draft.ts";

const LEVELS = ["province", "district", "commune", "hamlet"] as const;
const OPERATORS = ["==", "!=", "<", "<=", ">", ">="] as const;

/**
 * The report form builder: the form's names and levels, its sections in order (parts and sub-parts; narrative,
 * heading or indicator table with its rows) and its validation rules, each edited in place; a JSON tab for
 * those who prefer the text. `problems` are the server's answers, sorted by section and rule.
 */
export function FormBuilder({
  initial,
  isNew,
  indicators,
  saving,
  problems,
  onSave,
  onCancel,
}: {
  initial: FormDraft;
  isNew: boolean;
  indicators: Indicator[];
  saving: boolean;
  problems: Map<string, Problem[]>;
  onSave: (draft: FormDraft) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const [draft, setDraft] = useState<FormDraft>(initial);
  const [tab, setTab] = useState<string>("builder");
  const [json, setJson] = useState("");
  const [jsonError, setJsonError] = useState<string | null>(null);
  // after a first attempt to save, the builder's own checks follow every change (a fixed field clears at once)
  const [tried, setTried] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const cancel = () => {
    const changed = tab === "json" || JSON.stringify(draft) !== JSON.stringify(initial);
    if (changed) setLeaving(true);
    else onCancel();
  };
  const local = tried && tab === "builder" ? draftProblems(draft) : [];
  const say = (p: Problem) => (en ? p.messageEn : p.messageVi);
  const fieldError = (path: string) => {
    const p = local.find((x) => x.path === path);
    return p ? say(p) : undefined;
  };
  const indicatorOptions = indicators.map((i) => ({
    value: i.code,
    label: `${i.code} — ${en ? i.nameEn : i.nameVi}`,
  }));
  const byCode = new Map(indicators.map((i) => [i.code, i]));

  const setSection = (i: number, s: DraftSection) =>
    setDraft({ ...draft, sections: replaceAt(draft.sections, i, s) });
  const setRule = (i: number, r: DraftRule) => setDraft({ ...draft, rules: replaceAt(draft.rules, i, r) });

  const fromJson = (): FormDraft | null => {
    try {
      const parsed = JSON.parse(json) as FormDraft;
      setJsonError(null);
      return parsed;
    } catch {
      setJsonError(t("forms.builder.badJson"));
      return null;
    }
  };
  const switchTab = (next: string | null) => {
    if (!next || next === tab) return;
    if (next === "json") setJson(JSON.stringify(draft, null, 2));
    else {
      const parsed = fromJson();
      if (!parsed) return; // stay on the text until it parses
      setDraft(parsed);
    }
    setTab(next);
  };
  const save = () => {
    const d = tab === "json" ? fromJson() : draft;
    if (!d) return;
    if (tab === "json") setDraft(d);
    setTried(true);
    if (draftProblems(d).length === 0) onSave(d);
  };

  // the builder's own findings on a field show under that field; the rest, and all the server's, as lines
  const sectionProblems = (i: number) => [
    ...(problems.get(`sections.${i}`) ?? []),
    ...local.filter((p) => p.path === `sections.${i}`),
  ];
  const ruleProblems = (i: number) => problems.get(`rules.${i}`) ?? [];
  const formProblems = [...(problems.get("form") ?? []), ...local.filter((p) => p.path === "sections")];

  return (
    <Stack gap="sm" data-testid="form-builder">
      <Tabs value={tab} onChange={switchTab}>
        <Tabs.List>
          <Tabs.Tab value="builder">{t("forms.builder.structure")}</Tabs.Tab>
          <Tabs.Tab value="json">{t("forms.builder.json")}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {tab === "json" ? (
        <Stack gap="xs">
          {jsonError && <Alert color="red">{jsonError}</Alert>}
          <Textarea
            autosize
            minRows={10}
            maxRows={30}
            value={json}
            onChange={(e) => setJson(e.currentTarget.value)}
            styles={{ input: { fontFamily: "monospace", fontSize: 12 } }}
            data-testid="form-json"
          />
        </Stack>
      ) : (
        <Stack gap="sm">
          <Group grow align="flex-start">
            <TextInput
              label={t("forms.builder.code")}
              description={isNew ? t("forms.builder.codeHint") : undefined}
              value={draft.code}
              disabled={!isNew}
              error={fieldError("code")}
              onChange={(e) => setDraft({ ...draft, code: e.currentTarget.value })}
            />
            <TextInput
              label={t("forms.builder.outlier")}
              value={draft.outlierPercent}
              error={fieldError("outlierPercent")}
              rightSection="%"
              onChange={(e) => setDraft({ ...draft, outlierPercent: e.currentTarget.value })}
            />
          </Group>
          <TextInput
            label={t("forms.builder.nameVi")}
            value={draft.nameVi}
            error={fieldError("nameVi")}
            onChange={(e) => setDraft({ ...draft, nameVi: e.currentTarget.value })}
            data-testid="form-name-vi"
          />
          <TextInput
            label={t("forms.builder.nameEn")}
            value={draft.nameEn}
            error={fieldError("nameEn")}
            onChange={(e) => setDraft({ ...draft, nameEn: e.currentTarget.value })}
          />
          <Textarea
            label={t("forms.builder.description")}
            autosize
            minRows={2}
            value={draft.description}
            onChange={(e) => setDraft({ ...draft, description: e.currentTarget.value })}
          />
          <Checkbox.Group
            label={t("forms.levels")}
            value={draft.levels}
            error={fieldError("levels")}
            onChange={(v) => setDraft({ ...draft, levels: LEVELS.filter((l) => v.includes(l)) })}
          >
            <Group mt={4}>
              {LEVELS.map((l) => (
                <Checkbox key={l} value={l} label={t(l)} />
              ))}
            </Group>
          </Checkbox.Group>

          <Text fw={600} mt="sm">
            {t("forms.builder.sections")}
          </Text>
          {draft.sections.map((s, i) => (
            <Paper
              // biome-ignore lint/suspicious/noArrayIndexKey: every input is controlled; a section is its place in the list
              key={i}
              withBorder
              p="xs"
              ml={s.depth === 2 ? 28 : 0}
              data-testid={`section-${i}`}
            >
              <Stack gap={6}>
                <Group gap="xs" align="flex-end" wrap="nowrap">
                  <TextInput
                    label={t("forms.builder.key")}
                    w={80}
                    value={s.key}
                    error={fieldError(`sections.${i}.key`)}
                    onChange={(e) => setSection(i, { ...s, key: e.currentTarget.value })}
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
                    onChange={(v) => setSection(i, { ...s, depth: v === "2" ? 2 : 1 })}
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
                    onChange={(v) => v && setSection(i, withKind(s, v as DraftSection["kind"]))}
                    data-testid={`section-${i}-kind`}
                  />
                  <TextInput
                    label={t("forms.builder.titleVi")}
                    style={{ flex: 1 }}
                    value={s.titleVi}
                    error={fieldError(`sections.${i}.titleVi`)}
                    onChange={(e) => setSection(i, { ...s, titleVi: e.currentTarget.value })}
                    data-testid={`section-${i}-title-vi`}
                  />
                  <Group gap={2} wrap="nowrap">
                    <ActionIcon
                      variant="default"
                      aria-label={t("forms.builder.up")}
                      disabled={i === 0}
                      onClick={() => setDraft({ ...draft, sections: move(draft.sections, i, -1) })}
                    >
                      ↑
                    </ActionIcon>
                    <ActionIcon
                      variant="default"
                      aria-label={t("forms.builder.down")}
                      disabled={i === draft.sections.length - 1}
                      onClick={() => setDraft({ ...draft, sections: move(draft.sections, i, 1) })}
                    >
                      ↓
                    </ActionIcon>
                    <ActionIcon
                      variant="default"
                      color="red"
                      aria-label={t("forms.builder.removeSection")}
                      onClick={() => setDraft({ ...draft, sections: removeAt(draft.sections, i) })}
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
                  onChange={(e) => setSection(i, { ...s, titleEn: e.currentTarget.value })}
                  data-testid={`section-${i}-title-en`}
                />
                {s.kind === "narrative" && (
                  <Textarea
                    label={t("forms.builder.guidance")}
                    size="xs"
                    autosize
                    minRows={1}
                    value={s.guidanceVi ?? ""}
                    onChange={(e) => setSection(i, { ...s, guidanceVi: e.currentTarget.value })}
                  />
                )}
                {s.kind === "table" && (
                  <Stack gap={4}>
                    {(s.rows ?? []).map((r, j) => {
                      const categories = Object.entries(byCode.get(r.indicator)?.categories ?? {});
                      return (
                        <Group
                          // biome-ignore lint/suspicious/noArrayIndexKey: as for sections, a row is its place
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
                            data={indicatorOptions}
                            value={r.indicator || null}
                            error={fieldError(`sections.${i}.rows.${j}`)}
                            onChange={(v) =>
                              setSection(i, {
                                ...s,
                                rows: replaceAt(s.rows ?? [], j, { indicator: v ?? "" }),
                              })
                            }
                            aria-label={t("forms.builder.indicator")}
                          />
                          <Select
                            size="xs"
                            w={300}
                            placeholder={t("forms.builder.noBreakdown")}
                            clearable
                            disabled={categories.length === 0}
                            data={categories.map(([c, options]) => ({
                              value: c,
                              label: `${t("forms.builder.by")} ${c} (${options.slice(0, 2).join(", ")}${options.length > 2 ? ", …" : ""})`,
                            }))}
                            value={r.by ?? null}
                            onChange={(v) =>
                              setSection(i, {
                                ...s,
                                rows: replaceAt(
                                  s.rows ?? [],
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
                            onClick={() => setSection(i, { ...s, rows: removeAt(s.rows ?? [], j) })}
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
                        onClick={() => setSection(i, { ...s, rows: [...(s.rows ?? []), { indicator: "" }] })}
                      >
                        {t("forms.builder.addRow")}
                      </Button>
                    </Group>
                  </Stack>
                )}
                {sectionProblems(i).map((p) => (
                  <Text key={p.path + p.messageEn} size="xs" c="red">
                    {say(p)}
                  </Text>
                ))}
                <Group gap="xs">
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => setDraft(addSection(draft, i, 1))}
                  >
                    {t("forms.builder.addPart")}
                  </Button>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => setDraft(addSection(draft, i, 2))}
                  >
                    {t("forms.builder.addSubPart")}
                  </Button>
                </Group>
              </Stack>
            </Paper>
          ))}
          {draft.sections.length === 0 && (
            <Group>
              <Button size="xs" variant="light" onClick={() => setDraft(addSection(draft, -1, 1))}>
                {t("forms.builder.addPart")}
              </Button>
            </Group>
          )}

          <Text fw={600} mt="sm">
            {t("forms.builder.rules")}
          </Text>
          <Text size="xs" c="dimmed">
            {t("forms.builder.rulesHint")}
          </Text>
          {draft.rules.length > 0 && (
            <Table>
              <Table.Tbody>
                {draft.rules.map((r, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: as for sections, a rule is its place
                  <Table.Tr key={i} data-testid={`rule-${i}`}>
                    <Table.Td>
                      <Stack gap={4}>
                        <Group gap="xs" wrap="nowrap">
                          <TextInput
                            size="xs"
                            style={{ flex: 1 }}
                            placeholder="DVK_MODELS_TOTAL"
                            value={r.left}
                            error={fieldError(`rules.${i}.left`)}
                            onChange={(e) => setRule(i, { ...r, left: e.currentTarget.value })}
                            aria-label={t("forms.builder.left")}
                          />
                          <Select
                            size="xs"
                            w={80}
                            allowDeselect={false}
                            data={[...OPERATORS]}
                            value={r.operator}
                            onChange={(v) => v && setRule(i, { ...r, operator: v as DraftRule["operator"] })}
                            aria-label={t("forms.builder.operator")}
                          />
                          <TextInput
                            size="xs"
                            style={{ flex: 1 }}
                            placeholder="DVK_MODELS_NEW + DVK_MODELS_KEPT"
                            value={r.right}
                            error={fieldError(`rules.${i}.right`)}
                            onChange={(e) => setRule(i, { ...r, right: e.currentTarget.value })}
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
                            onChange={(v) => v && setRule(i, { ...r, severity: v as DraftRule["severity"] })}
                            aria-label={t("forms.builder.severity")}
                          />
                          <ActionIcon
                            size="sm"
                            variant="default"
                            aria-label={t("forms.builder.removeRule")}
                            onClick={() => setDraft({ ...draft, rules: removeAt(draft.rules, i) })}
                          >
                            ✕
                          </ActionIcon>
                        </Group>
                        <Group gap="xs" grow>
                          <TextInput
                            size="xs"
                            placeholder={t("forms.builder.messageVi")}
                            value={r.messageVi}
                            error={fieldError(`rules.${i}.messageVi`)}
                            onChange={(e) => setRule(i, { ...r, messageVi: e.currentTarget.value })}
                            aria-label={t("forms.builder.messageVi")}
                          />
                          <TextInput
                            size="xs"
                            placeholder={t("forms.builder.messageEn")}
                            value={r.messageEn}
                            error={fieldError(`rules.${i}.messageEn`)}
                            onChange={(e) => setRule(i, { ...r, messageEn: e.currentTarget.value })}
                            aria-label={t("forms.builder.messageEn")}
                          />
                        </Group>
                        {ruleProblems(i).map((p) => (
                          <Text key={p.path + p.messageEn} size="xs" c="red">
                            {say(p)}
                          </Text>
                        ))}
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Group>
            <Button
              size="xs"
              variant="light"
              onClick={() =>
                setDraft({
                  ...draft,
                  rules: [
                    ...draft.rules,
                    { left: "", operator: "==", right: "", severity: "error", messageVi: "", messageEn: "" },
                  ],
                })
              }
            >
              {t("forms.builder.addRule")}
            </Button>
          </Group>
        </Stack>
      )}
      {formProblems.map((p) => (
        <Alert key={p.path + p.messageEn} color="red" py={6}>
          {say(p)}
        </Alert>
      ))}
      {local.length > 0 && (
        <Badge color="red" variant="light">
          {t("forms.builder.fix", { count: local.length })}
        </Badge>
      )}
      <Group>
        <Button size="xs" onClick={save} loading={saving}>
          {isNew ? t("forms.builder.saveNew") : t("forms.saveVersion")}
        </Button>
        <Button size="xs" variant="default" onClick={cancel}>
          {t("cancel")}
        </Button>
      </Group>
      {leaving && (
        <Alert color="yellow" data-testid="discard-confirm">
          <Group justify="space-between">
            <Text size="sm">{t("forms.builder.discard")}</Text>
            <Group gap="xs">
              <Button size="compact-xs" color="red" onClick={onCancel}>
                {t("forms.builder.discardYes")}
              </Button>
              <Button size="compact-xs" variant="default" onClick={() => setLeaving(false)}>
                {t("forms.builder.keepEditing")}
              </Button>
            </Group>
          </Group>
        </Alert>
      )}
    </Stack>
  );
}
