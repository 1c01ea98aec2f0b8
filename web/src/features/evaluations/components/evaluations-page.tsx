import { term } from "@domain/terms.ts";
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { UnitPicker } from "@/components/unit-picker.tsx";
import { WideTable } from "@/components/wide-table.tsx";
import { call, client } from "@/lib/api.ts";
import { formatDate, pageLang } from "@/lib/format.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import { evaluationKeys } from "../api/evaluations.ts";
import { bandName, pointsShown } from "../scheme.ts";
import { CreateScheme } from "./create-scheme.tsx";
import { EditScheme } from "./edit-scheme.tsx";
import { StatusBadge } from "./status-badge.tsx";
import { schemeLabel, WithdrawScheme } from "./withdraw-scheme.tsx";

/**
 * The yearly "dân vận chính quyền" evaluation of a province: its schemes by year; the province issues one from
 * an example; the units with their status, score, band and (once published) rank; publishing the ranking.
 */
export function EvaluationsPage({ defaultUnit, canManage }: { defaultUnit: string; canManage: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [unit, setUnit] = useState(defaultUnit || "82");
  const [chosen, setChosen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [notRank, setNotRank] = useState(false);
  const { error, onError, clear } = useApiError();
  const ok = /^\d{2,5}(-\d{3})?$/.test(unit);
  const schemes = useQuery({
    queryKey: evaluationKeys.schemeList(unit),
    queryFn: () => call(client.GET("/api/evaluation-schemes", { params: { query: { unit } } })),
    enabled: ok,
  });
  const schemeId = chosen ?? (schemes.data?.items[0] ? String(schemes.data.items[0].id) : null);
  const detail = useQuery({
    queryKey: evaluationKeys.scheme(schemeId),
    queryFn: () =>
      call(client.GET("/api/evaluation-schemes/{id}", { params: { path: { id: Number(schemeId) } } })),
    enabled: schemeId !== null,
  });
  const publish = useMutation({
    mutationFn: () =>
      call(
        client.POST("/api/evaluation-schemes/{id}/publish", {
          params: { path: { id: Number(schemeId) } },
          body: {
            version: detail.data?.version ?? 0,
            notRankUnappraised: notRank,
          },
        }),
      ),
    onSuccess: async () => {
      clear();
      setPublishing(false);
      await qc.invalidateQueries({ queryKey: evaluationKeys.schemes() });
      await qc.invalidateQueries({ queryKey: evaluationKeys.schemeLists() });
    },
    onError: (e) => {
      setPublishing(false);
      onError(e);
    },
  });
  const d = detail.data;
  const waiting = d ? d.evaluations.filter((e) => e.ranked && e.status !== "appraised").length : 0;
  return (
    <Stack>
      <Title order={3}>{t("evaluations.title")}</Title>
      {error && <Alert color="red">{error}</Alert>}
      <Group align="end">
        <UnitPicker
          label={t("evaluations.unit")}
          value={unit || null}
          clearable={false}
          onChange={(code) => code && setUnit(code)}
          w={320}
          data-testid="evaluations-unit"
        />
        <Select
          label={t("evaluations.year")}
          data={(schemes.data?.items ?? []).map((s) => ({ value: String(s.id), label: schemeLabel(s, t) }))}
          value={schemeId}
          onChange={setChosen}
          w={180}
          data-testid="evaluation-year"
        />
        {canManage && <Button onClick={() => setCreating(true)}>{t("evaluations.create")}</Button>}
      </Group>
      {schemes.data?.items.length === 0 && <Text>{t("evaluations.none")}</Text>}
      {d && (
        <Paper withBorder p="sm">
          <Stack gap={4}>
            <Text fw={600} data-testid="scheme-name">
              {d.name}
            </Text>
            <Text size="sm" c="dimmed">
              {t("evaluations.window", { from: formatDate(d.selfFrom), until: formatDate(d.selfUntil) })}
              {d.source ? ` · ${d.source}` : ""}
            </Text>
            <Group gap="xs">
              {d.publishedAt ? (
                <Badge color="green" data-testid="published">
                  {t("evaluations.published", { on: formatDate(d.publishedAt.slice(0, 10)) })}
                </Badge>
              ) : (
                !d.withdrawn && <Badge color="gray">{t("evaluations.notPublished")}</Badge>
              )}
              {d.can.manage && !d.publishedAt && !d.withdrawn && (
                <>
                  <Button size="xs" onClick={() => setPublishing(true)}>
                    {t("evaluations.publish")}
                  </Button>
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => setEditing(true)}
                    data-testid="scheme-edit"
                  >
                    {t("evaluations.edit")}
                  </Button>
                </>
              )}
              {d.can.editItems && <WithdrawScheme scheme={d} />}
            </Group>
            {d.withdrawn && (
              <Alert color="red" variant="light" data-testid="scheme-withdrawn">
                {t("evaluations.withdrawnOn", {
                  date: formatDate(d.withdrawn.on),
                  reason: d.withdrawn.reason,
                })}
              </Alert>
            )}
          </Stack>
        </Paper>
      )}
      {d && (
        <WideTable minWidth={700} label={t("evaluations.title")}>
          <Table striped data-testid="evaluation-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("evaluations.rank")}</Table.Th>
                <Table.Th>{t("evaluations.unitName")}</Table.Th>
                <Table.Th>{t("evaluations.status")}</Table.Th>
                <Table.Th>{t("evaluations.score")}</Table.Th>
                <Table.Th>{t("evaluations.band")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.evaluations.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    {e.rank ?? (!e.ranked ? <Text size="xs">{t("evaluations.notRanked")}</Text> : "")}
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/evaluations/${e.id}`}>
                      {e.unitName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={e.status} />
                  </Table.Td>
                  <Table.Td>{e.score ? pointsShown(e.score) : ""}</Table.Td>
                  <Table.Td>
                    {term(bandName(d.scheme, e.bandCode), pageLang())}
                    {e.cappedBy && (
                      <Text size="xs" c="orange">
                        {t("evaluations.capped")}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </WideTable>
      )}
      {editing && d && <EditScheme scheme={d} onClose={() => setEditing(false)} />}
      {creating && schemes.data && (
        <CreateScheme
          province={schemes.data.province}
          onClose={() => setCreating(false)}
          onCreated={(id) => setChosen(String(id))}
        />
      )}
      <Modal opened={publishing} onClose={() => setPublishing(false)} title={t("evaluations.publish")}>
        <Stack>
          <Text>{t("evaluations.confirmPublish")}</Text>
          {waiting > 0 && (
            <Checkbox
              checked={notRank}
              onChange={(e) => setNotRank(e.currentTarget.checked)}
              label={t("evaluations.notRankWaiting", { count: waiting })}
            />
          )}
          <Group>
            <Button
              onClick={() => publish.mutate()}
              loading={publish.isPending}
              data-testid="confirm-publish"
            >
              {t("evaluations.publish")}
            </Button>
            <Button variant="default" onClick={() => setPublishing(false)}>
              {t("cancel")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
