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
import { DateField } from "@/components/date-field.tsx";
import { DialogActions } from "@/components/dialog-actions.tsx";
import { GuardedModal } from "@/components/guarded-modal.tsx";
import { UnitPicker, useUnitName } from "@/components/unit-picker.tsx";
import { WideTable } from "@/components/wide-table.tsx";
import { api } from "@/lib/api.ts";
import type { paths } from "@/lib/api-types.ts";
import { formatDate, formatNumber, formatValue, pageLang } from "@/lib/format.ts";
import { confirmDone } from "@/lib/notify.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import type { TreeItem } from "../scheme-tree.ts";
import { SchemeEditor } from "./scheme-editor.tsx";

type Schemes = paths["/api/evaluation-schemes"]["get"]["responses"]["200"]["content"]["application/json"];
type SchemeDetail =
  paths["/api/evaluation-schemes/{id}"]["get"]["responses"]["200"]["content"]["application/json"];
type Examples =
  paths["/api/evaluation-schemes/examples"]["get"]["responses"]["200"]["content"]["application/json"];
export type SchemeBody = {
  items: TreeItem[];
  bands: { code: string; nameVi: string; min: string }[];
  caps: { code: string; labelVi: string; maxBand: string }[];
  scaleTo100: boolean;
};

const thisYear = new Date().getFullYear();

/** The band's name from the scheme ("HTTNV" → "Hoàn thành tốt nhiệm vụ"). */
/** Points as the API writes them ("96,5"), in the page's language ("96,5" / "96.5"). */
export const pointsShown = (s: string | null | undefined) => (s ? formatValue(s.replace(",", ".")) : "—");

export function bandName(scheme: unknown, code: string | null): string {
  if (!code) return "";
  return (scheme as SchemeBody).bands.find((b) => b.code === code)?.nameVi ?? code;
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const colour = status === "appraised" ? "green" : status === "self_submitted" ? "blue" : "gray";
  return (
    <Badge color={colour} variant="light">
      {t(`evaluations.statuses.${status}`)}
    </Badge>
  );
}

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
  const [publishing, setPublishing] = useState(false);
  const [notRank, setNotRank] = useState(false);
  const { error, onError, clear } = useApiError();
  const ok = /^\d{2,5}(-\d{3})?$/.test(unit);
  const schemes = useQuery({
    queryKey: ["evaluation-schemes", unit],
    queryFn: () => api<Schemes>("GET", `/api/evaluation-schemes?unit=${unit}`),
    enabled: ok,
  });
  const schemeId = chosen ?? (schemes.data?.items[0] ? String(schemes.data.items[0].id) : null);
  const detail = useQuery({
    queryKey: ["evaluation-scheme", schemeId],
    queryFn: () => api<SchemeDetail>("GET", `/api/evaluation-schemes/${schemeId}`),
    enabled: schemeId !== null,
  });
  const publish = useMutation({
    mutationFn: () =>
      api("POST", `/api/evaluation-schemes/${schemeId}/publish`, {
        version: detail.data?.version,
        notRankUnappraised: notRank,
      }),
    onSuccess: async () => {
      clear();
      setPublishing(false);
      await qc.invalidateQueries({ queryKey: ["evaluation-scheme"] });
      await qc.invalidateQueries({ queryKey: ["evaluation-schemes"] });
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
          data={(schemes.data?.items ?? []).map((s) => ({ value: String(s.id), label: String(s.year) }))}
          value={schemeId}
          onChange={setChosen}
          w={120}
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
                <Badge color="gray">{t("evaluations.notPublished")}</Badge>
              )}
              {d.can.manage && !d.publishedAt && (
                <Button size="xs" onClick={() => setPublishing(true)}>
                  {t("evaluations.publish")}
                </Button>
              )}
            </Group>
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

function CreateScheme({
  province,
  onClose,
  onCreated,
}: {
  province: string;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { error, onError } = useApiError();
  const provinceName = useUnitName(province);
  const examples = useQuery({
    queryKey: ["evaluation-examples"],
    queryFn: () => api<Examples>("GET", "/api/evaluation-schemes/examples"),
  });
  const [year, setYear] = useState(String(thisYear));
  const [example, setExample] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(`${thisYear}-11-01`);
  const [until, setUntil] = useState<string | null>(`${thisYear}-12-15`);
  // the example, adjustable: bands' thresholds and caps are the province's to set (none is national)
  const [edited, setEdited] = useState<SchemeBody | null>(null);
  const chosen = examples.data?.items.find((e) => e.key === example);
  const dirty = example !== null || edited !== null;
  const missing = [
    ...(!example ? [t("evaluations.needExample")] : []),
    ...(!from ? [t("evaluations.needFrom")] : []),
    ...(!until ? [t("evaluations.needUntil")] : []),
  ];
  const create = useMutation({
    mutationFn: () =>
      api<{ id: number; enrolled: number }>("POST", "/api/evaluation-schemes", {
        provinceCode: province,
        year: Number(year),
        ...(edited
          ? { scheme: edited, name: `Bộ tiêu chí đánh giá năm ${year} (điều chỉnh từ mẫu)` }
          : { exampleKey: example }),
        selfFrom: from,
        selfUntil: until,
      }),
    onSuccess: async (r) => {
      await qc.invalidateQueries({ queryKey: ["evaluation-schemes"] });
      confirmDone(t("evaluations.issued", { year, enrolled: formatNumber(r.enrolled) }));
      onCreated(r.id);
      onClose();
    },
    onError,
  });
  return (
    <GuardedModal
      opened
      dirty={dirty}
      onClose={onClose}
      title={t("evaluations.createFor", { province: provinceName })}
      size="xl"
    >
      {(close) => (
        <Stack>
          <Select
            label={t("evaluations.year")}
            data={[String(thisYear - 1), String(thisYear), String(thisYear + 1)]}
            value={year}
            onChange={(v) => setYear(v ?? String(thisYear))}
            w={120}
          />
          <Select
            label={t("evaluations.example")}
            data={(examples.data?.items ?? []).map((e) => ({ value: e.key, label: e.nameVi }))}
            value={example}
            onChange={(v) => {
              setExample(v);
              setEdited(null);
            }}
            data-testid="scheme-example"
            withAsterisk
          />
          {chosen?.source && (
            <Text size="sm" c="dimmed" data-testid="scheme-source">
              {t("evaluations.after", { source: chosen.source })}
            </Text>
          )}
          {chosen && !edited && (
            <Button
              variant="subtle"
              size="xs"
              w={260}
              onClick={() => setEdited(structuredClone(chosen.scheme as SchemeBody))}
            >
              {t("evaluations.editScheme")}
            </Button>
          )}
          {edited && <SchemeEditor value={edited} onChange={setEdited} />}
          <Group grow>
            <DateField label={t("evaluations.selfFrom")} withAsterisk value={from} onChange={setFrom} />
            <DateField label={t("evaluations.selfUntil")} withAsterisk value={until} onChange={setUntil} />
          </Group>
          <Text size="xs" c="dimmed">
            {t("evaluations.enrolHint")}
          </Text>
          {error && <Alert color="red">{error}</Alert>}
          <DialogActions
            label={t("evaluations.issue")}
            onAction={() => create.mutate()}
            busy={create.isPending}
            missing={missing}
            onCancel={close}
          />
        </Stack>
      )}
    </GuardedModal>
  );
}
