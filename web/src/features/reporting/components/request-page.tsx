import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { formatDecimalVi } from "../../../../../src/domain/vn-format.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { api, type Consolidation, type ReportRequestDetail } from "../../../lib/api.ts";
import type { components } from "../../../lib/api-types.ts";
import { formatDate } from "../../../lib/format.ts";
import { describeFailure } from "../../../lib/use-api-error.ts";
import { ReportDocumentPanel } from "../../documents/components/report-document-panel.tsx";
import { NarrativeView } from "./narrative-view.tsx";
import { StatusBadge, TimelinessBadge } from "./status-badges.tsx";

type Summary = components["schemas"]["ConsolidationSummary"];

const show = (v: string | null | undefined) => (v === null || v === undefined ? "—" : formatDecimalVi(v));

/** A request: completeness and timeliness, every target, and the consolidated draft (numbers and narrative). */
export function RequestPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const r = useQuery({
    queryKey: ["request", id],
    queryFn: () => api<ReportRequestDetail>("GET", `/api/requests/${id}`),
  });
  if (!r.data) return r.error ? <Alert color="red">{String(r.error)}</Alert> : <Loader />;
  const d = r.data;
  const stats = [
    [t("reports.expected"), d.counts.expected],
    [t("reports.submitted"), d.counts.submitted],
    [t("reports.accepted"), d.counts.accepted],
    [t("reports.onTime"), d.counts.onTime],
    [t("reports.late"), d.counts.late],
    [t("reports.missing"), d.counts.missing],
  ] as const;
  return (
    <Stack>
      <div>
        <Title order={3}>{d.title}</Title>
        <Text>
          {t("reports.deadline")}: {formatDate(d.deadline)} ·{" "}
          {t("reports.cutoff", { from: formatDate(d.cutoffFrom), to: formatDate(d.cutoffTo) })}
          {d.referenceNo ? ` · ${t("reports.referenceNo")}: ${d.referenceNo}` : ""}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 3, sm: 6 }} data-testid="counts">
        {stats.map(([label, n]) => (
          <Paper key={label} withBorder p="xs">
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text fw={700} size="lg">
              {n.toLocaleString("vi-VN")}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <div>
        <Text size="sm">
          {t("reports.completeness")}: {formatDecimalVi(d.counts.completeness)}%
        </Text>
        <Progress value={Number(d.counts.completeness)} />
      </div>
      <ConsolidationView requestId={d.id} />
      <Group justify="space-between">
        <Title order={4}>{t("reports.targets")}</Title>
        <ExportButton
          title={`${d.title} – ${t("reports.targets")}`}
          columns={[
            t("code"),
            t("unit"),
            t("reports.value"),
            t("reports.deadline"),
            t("reports.submitted"),
            t("reports.lateReason"),
          ]}
          rows={() =>
            d.targets.map((x) => [
              x.unitCode,
              x.bodyName ?? x.unitName,
              t(`reports.status.${x.status}`),
              t(`reports.timeliness.${x.timeliness}`),
              formatDate(x.firstSubmittedAt),
              x.lateReason,
            ])
          }
        />
      </Group>
      <Table.ScrollContainer minWidth={800}>
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
                  </Anchor>{" "}
                  <Text span size="xs" c="dimmed">
                    {s.unitCode}
                  </Text>
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
                  </Group>
                </Table.Td>
                <Table.Td>{formatDate(s.firstSubmittedAt)}</Table.Td>
                <Table.Td>{s.lateReason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function ConsolidationView({ requestId }: { requestId: number }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const unit = params.get("unit");
  const c = useQuery({
    queryKey: ["request", String(requestId), "consolidation", unit],
    queryFn: () =>
      api<Consolidation>(
        "GET",
        `/api/requests/${requestId}/consolidation${unit ? `?unit=${encodeURIComponent(unit)}` : ""}`,
      ),
    refetchInterval: 5000,
  });
  const summary = useSummary(requestId, unit);
  if (!c.data) return <Loader size="sm" />;
  const d = c.data;
  const children = d.children.slice(0, 12);
  const en = i18n.language === "en";
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={4}>
          {t("reports.consolidation")} · {d.unitCode}
        </Title>
        <Group>
          {unit && (
            <Anchor onClick={() => setParams({})} size="sm">
              {t("back")}
            </Anchor>
          )}
          <ExportButton
            title={`${t("reports.consolidation")} ${d.unitCode}`}
            columns={[
              t("reports.indicator"),
              t("unitOfMeasure"),
              t("reports.acceptedValue"),
              t("reports.reporting"),
              t("reports.pendingValue"),
              ...children.map((c) => c.name),
            ]}
            rows={() =>
              d.indicators.map((i) => [
                en ? i.nameEn : i.nameVi,
                i.unitOfMeasure,
                i.accepted.value === null ? null : Number(i.accepted.value),
                i.accepted.reporting,
                i.pending.value === null ? null : Number(i.pending.value),
                ...children.map((c) => {
                  const v = i.children[c.code];
                  return v === null || v === undefined ? null : Number(v);
                }),
              ])
            }
          />
        </Group>
      </Group>
      <Table.ScrollContainer minWidth={700}>
        <Table withTableBorder data-testid="consolidation">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("reports.indicator")}</Table.Th>
              <Table.Th>{t("reports.acceptedValue")}</Table.Th>
              <Table.Th>{t("reports.reporting")}</Table.Th>
              <Table.Th>{t("reports.pendingValue")}</Table.Th>
              {children.map((ch) => (
                <Table.Th key={ch.code}>
                  <Anchor size="xs" onClick={() => setParams({ unit: ch.code })}>
                    {ch.name}
                  </Anchor>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.indicators.map((i) => (
              <Table.Tr key={i.code}>
                <Table.Td>
                  {en ? i.nameEn : i.nameVi}{" "}
                  <Text span size="xs" c="dimmed">
                    ({i.unitOfMeasure})
                  </Text>
                </Table.Td>
                <Table.Td fw={700} data-testid={`total-${i.code}`}>
                  {show(i.accepted.value)}
                  {i.accepted.partial > 0 && (
                    <Text size="xs" c="orange">
                      {t("reports.partialNote", { count: i.accepted.partial })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{i.accepted.reporting}</Table.Td>
                <Table.Td c="dimmed">
                  {show(i.pending.value)} {i.pending.reporting > 0 ? `(${i.pending.reporting})` : ""}
                </Table.Td>
                {children.map((ch) => (
                  <Table.Td key={ch.code}>{show(i.children[ch.code])}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Title order={4}>{t("reports.compiled")}</Title>
      {d.sections.map((s) => (
        <Paper key={s.key} withBorder p="sm" data-testid={`compiled-${s.key}`}>
          <Title order={5}>{en ? s.titleEn : s.titleVi}</Title>
          {s.excerpts.length === 0 && (
            <Text size="sm" c="dimmed">
              {t("reports.noExcerpts")}
            </Text>
          )}
          {s.excerpts.map((e) => (
            <Stack key={e.submissionId} gap={0} mt="xs">
              <Group gap={4}>
                <Anchor component={Link} to={`/submissions/${e.submissionId}`} size="sm" fw={600}>
                  {e.unitName}
                </Anchor>
                <StatusBadge status={e.status} />
              </Group>
              <NarrativeView text={e.text} />
            </Stack>
          ))}
          <Textarea
            mt="sm"
            label={t("reports.summary")}
            autosize
            minRows={2}
            value={summary.text[s.key] ?? ""}
            onChange={(ev) => summary.set(s.key, ev.currentTarget.value)}
            data-testid={`summary-${s.key}`}
          />
        </Paper>
      ))}
      <Group>
        <Button onClick={() => summary.save()} loading={summary.saving} data-testid="save-summary">
          {t("reports.saveSummary")}
        </Button>
        {summary.error && <Text c="red">{summary.error}</Text>}
        {summary.savedVersion > 0 && !summary.dirty && (
          <Text size="sm" c="dimmed">
            {t("saved")}
          </Text>
        )}
      </Group>
      {(unit === null || unit === d.request.issuerUnitCode) && (
        <ReportDocumentPanel
          requestId={requestId}
          issuerUnitCode={d.request.issuerUnitCode}
          title={d.request.title}
        />
      )}
    </Stack>
  );
}

/** The requester's own text per section, saved with the version read (a conflict is shown, nothing lost). */
function useSummary(requestId: number, unit: string | null) {
  const { i18n } = useTranslation();
  const qc = useQueryClient();
  const key = ["request", String(requestId), "summary", unit];
  const q = useQuery({
    queryKey: key,
    queryFn: () =>
      api<Summary>(
        "GET",
        `/api/requests/${requestId}/summary${unit ? `?unit=${encodeURIComponent(unit)}` : ""}`,
      ),
    refetchOnWindowFocus: false,
  });
  const [edits, setEdits] = useState<Record<string, string> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const text = edits ?? q.data?.narrative ?? {};
  const save = useMutation({
    mutationFn: () =>
      api<Summary>("PUT", `/api/requests/${requestId}/summary`, {
        ...(unit ? { unit } : {}),
        version: q.data?.version ?? 0,
        narrative: text,
      }),
    onSuccess: (r) => {
      setError(null);
      qc.setQueryData(key, r);
      setEdits(null);
    },
    onError: (e) => setError(describeFailure(e, i18n.language)),
  });
  return {
    text,
    set: (k: string, v: string) => setEdits({ ...text, [k]: v }),
    save: () => save.mutate(),
    saving: save.isPending,
    error,
    dirty: edits !== null,
    savedVersion: q.data?.version ?? 0,
  };
}
