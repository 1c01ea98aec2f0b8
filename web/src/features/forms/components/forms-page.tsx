import {
  Accordion,
  Alert,
  Badge,
  Button,
  Group,
  List,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api, type ReportForm } from "../../../lib/api.ts";
import { useApiError } from "../../../lib/use-api-error.ts";

type Forms = { items: ReportForm[]; versions: { id: number; code: string; version: number }[] };

/** The report forms: sections, indicator tables and rules of each; system admins save a new version as JSON. */
export function FormsPage({ canManage }: { canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ["forms"], queryFn: () => api<Forms>("GET", "/api/forms") });
  const [editing, setEditing] = useState<{ code: string; text: string } | null>(null);
  const { error, onError, clear } = useApiError();
  const save = useMutation({
    mutationFn: (text: string) => {
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new ApiError(
          400,
          "bad_json",
          "Nội dung không đúng định dạng JSON",
          "The text is not valid JSON",
          null,
        );
      }
      return api<ReportForm>("POST", "/api/forms", body);
    },
    onSuccess: async () => {
      clear();
      setEditing(null);
      await qc.invalidateQueries({ queryKey: ["forms"] });
    },
    onError,
  });
  const edit = (f: ReportForm) => {
    const { id: _id, version: _v, builtIn: _b, ...def } = f;
    setEditing({ code: f.code, text: JSON.stringify(def, null, 2) });
  };
  return (
    <Stack>
      <Title order={3}>{t("forms.title")}</Title>
      {error && <Alert color="red">{error}</Alert>}
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
                    <Button size="xs" variant="default" onClick={() => edit(f)}>
                      {t("forms.newVersion")}
                    </Button>
                  </Group>
                )}
                {editing?.code === f.code && (
                  <Stack gap="xs">
                    <Textarea
                      autosize
                      minRows={10}
                      maxRows={30}
                      value={editing.text}
                      onChange={(e) => setEditing({ code: f.code, text: e.currentTarget.value })}
                      styles={{ input: { fontFamily: "monospace", fontSize: 12 } }}
                      data-testid="form-json"
                    />
                    <Group>
                      <Button size="xs" onClick={() => save.mutate(editing.text)} loading={save.isPending}>
                        {t("forms.saveVersion")}
                      </Button>
                      <Button size="xs" variant="default" onClick={() => setEditing(null)}>
                        {t("cancel")}
                      </Button>
                    </Group>
                  </Stack>
                )}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Stack>
  );
}
