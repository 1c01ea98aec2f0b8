import { unitOfMeasure } from "@domain/terms.ts";
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  FileButton,
  Group,
  Modal,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMe } from "@/app/app.tsx";
import { DateField } from "@/components/date-field.tsx";
import { DialogActions } from "@/components/dialog-actions.tsx";
import { GuardedModal } from "@/components/guarded-modal.tsx";
import { UnitPicker, useUnitName } from "@/components/unit-picker.tsx";
import { WideTable } from "@/components/wide-table.tsx";
import { ApiError, api, download, upload } from "@/lib/api.ts";
import type { paths } from "@/lib/api-types.ts";
import { formatDateTime, formatNumber } from "@/lib/format.ts";
import { useLocalDraft } from "@/lib/local-draft.ts";
import { confirmDone } from "@/lib/notify.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import { CriteriaModal } from "./criteria-modal.tsx";
import { StatusBadge } from "./status-badge.tsx";

type Models = paths["/api/models"]["get"]["responses"]["200"]["content"]["application/json"];
type Counts = paths["/api/models/counts"]["get"]["responses"]["200"]["content"]["application/json"];
type Fields = paths["/api/model-fields"]["get"]["responses"]["200"]["content"]["application/json"];
type Similar = paths["/api/models/similar"]["get"]["responses"]["200"]["content"]["application/json"];
type Candidates = paths["/api/models/carry-over"]["get"]["responses"]["200"]["content"]["application/json"];
type ImportSummary = paths["/api/models/excel"]["post"]["responses"]["200"]["content"]["application/json"];

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
      await qc.invalidateQueries({ queryKey: ["models"] });
      await qc.invalidateQueries({ queryKey: ["model-counts"] });
    },
    onError: (e) => {
      setPending(null);
      onError(e);
    },
  });
  const ok = /^\d{2,5}(-\d{3})?$/.test(unit);
  const fields = useQuery({
    queryKey: ["model-fields"],
    queryFn: () => api<Fields>("GET", "/api/model-fields"),
  });
  const fieldName = (code: string) => {
    const f = fields.data?.items.find((x) => x.code === code);
    return f ? (en ? f.nameEn : f.nameVi) : code;
  };
  const models = useQuery({
    queryKey: ["models", unit, year],
    queryFn: () => api<Models>("GET", `/api/models?unit=${unit}&year=${year}`),
    enabled: ok,
  });
  const counts = useQuery({
    queryKey: ["model-counts", unit, year],
    queryFn: () => api<Counts>("GET", `/api/models/counts?unit=${unit}&year=${year}`),
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

const EMPTY_SHEET = {
  rationale: "",
  goals: "",
  contentMethod: "",
  area: "",
  targetGroup: "",
  forces: { lead: "", coordinating: "", participating: "" },
  resources: "",
  milestones: [] as { date: string; text: string }[],
  expectedOutputs: "",
  sustainability: "",
};

/** What the register dialog holds: the model's name and kind, its dates and its sheet. */
type ModelDraft = {
  name: string;
  fieldCode: string | null;
  kind: string;
  startedOn: string | null;
  evaluationOn: string | null;
  sheet: typeof EMPTY_SHEET;
};

const emptyDraft = (year: number): ModelDraft => ({
  name: "",
  fieldCode: null,
  kind: "collective",
  startedOn: `${year}-01-01`,
  evaluationOn: null,
  sheet: EMPTY_SHEET,
});

/** Why the register button cannot be pressed yet, in the order the fields stand; none when it can. */
function missingForModel(d: ModelDraft, t: (k: string) => string): string[] {
  return [
    ...(d.name.trim().length < 3 ? [t("models.needName")] : []),
    ...(!d.fieldCode ? [t("models.needField")] : []),
    ...(!d.startedOn ? [t("models.needStartedOn")] : []),
  ];
}

function RegisterModal({
  unit,
  year,
  fields,
  onClose,
}: {
  unit: string;
  year: number;
  fields: Fields["items"];
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const qc = useQueryClient();
  const me = useMe();
  const unitName = useUnitName(unit);
  const { error, onError, clear } = useApiError();
  const [draft, setDraft] = useState<ModelDraft>(() => emptyDraft(year));
  const dirty = JSON.stringify(draft) !== JSON.stringify(emptyDraft(year));
  // the sheet is long: what is typed is kept in this browser until it is saved
  const kept = useLocalDraft({
    user: me.data?.user.id,
    form: `model:${unit}:${year}`,
    value: draft,
    dirty,
    restore: (v) => setDraft({ ...emptyDraft(year), ...v, sheet: { ...EMPTY_SHEET, ...v.sheet } }),
  });
  const set = (patch: Partial<ModelDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setSheet = (patch: Partial<ModelDraft["sheet"]>) =>
    setDraft((d) => ({ ...d, sheet: { ...d.sheet, ...patch } }));
  const [duplicates, setDuplicates] = useState<{ id: number; name: string }[] | null>(null);
  const [typed] = useDebouncedValue(draft.name.trim(), 400);
  const similar = useQuery({
    queryKey: ["models-similar", unit, year, typed],
    queryFn: () =>
      api<Similar>("GET", `/api/models/similar?unit=${unit}&year=${year}&name=${encodeURIComponent(typed)}`),
    enabled: typed.length >= 3,
  });
  const save = useMutation({
    mutationFn: (confirmDuplicate: boolean) =>
      api<{ id: number }>("POST", "/api/models", {
        unitCode: unit,
        year,
        name: draft.name,
        fieldCode: draft.fieldCode,
        kind: draft.kind,
        details: draft.sheet,
        startedOn: draft.startedOn,
        evaluationOn: draft.evaluationOn,
        confirmDuplicate,
      }),
    onSuccess: async () => {
      clear();
      kept.clear();
      await qc.invalidateQueries({ queryKey: ["models"] });
      await qc.invalidateQueries({ queryKey: ["model-counts"] });
      confirmDone(t("models.registered", { name: draft.name.trim() }));
      onClose();
    },
    onError: (err) => {
      if (err instanceof ApiError && err.code === "possible_duplicate") {
        clear();
        setDuplicates(err.details as { id: number; name: string }[]);
      } else onError(err);
    },
  });
  const text = (key: Exclude<keyof typeof EMPTY_SHEET, "forces" | "milestones">, rows = 2) => (
    <Textarea
      label={t(`models.sheet.${key}`)}
      autosize
      minRows={rows}
      value={draft.sheet[key]}
      onChange={(e) => setSheet({ [key]: e.currentTarget.value })}
      data-testid={`sheet-${key}`}
    />
  );
  const force = (key: keyof typeof EMPTY_SHEET.forces) => (
    <TextInput
      label={t(`models.sheet.forces.${key}`)}
      value={draft.sheet.forces[key]}
      onChange={(e) => setSheet({ forces: { ...draft.sheet.forces, [key]: e.currentTarget.value } })}
    />
  );
  const alike = similar.data?.items ?? [];
  const missing = missingForModel(draft, t);
  return (
    <GuardedModal
      opened
      dirty={dirty}
      onClose={onClose}
      onDiscard={kept.clear}
      size="xl"
      title={t("models.registerTitle", { year, unit: unitName })}
    >
      {(close) => (
        <Stack gap="xs">
          {kept.restoredAt && (
            <Alert color="blue" data-testid="draft-restored">
              <Group justify="space-between" gap="xs">
                <Text size="sm">{t("models.draftRestored", { time: formatDateTime(kept.restoredAt) })}</Text>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => {
                    kept.clear();
                    setDraft(emptyDraft(year));
                  }}
                >
                  {t("models.dropDraft")}
                </Button>
              </Group>
            </Alert>
          )}
          <TextInput
            label={t("models.name")}
            withAsterisk
            value={draft.name}
            onChange={(e) => {
              set({ name: e.currentTarget.value });
              setDuplicates(null);
            }}
            data-testid="model-name"
            data-autofocus
          />
          {alike.length > 0 && (
            <Alert color="yellow" data-testid="model-similar">
              {t("models.similar")}: {alike.map((a) => `“${a.name}”`).join(", ")}
            </Alert>
          )}
          <Group grow align="flex-start">
            <Select
              label={t("models.field")}
              withAsterisk
              data={fields.map((f) => ({ value: f.code, label: en ? f.nameEn : f.nameVi }))}
              value={draft.fieldCode}
              onChange={(v) => set({ fieldCode: v })}
              data-testid="model-field"
            />
            <Radio.Group label={t("models.kind")} value={draft.kind} onChange={(v) => set({ kind: v })}>
              <Group mt={8}>
                <Radio value="collective" label={t("models.kinds.collective")} />
                <Radio value="individual" label={t("models.kinds.individual")} />
              </Group>
            </Radio.Group>
          </Group>
          <Group grow align="flex-start">
            <DateField
              label={t("models.startedOnLabel")}
              withAsterisk
              value={draft.startedOn}
              onChange={(v) => set({ startedOn: v })}
            />
            <DateField
              label={t("models.evaluationOnLabel")}
              value={draft.evaluationOn}
              onChange={(v) => set({ evaluationOn: v })}
              clearable
            />
          </Group>
          {text("rationale")}
          {text("goals")}
          {text("contentMethod", 3)}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t("models.sheet.area")}
              value={draft.sheet.area}
              onChange={(e) => setSheet({ area: e.currentTarget.value })}
            />
            <TextInput
              label={t("models.sheet.targetGroup")}
              value={draft.sheet.targetGroup}
              onChange={(e) => setSheet({ targetGroup: e.currentTarget.value })}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {force("lead")}
            {force("coordinating")}
            {force("participating")}
          </SimpleGrid>
          {text("resources")}
          {text("expectedOutputs")}
          {text("sustainability")}
          {error && <Alert color="red">{error}</Alert>}
          {duplicates && (
            <Alert color="orange" data-testid="model-duplicate">
              <Stack gap={6}>
                <Text size="sm">
                  {t("models.duplicate")}: {duplicates.map((d) => `“${d.name}”`).join(", ")}
                </Text>
                <Group>
                  <Button size="xs" color="orange" onClick={() => save.mutate(true)} loading={save.isPending}>
                    {t("models.saveAnyway")}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
          <DialogActions
            label={t("models.save")}
            onAction={() => save.mutate(false)}
            busy={save.isPending}
            missing={missing}
            onCancel={close}
            testId="model"
          />
        </Stack>
      )}
    </GuardedModal>
  );
}

function KeepUpModal({ unit, year, onClose }: { unit: string; year: number; onClose: () => void }) {
  const { t } = useTranslation();
  const unitName = useUnitName(unit);
  const qc = useQueryClient();
  const { error, onError } = useApiError();
  const candidates = useQuery({
    queryKey: ["model-carry-over", unit, year],
    queryFn: () => api<Candidates>("GET", `/api/models/carry-over?unit=${unit}&year=${year}`),
  });
  const [unticked, setUnticked] = useState<Set<number>>(new Set());
  const chosen = (candidates.data?.items ?? []).filter((c) => !unticked.has(c.id)).map((c) => c.id);
  const keep = useMutation({
    mutationFn: () =>
      api<{ kept: number }>("POST", "/api/models/carry-over", { unitCode: unit, year, modelIds: chosen }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ["models"] });
      await qc.invalidateQueries({ queryKey: ["model-counts"] });
      await qc.invalidateQueries({ queryKey: ["model-carry-over"] });
      onClose();
    },
    onError,
  });
  return (
    <Modal opened onClose={onClose} size="lg" title={t("models.keepUpTitle", { year, unit: unitName })}>
      <Stack gap="xs">
        {error && <Alert color="red">{error}</Alert>}
        {candidates.data?.items.length === 0 && <Text>{t("models.nothingToKeep")}</Text>}
        {candidates.data?.items.map((c) => (
          <Checkbox
            key={c.id}
            label={`${c.name} (${t("models.lastYear", { year: c.lastYear })})`}
            checked={!unticked.has(c.id)}
            onChange={(e) => {
              const next = new Set(unticked);
              if (e.currentTarget.checked) next.delete(c.id);
              else next.add(c.id);
              setUnticked(next);
            }}
          />
        ))}
        <Group>
          <Button onClick={() => keep.mutate()} loading={keep.isPending} disabled={chosen.length === 0}>
            {t("models.keepChosen", { count: chosen.length })}
          </Button>
          <Button variant="default" onClick={onClose}>
            {t("cancel")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
