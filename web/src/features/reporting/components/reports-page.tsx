import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  Progress,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { WideTable } from "@/components/wide-table.tsx";
import { call, client } from "@/lib/api.ts";
import { formatDate, formatNumber, formatValue } from "@/lib/format.ts";
import { reportingKeys } from "../api/keys.ts";
import { NewRequestForm } from "./new-request-form.tsx";
import { ReminderList } from "./reminder-list.tsx";
import { GatheringProgress } from "./request-chain.tsx";
import { StatusBadge, TimelinessBadge } from "./status-badges.tsx";

// the charts library loads only when the heat-map is opened
const TimelinessMap = lazy(() => import("./timeliness-map.tsx").then((m) => ({ default: m.TimelinessMap })));

/** Reports to send (the inbox) and requests issued, with completeness and timeliness. */
export function ReportsPage({ canRequest, defaultIssuer }: { canRequest: boolean; defaultIssuer: string }) {
  const { t } = useTranslation();
  // opened from a report owed upward: the form gathers for it
  const [params] = useSearchParams();
  const answers = Number(params.get("answers")) || null;
  // opened from a công văn drafted and issued here: the request it announces cites it
  const cites = params.get("cites") ?? "";
  const [creating, setCreating] = useState(answers !== null || cites !== "");
  const inbox = useQuery({ queryKey: reportingKeys.inbox(), queryFn: () => call(client.GET("/api/inbox")) });
  const issued = useQuery({
    queryKey: reportingKeys.requests(),
    queryFn: () => call(client.GET("/api/requests")),
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t("reports.nav")}</Title>
        {canRequest && !creating && (
          <Button onClick={() => setCreating(true)}>{t("reports.newRequest")}</Button>
        )}
      </Group>
      <ReminderList />
      {creating && (
        <NewRequestForm
          defaultIssuer={params.get("issuer") ?? defaultIssuer}
          answers={answers}
          cites={cites}
          onDone={() => setCreating(false)}
        />
      )}
      <Tabs defaultValue="inbox">
        <Tabs.List>
          <Tabs.Tab value="inbox">
            {t("reports.inbox")} ({formatNumber(inbox.data?.items.length ?? 0)})
          </Tabs.Tab>
          <Tabs.Tab value="issued">
            {t("reports.issued")} ({formatNumber(issued.data?.items.length ?? 0)})
          </Tabs.Tab>
          <Tabs.Tab value="timeliness">{t("reports.timelinessMap")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="inbox" pt="sm">
          {inbox.data?.items.length === 0 && (
            <Alert data-testid="inbox-empty">{t("reports.inboxEmpty")}</Alert>
          )}
          <WideTable
            minWidth={800}
            label={t("reports.inbox")}
            display={inbox.data?.items.length === 0 ? "none" : undefined}
          >
            <Table striped data-testid="inbox">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("reports.title")}</Table.Th>
                  <Table.Th>{t("unit")}</Table.Th>
                  <Table.Th>{t("reports.issuer")}</Table.Th>
                  <Table.Th>{t("reports.deadline")}</Table.Th>
                  <Table.Th>{t("reports.value")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {inbox.data?.items.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/submissions/${s.id}`}>
                        {s.title}
                      </Anchor>
                      {s.referenceNo && (
                        <Text size="xs" c="dimmed">
                          {t("reports.referenceNo")}: {s.referenceNo}
                        </Text>
                      )}
                      {/* what it asked of the units below, and how far they answered */}
                      {s.gathering.map((g) => (
                        <Group gap={4} key={g.id} wrap="nowrap" data-testid="inbox-gathering">
                          <Text size="xs" c="dimmed">
                            {t("reports.gatheringInbox")}
                          </Text>
                          <GatheringProgress counts={g.counts} />
                        </Group>
                      ))}
                    </Table.Td>
                    <Table.Td>{s.bodyName ?? s.unitName}</Table.Td>
                    <Table.Td>{s.issuerName}</Table.Td>
                    <Table.Td>{formatDate(s.deadline)}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <StatusBadge status={s.status} />
                        <TimelinessBadge value={s.timeliness} />
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </WideTable>
        </Tabs.Panel>
        <Tabs.Panel value="issued" pt="sm">
          {issued.data?.items.length === 0 && (
            <Alert data-testid="issued-empty">
              <Group justify="space-between">
                <Text size="sm">{t("reports.issuedEmpty")}</Text>
                {canRequest && (
                  <Button size="xs" onClick={() => setCreating(true)}>
                    {t("reports.newRequest")}
                  </Button>
                )}
              </Group>
            </Alert>
          )}
          <WideTable
            minWidth={900}
            label={t("reports.issued")}
            display={issued.data?.items.length === 0 ? "none" : undefined}
          >
            <Table striped data-testid="issued">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("reports.title")}</Table.Th>
                  <Table.Th>{t("reports.deadline")}</Table.Th>
                  <Table.Th>{t("reports.completeness")}</Table.Th>
                  <Table.Th>{t("reports.onTime")}</Table.Th>
                  <Table.Th>{t("reports.late")}</Table.Th>
                  <Table.Th>{t("reports.missing")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {issued.data?.items.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/requests/${r.id}`}>
                        {r.title}
                      </Anchor>
                      {r.referenceNo && (
                        <Text size="xs" c="dimmed">
                          {t("reports.issuedNumber", { ref: r.referenceNo })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{formatDate(r.deadline)}</Table.Td>
                    <Table.Td miw={160}>
                      <Text size="xs">
                        {formatNumber(r.counts.submitted)}/{formatNumber(r.counts.expected)} (
                        {formatValue(r.counts.completeness)}%)
                      </Text>
                      <Progress value={Number(r.counts.completeness)} size="sm" />
                    </Table.Td>
                    <Table.Td>{formatNumber(r.counts.onTime)}</Table.Td>
                    <Table.Td>{formatNumber(r.counts.late)}</Table.Td>
                    <Table.Td>{formatNumber(r.counts.missing)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </WideTable>
        </Tabs.Panel>
        <Tabs.Panel value="timeliness" pt="sm">
          <Suspense fallback={<Loader />}>
            <TimelinessMap defaultUnit={defaultIssuer} />
          </Suspense>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
