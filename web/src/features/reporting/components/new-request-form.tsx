import { Alert, Button, Group, Paper, Select, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { DateField } from "../../../components/date-field.tsx";
import { api, type ReportForm } from "../../../lib/api.ts";
import type { paths } from "../../../lib/api-types.ts";
import { formatDate } from "../../../lib/format.ts";
import { describeFailure, useApiError } from "../../../lib/use-api-error.ts";

type Deadline = paths["/api/reporting/deadline"]["get"]["responses"]["200"]["content"]["application/json"];
const LEVELS = ["commune", "district", "hamlet"] as const;

/** Issue a request: form, period (its cut-off and the proposed deadline shown at once), targets, công văn. */
export function NewRequestForm({ defaultIssuer, onDone }: { defaultIssuer: string; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { error, onError } = useApiError();
  const [issuer, setIssuer] = useState(defaultIssuer);
  const [formId, setFormId] = useState<string | null>(null);
  const [period, setPeriod] = useState(String(new Date().getFullYear()));
  const [level, setLevel] = useState<(typeof LEVELS)[number]>("commune");
  const [referenceNo, setReferenceNo] = useState("");
  const [deadline, setDeadline] = useState<string | null>(null);
  const forms = useQuery({
    queryKey: ["forms"],
    queryFn: () => api<{ items: ReportForm[] }>("GET", "/api/forms"),
  });
  const proposal = useQuery({
    queryKey: ["deadline", period, level],
    queryFn: () =>
      api<Deadline>("GET", `/api/reporting/deadline?period=${encodeURIComponent(period)}&level=${level}`),
    retry: false,
  });
  const create = useMutation({
    mutationFn: () =>
      api<{ id: number }>("POST", "/api/requests", {
        issuerUnitCode: issuer.trim(),
        formId: Number(formId ?? forms.data?.items[0]?.id),
        period: { code: period.trim() },
        targetLevel: level,
        ...(referenceNo.trim() ? { referenceNo: referenceNo.trim() } : {}),
        ...(deadline ? { deadline } : {}),
      }),
    onSuccess: async (r) => {
      await qc.invalidateQueries({ queryKey: ["requests"] });
      await qc.invalidateQueries({ queryKey: ["inbox"] });
      onDone();
      navigate(`/requests/${r.id}`);
    },
    onError,
  });
  const p = proposal.data;
  return (
    <Paper withBorder p="md">
      <Stack>
        {error && <Alert color="red">{error}</Alert>}
        <Group align="end" wrap="wrap">
          <TextInput
            label={t("reports.issuer")}
            value={issuer}
            onChange={(e) => setIssuer(e.currentTarget.value)}
            w={130}
          />
          <Select
            label={t("reports.form")}
            w={380}
            value={formId ?? (forms.data?.items[0] ? String(forms.data.items[0].id) : null)}
            onChange={setFormId}
            data={(forms.data?.items ?? []).map((f) => ({
              value: String(f.id),
              label: `${i18n.language === "en" ? f.nameEn : f.nameVi} (v${f.version})`,
            }))}
          />
          <TextInput
            label={t("reports.period")}
            description={t("reports.periodHint")}
            value={period}
            onChange={(e) => {
              setPeriod(e.currentTarget.value);
              setDeadline(null);
            }}
            w={200}
            data-testid="period"
          />
          <Select
            label={t("reports.targetLevel")}
            w={190}
            value={level}
            onChange={(v) => v && setLevel(v as (typeof LEVELS)[number])}
            data={LEVELS.map((l) => ({ value: l, label: t(l) }))}
          />
          <TextInput
            label={t("reports.referenceNo")}
            placeholder="113-CV/BDVHU"
            value={referenceNo}
            onChange={(e) => setReferenceNo(e.currentTarget.value)}
            w={160}
          />
          <DateField
            label={t("reports.deadline")}
            value={deadline ?? p?.deadline ?? null}
            onChange={setDeadline}
            w={150}
          />
        </Group>
        {p && (
          <Text size="sm" c="dimmed">
            {p.period.labelVi} ·{" "}
            {t("reports.cutoff", {
              from: formatDate(p.period.cutoffFrom),
              to: formatDate(p.period.cutoffTo),
            })}{" "}
            · {t("reports.proposed", { date: formatDate(p.deadline) })}
          </Text>
        )}
        {proposal.error && (
          <Text size="sm" c="red">
            {describeFailure(proposal.error, i18n.language)}
          </Text>
        )}
        <Group>
          <Button onClick={() => create.mutate()} loading={create.isPending} disabled={!p}>
            {t("reports.issue")}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t("cancel")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
