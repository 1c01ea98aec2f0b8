import {
  Accordion,
  Alert,
  Badge,
  Button,
  Group,
  List,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { indicatorKeys } from "@/features/indicators/api/keys.ts";
import { ApiError, call, client } from "@/lib/api.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import { formKeys, useForms } from "../api/forms.ts";
import { cleanDraft, draftOf, emptyDraft, type FormDraft, problemsByPlace } from "../form-draft.ts";
import { FormBuilder } from "./form-builder.tsx";

/**
 * The report forms: sections, indicator tables and rules of each. System admins build a new version of a form
 * (or a new form) in the form builder; each save is a new version, the earlier ones stay as they were.
 */
export function FormsPage({ canManage }: { canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const qc = useQueryClient();
  const q = useForms();
  const indicators = useQuery({
    queryKey: indicatorKeys.all(),
    queryFn: () => call(client.GET("/api/indicators")),
    enabled: canManage,
  });
  // the form being edited ("" for a new one) and the draft it started from
  const [editing, setEditing] = useState<{ code: string; draft: FormDraft } | null>(null);
  const { error, onError, clear } = useApiError();
  const [failure, setFailure] = useState<unknown>(null);
  const save = useMutation({
    mutationFn: (d: FormDraft) => call(client.POST("/api/forms", { body: cleanDraft(d) })),
    onSuccess: async () => {
      clear();
      setFailure(null);
      setEditing(null);
      await qc.invalidateQueries({ queryKey: formKeys.all() });
    },
    onError: (err) => {
      onError(err);
      setFailure(err);
    },
  });
  const problems = problemsByPlace(failure instanceof ApiError ? failure.details : null);
  const open = (code: string, draft: FormDraft) => {
    clear();
    setFailure(null);
    setEditing({ code, draft });
  };
  const builder = (isNew: boolean) =>
    editing && (
      <FormBuilder
        key={editing.code}
        initial={editing.draft}
        isNew={isNew}
        indicators={indicators.data?.items ?? []}
        saving={save.isPending}
        problems={problems}
        onSave={(d) => save.mutate(d)}
        onCancel={() => setEditing(null)}
      />
    );
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t("forms.title")}</Title>
        {canManage && editing?.code !== "" && (
          <Button size="xs" variant="light" onClick={() => open("", emptyDraft())}>
            {t("forms.builder.newForm")}
          </Button>
        )}
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {editing?.code === "" && (
        <Paper withBorder p="sm">
          <Text fw={600} mb="xs">
            {t("forms.builder.newForm")}
          </Text>
          {builder(true)}
        </Paper>
      )}
      <Accordion variant="separated" data-testid="forms">
        {q.data?.items.map((f) => (
          <Accordion.Item key={f.code} value={f.code}>
            <Accordion.Control>
              <Group gap="xs">
                <Text fw={600}>{en ? f.nameEn : f.nameVi}</Text>
                <Badge variant="light">v{f.version}</Badge>
                {f.builtIn && <Badge variant="outline">{t("builtIn")}</Badge>}
                <Text size="xs" c="dimmed">
                  {f.code} · {q.data?.versions.filter((v) => v.code === f.code).length} {t("forms.versions")}
                </Text>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <Stack gap="xs">
                <Text size="sm">{f.description}</Text>
                <Text size="sm">
                  {t("forms.levels")}: {f.levels.map((l) => t(l)).join(", ")}
                </Text>
                <List size="sm">
                  {f.sections.map((s) => (
                    <List.Item key={s.key} ml={s.depth === 2 ? 20 : 0}>
                      <b>{s.key}</b> {en ? s.titleEn : s.titleVi}{" "}
                      <Text span size="xs" c="dimmed">
                        ({t(`forms.kind.${s.kind}`)}
                        {s.rows
                          ? `: ${s.rows.map((r) => r.indicator + (r.by ? ` × ${r.by}` : "")).join(", ")}`
                          : ""}
                        )
                      </Text>
                    </List.Item>
                  ))}
                </List>
                {f.rules.length > 0 && (
                  <Table>
                    <Table.Tbody>
                      {f.rules.map((r) => (
                        <Table.Tr key={`${r.left}${r.operator}${r.right}`}>
                          <Table.Td>
                            <code>
                              {r.left} {r.operator} {r.right}
                            </code>
                          </Table.Td>
                          <Table.Td>
                            <Badge color={r.severity === "error" ? "red" : "yellow"}>{r.severity}</Badge>
                          </Table.Td>
                          <Table.Td>{en ? r.messageEn : r.messageVi}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                )}
                {canManage && editing?.code !== f.code && (
                  <Group>
                    <Button size="xs" variant="default" onClick={() => open(f.code, draftOf(f))}>
                      {t("forms.newVersion")}
                    </Button>
                  </Group>
                )}
                {editing?.code === f.code && builder(false)}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Stack>
  );
}
