import { Button, Group, Paper, Select, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { call, client } from "@/lib/api.ts";
import { formatDate } from "@/lib/format.ts";
import { reportingKeys } from "../api/keys.ts";
import { type Change, diffVersions } from "../entry.ts";

/** Every stored version, and what changed between any two. */
export function Revisions({ submissionId }: { submissionId: number }) {
  const { t } = useTranslation();
  const list = useQuery({
    queryKey: reportingKeys.revisions(submissionId),
    queryFn: () =>
      call(client.GET("/api/submissions/{id}/revisions", { params: { path: { id: submissionId } } })),
  });
  const [a, setA] = useState<string | null>(null);
  const [b, setB] = useState<string | null>(null);
  const [changes, setChanges] = useState<Change[] | null>(null);
  const items = list.data?.items ?? [];
  if (items.length === 0) return null;
  const options = items.map((r) => ({
    value: String(r.version),
    label: `v${r.version} · ${t(`reports.events.${r.event}`)} · ${r.actorName ?? ""} · ${formatDate(r.at)} ${new Date(r.at).toLocaleTimeString("vi-VN")}`,
  }));
  const compare = async () => {
    if (!a || !b) return;
    const [x, y] = await Promise.all([
      call(
        client.GET("/api/submissions/{id}/revisions/{version}", {
          params: { path: { id: submissionId, version: Number(a) } },
        }),
      ),
      call(
        client.GET("/api/submissions/{id}/revisions/{version}", {
          params: { path: { id: submissionId, version: Number(b) } },
        }),
      ),
    ]);
    setChanges(diffVersions(x, y));
  };
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Title order={5}>{t("reports.versions")}</Title>
        <Table>
          <Table.Tbody>
            {items.map((r) => (
              <Table.Tr key={r.version}>
                <Table.Td>v{r.version}</Table.Td>
                <Table.Td>{t(`reports.events.${r.event}`)}</Table.Td>
                <Table.Td>{r.actorName}</Table.Td>
                <Table.Td>
                  {formatDate(r.at)} {new Date(r.at).toLocaleTimeString("vi-VN")}
                </Table.Td>
                <Table.Td>{r.comment}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group align="end">
          <Select data={options} value={a} onChange={setA} w={360} label={t("before")} />
          <Select data={options} value={b} onChange={setB} w={360} label={t("after")} />
          <Button variant="default" onClick={() => void compare()} disabled={!a || !b}>
            {t("reports.compare")}
          </Button>
        </Group>
        {changes && changes.length === 0 && <Text size="sm">{t("reports.noChanges")}</Text>}
        {changes && changes.length > 0 && (
          <Table data-testid="diff">
            <Table.Tbody>
              {changes.map((c) => (
                <Table.Tr key={`${c.kind}${c.key}`}>
                  <Table.Td>{c.key}</Table.Td>
                  <Table.Td c="red" style={{ whiteSpace: "pre-wrap" }}>
                    {c.before ?? "—"}
                  </Table.Td>
                  <Table.Td c="green" style={{ whiteSpace: "pre-wrap" }}>
                    {c.after ?? "—"}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
