import { reportExcerpt } from "@domain/document-text.ts";
import { langOf } from "@domain/vn-format.ts";
import {
  Alert,
  Anchor,
  Badge,
  Group,
  Loader,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { ExportButton } from "@/components/export-button.tsx";
import { WideTable } from "@/components/wide-table.tsx";
import { call, client } from "@/lib/api.ts";
import { formatDate, formatNumber, formatPeriod, formatValue } from "@/lib/format.ts";
import { describeFailure } from "@/lib/use-api-error.ts";
import { reportingKeys } from "../api/keys.ts";
import { ConsolidationView } from "./consolidation-view.tsx";
import { RequestChain } from "./request-chain.tsx";
import { StatusBadge, TimelinessBadge } from "./status-badges.tsx";

/** A request: completeness and timeliness, every target (and which report counts for it), the consolidated draft. */
export function RequestPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const location = useLocation();
  const [notice, setNotice] = useState<string | null>(
    (location.state as { notice?: string } | null)?.notice ?? null,
  );
  const r = useQuery({
    queryKey: reportingKeys.request(id ?? ""),
    queryFn: () => call(client.GET("/api/requests/{id}", { params: { path: { id: Number(id) } } })),
  });
  if (!r.data) return r.error ? <Alert color="red">{describeFailure(r.error, lang)}</Alert> : <Loader />;
  const d = r.data;
  const stats = [
    [t("reports.expected"), d.counts.expected],
    [t("reports.submitted"), d.counts.submitted],
    [t("reports.accepted"), d.counts.accepted],
    [t("reports.onTime"), d.counts.onTime],
    [t("reports.late"), d.counts.late],
    [t("reports.missing"), d.counts.missing],
  ] as const;
  const period = formatPeriod(d.periodCode);
  return (
    <Stack>
      {notice && (
        <Alert color="green" withCloseButton onClose={() => setNotice(null)} data-testid="notice">
          {notice}
        </Alert>
      )}
      <div>
        <Title order={3}>{d.title}</Title>
        <Text>
          {period} · {t("reports.deadline")}: {formatDate(d.deadline)} ·{" "}
          {t("reports.cutoff", { from: formatDate(d.cutoffFrom), to: formatDate(d.cutoffTo) })}
          {d.referenceNo ? ` · ${t("reports.referenceNo")}: ${d.referenceNo}` : ""}
        </Text>
      </div>
      <RequestChain request={d} />
      <SimpleGrid cols={{ base: 2, xs: 3, sm: 6 }} data-testid="counts">
        {stats.map(([label, n]) => (
          <Paper key={label} withBorder p="xs">
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text fw={700} size="lg">
              {formatNumber(n)}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <div>
        <Text size="sm">
          {t("reports.completeness")}: {formatValue(d.counts.completeness)}%
        </Text>
        <Progress value={Number(d.counts.completeness)} aria-label={t("reports.completeness")} />
      </div>
      <ConsolidationView
        requestId={d.id}
        defaultExcerpt={reportExcerpt(d.form.nameVi, formatPeriod(d.periodCode, "vi"))}
      />
      <Group justify="space-between">
        <Title order={4}>{t("reports.targets")}</Title>
        <ExportButton
          title={`${d.title} – ${t("reports.targets")}`}
          columns={[
            t("unit"),
            t("reports.value"),
            t("reports.timelinessLabel"),
            t("reports.submitted"),
            t("reports.lateReason"),
            t("code"),
          ]}
          rows={() =>
            d.targets.map((x) => [
              x.bodyName ?? x.unitName,
              t(`reports.status.${x.status}`),
              t(`reports.timeliness.${x.timeliness}`),
              formatDate(x.firstSubmittedAt),
              x.lateReason,
              x.unitCode,
            ])
          }
        />
      </Group>
      {d.targets.length === 0 ? (
        <Text c="dimmed">{t("reports.noTargets")}</Text>
      ) : (
        <WideTable minWidth={700} label={t("reports.targets")}>
          <Table striped data-testid="targets">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("unit")}</Table.Th>
                <Table.Th>{t("reports.value")}</Table.Th>
                <Table.Th>{t("reports.submitted")}</Table.Th>
                <Table.Th>{t("reports.lateReason")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.targets.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/submissions/${s.id}`}>
                      {s.bodyName ?? s.unitName}
                    </Anchor>
                    {s.partial && (
                      <Badge size="xs" ml={4} variant="outline">
                        {t("partial")}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <StatusBadge status={s.status} />
                      {s.status !== "not_started" && s.status !== "draft" && (
                        <TimelinessBadge value={s.timeliness} />
                      )}
                      {(s.status === "not_started" || s.status === "draft") && s.timeliness === "missing" && (
                        <TimelinessBadge value="missing" />
                      )}
                      {s.countedIn && (
                        <Tooltip label={t("reports.countedInHint")} multiline w={280}>
                          <Anchor
                            component={Link}
                            to={`/submissions/${s.countedIn.submissionId}`}
                            size="xs"
                            data-testid={`counted-in-${s.unitCode}`}
                          >
                            {t("reports.countedIn", {
                              ref: s.countedIn.referenceNo ?? `#${s.countedIn.requestId}`,
                            })}
                          </Anchor>
                        </Tooltip>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{formatDate(s.firstSubmittedAt)}</Table.Td>
                  <Table.Td>{s.lateReason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </WideTable>
      )}
    </Stack>
  );
}
