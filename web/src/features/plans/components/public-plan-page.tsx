import { Alert, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { call, client } from "@/lib/api.ts";
import { formatDate } from "@/lib/format.ts";
import { planKeys } from "../api/plans.ts";
import { Milestones } from "./milestones.tsx";
import { ProgressBar, ProgressCell, percent } from "./progress-cell.tsx";

/** The public page of a plan (no sign-in): status, progress and milestones. */
export function PublicPlanPage() {
  const { t } = useTranslation();
  const token = useParams().token ?? "";
  const q = useQuery({
    queryKey: planKeys.public(token),
    queryFn: () => call(client.GET("/api/public/plans/{token}", { params: { path: { token } } })),
    retry: false,
  });
  if (q.isError) return <Alert color="red">{t("plans.notPublic")}</Alert>;
  const p = q.data;
  if (!p) return null;
  return (
    <Stack p="md" maw={1000} mx="auto">
      <Title order={3}>{p.title}</Title>
      <Text>
        {p.unitName}
        {p.document ? ` · ${p.document.numberSymbol}` : ""}
      </Text>
      <Group>
        <ProgressBar value={p.progress} label={`${t("plans.progress")}: ${p.title}`} w={300} size="lg" />
        <Text fw={700} data-testid="public-progress">
          {percent(p.progress)}
        </Text>
      </Group>
      <Table striped>
        <Table.Tbody>
          {p.tasks.map((x) => (
            <Table.Tr key={x.id}>
              <Table.Td>
                {x.title}
                <Milestones items={x.milestones} />
              </Table.Td>
              <Table.Td>{x.assigneeName}</Table.Td>
              <Table.Td>{formatDate(x.dueOn)}</Table.Td>
              <Table.Td>{t(`plans.statuses.${x.status}`)}</Table.Td>
              <Table.Td>
                <ProgressCell value={x.progress} label={`${t("plans.progress")}: ${x.title}`} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
