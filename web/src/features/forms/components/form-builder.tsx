import { Alert, Badge, Button, Group, Stack, Table, Tabs, Text, Textarea } from "@mantine/core";
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
} from "../form-draft.ts";
import { FormFields } from "./form-fields.tsx";
import { RuleEditor } from "./rule-editor.tsx";
import { SectionEditor } from "./section-editor.tsx";

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
          <FormFields draft={draft} isNew={isNew} fieldError={fieldError} onChange={setDraft} />

          <Text fw={600} mt="sm">
            {t("forms.builder.sections")}
          </Text>
          {draft.sections.map((s, i) => (
            <SectionEditor
              // biome-ignore lint/suspicious/noArrayIndexKey: every input is controlled; a section is its place in the list
              key={i}
              section={s}
              index={i}
              last={i === draft.sections.length - 1}
              indicators={indicators}
              problems={sectionProblems(i)}
              fieldError={fieldError}
              say={say}
              onChange={(next) => setSection(i, next)}
              onMove={(by) => setDraft({ ...draft, sections: move(draft.sections, i, by) })}
              onRemove={() => setDraft({ ...draft, sections: removeAt(draft.sections, i) })}
              onAddAfter={(depth) => setDraft(addSection(draft, i, depth))}
            />
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
                      <RuleEditor
                        rule={r}
                        index={i}
                        problems={ruleProblems(i)}
                        fieldError={fieldError}
                        say={say}
                        onChange={(next) => setRule(i, next)}
                        onRemove={() => setDraft({ ...draft, rules: removeAt(draft.rules, i) })}
                      />
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
