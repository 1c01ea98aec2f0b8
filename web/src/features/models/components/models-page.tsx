import { unitOfMeasure } from "@domain/terms.ts";
import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileButton,
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
import { type AnswerOf, call, client, download, upload } from "@/lib/api.ts";
import { formatNumber } from "@/lib/format.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import { modelKeys } from "../api/models.ts";
import { CriteriaModal } from "./criteria-modal.tsx";
import { KeepUpModal } from "./keep-up-modal.tsx";
import { RegisterModal } from "./register-model-modal.tsx";
import { StatusBadge } from "./status-badge.tsx";

type Counts = AnswerOf<"/api/models/counts", "get">;
type ImportSummary = AnswerOf<"/api/models/excel", "post">;

const thisYear = new Date().getFullYear();

/** The sentence a consolidated report reads: "2.011 mô hình, trong đó 1.354 mô hình đăng ký mới, 657 …". */
export function countsSentence(
  c: Pick<Counts, "total" | "new" | "kept" | "recognised" | "exemplary">,
  en: boolean,
) {
  return en
    ? `${formatNumber(c.total)} ${unitOfMeasure("mô hình", "en", c.total)}, of which ${formatNumber(c.new)} newly registered and ${formatNumber(c.kept)} kept up; ${formatNumber(c.recognised)} recognised, ${formatNumber(c.exemplary)} exemplary`
    : `${formatNumber(c.total)} mô hình, trong đó ${formatNumber(c.new)} mô hình đăng ký mới, ${formatNumber(c.kept)} mô hình duy trì; ${formatNumber(c.recognised)} mô hình được công nhận, ${formatNumber(c.exemplary)} mô hình điển hình`;
}

/**
 * "Dân vận khéo" models under a unit in a year: the counts as a report reads them, the list, registering a new
 * model (likely duplicates shown while typing the name) and keeping up last year's models in one action.
 */
export function ModelsPage({
  defaultUnit,
  canRegister,
  canIssueCriteria,
}: {
  defaultUnit: string;
  canRegister: boolean;
  canIssueCriteria: boolean;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const [unit, setUnit] = useState(defaultUnit || "82");
  const [year, setYear] = useState(String(thisYear));
  const [registering, setRegistering] = useState(false);
  const [keeping, setKeeping] = useState(false);
  const [criteria, setCriteria] = useState(false);
  const { error, onError, clear } = useApiError();
  const [pending, setPending] = useState<{ file: File; summary: ImportSummary } | null>(null);
  const qc = useQueryClient();
  const excelPath = `/api/models/excel?unit=${unit}&year=${year}`;
  const checkFile = async (file: File | null) => {
    if (!file) return;
    clear();
    try {
      setPending({ file, summary: await upload<ImportSummary>(`${excelPath}&dryRun=true`, file) });
    } catch (e) {
      onError(e);
    }
  };
  const importFile = useMutation({
    mutationFn: (file: File) => upload<ImportSummary>(excelPath, file),
    onSuccess: async () => {
      setPending(null);
      await qc.invalidateQueries({ queryKey: modelKeys.all() });
      await qc.invalidateQueries({ queryKey: modelKeys.counts() });
    },
    onError: (e) => {
      setPending(null);
      onError(e);
    },
  });
  const ok = /^\d{2,5}(-\d{3})?$/.test(unit);
  const fields = useQuery({
    queryKey: modelKeys.fields(),
    queryFn: () => call(client.GET("/api/model-fields")),
  });
  const fieldName = (code: string) => {
    const f = fields.data?.items.find((x) => x.code === code);
    return f ? (en ? f.nameEn : f.nameVi) : code;
  };
  const models = useQuery({
    queryKey: modelKeys.list(unit, year),
    queryFn: () => call(client.GET("/api/models", { params: { query: { unit, year: Number(year) } } })),
    enabled: ok,
  });
  const counts = useQuery({
    queryKey: modelKeys.countsOf(unit, year),
    queryFn: () =>
      call(client.GET("/api/models/counts", { params: { query: { unit, year: Number(year) } } })),
    enabled: ok,
  });
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear + 1 - i));
  return (
    <Stack>
      <Title order={3}>{t("models.title")}</Title>
      <Group align="end">
        <UnitPicker
          label={t("models.unit")}
          value={unit || null}
          clearable={false}
          onChange={(code) => code && setUnit(code)}
          w={320}
          data-testid="models-unit"
        />
        <Select
          label={t("models.year")}
          data={years}
          value={year}
          onChange={(v) => setYear(v ?? String(thisYear))}
          w={110}
        />
        {canRegister && (
          <>
            <Button onClick={() => setRegistering(true)}>{t("models.register")}</Button>
            <Button variant="light" onClick={() => setKeeping(true)}>
              {t("models.keepUp")}
            </Button>
          </>
        )}
        <Button variant="subtle" onClick={() => setCriteria(true)} disabled={!ok}>
          {t("models.criteria.open")}
        </Button>
        <Button variant="subtle" onClick={() => download(excelPath, "mo-hinh.xlsx").catch(onError)}>
          {t("models.excelDownload")}
        </Button>
        {canRegister && (
          <FileButton
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(f) => void checkFile(f)}
          >
            {(props) => (
              <Button variant="subtle" {...props} data-testid="models-excel-upload">
                {t("models.excelUpload")}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      <Modal opened={pending !== null} onClose={() => setPending(null)} title={t("models.excelUpload")}>
        {pending && (
          <Stack>
            <Text data-testid="models-import-summary">
              {t("models.importSummary", {
                registered: pending.summary.registered,
                unchanged: pending.summary.unchanged,
              })}
            </Text>
            {pending.summary.warnings.map((w) => (
              <Text key={w.row} size="sm" c="orange">
                {w.messageVi}
              </Text>
            ))}
            <Group>
              <Button
                onClick={() => importFile.mutate(pending.file)}
                loading={importFile.isPending}
                disabled={pending.summary.registered === 0}
              >
                {t("models.importConfirm", { count: pending.summary.registered })}
              </Button>
              <Button variant="default" onClick={() => setPending(null)}>
                {t("cancel")}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
      {counts.data && (
        <Paper withBorder p="sm">
          <Text fw={600} data-testid="model-counts">
            {countsSentence(counts.data, en)}
          </Text>
          <Group gap="xs" mt={6}>
            {counts.data.byField.map((f) => (
              <Badge key={f.code} variant="light">
                {fieldName(f.code)}: {formatNumber(f.total)}
              </Badge>
            ))}
            {counts.data.byKind.map((k) => (
              <Badge key={k.code} variant="outline">
                {t(`models.kinds.${k.code}`)}: {formatNumber(k.total)}
              </Badge>
            ))}
          </Group>
        </Paper>
      )}
      <WideTable minWidth={800} label={t("models.nav")}>
        <Table striped data-testid="model-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("models.name")}</Table.Th>
              <Table.Th>{t("models.registeredBy")}</Table.Th>
              <Table.Th>{t("models.field")}</Table.Th>
              <Table.Th>{t("models.kind")}</Table.Th>
              <Table.Th>{t("models.registration")}</Table.Th>
              <Table.Th>{t("models.status")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {models.data?.items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={6}>
                  <Group gap="xs">
                    <Text size="sm">{t("models.empty")}</Text>
                    {canRegister && (
                      <Button size="xs" variant="light" onClick={() => setRegistering(true)}>
                        {t("models.registerFirst")}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            )}
            {models.data?.items.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/models/${m.id}`}>
                    {m.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{m.unitName}</Table.Td>
                <Table.Td>{fieldName(m.fieldCode)}</Table.Td>
                <Table.Td>{t(`models.kinds.${m.kind}`)}</Table.Td>
                <Table.Td>{t(`models.registrations.${m.registration}`)}</Table.Td>
                <Table.Td>
                  <StatusBadge status={m.status} />
                  {m.stoppedOn && (
                    <Badge color="red" variant="light" ml={4}>
                      {t("models.stopped")}
                    </Badge>
                  )}
                  {m.decisionSymbol && (
                    <Text size="xs" c="dimmed">
                      {t("models.decision", { symbol: m.decisionSymbol })}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </WideTable>
      {registering && (
        <RegisterModal
          unit={unit}
          year={Number(year)}
          fields={fields.data?.items ?? []}
          onClose={() => setRegistering(false)}
        />
      )}
      {keeping && <KeepUpModal unit={unit} year={Number(year)} onClose={() => setKeeping(false)} />}
      {criteria && (
        <CriteriaModal unit={unit} canIssue={canIssueCriteria} onClose={() => setCriteria(false)} />
      )}
    </Stack>
  );
}
