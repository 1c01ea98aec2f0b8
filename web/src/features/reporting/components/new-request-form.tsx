import { Alert, Button, Group, Paper, SegmentedControl, Select, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { skipToken, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DateField } from "@/components/date-field.tsx";
import { PeriodPicker, type PeriodValue } from "@/components/period-picker.tsx";
import { UnitPicker } from "@/components/unit-picker.tsx";
import { useFormsFor } from "@/features/forms/api/forms.ts";
import { useCitedDocument } from "@/features/registry/api/cited.ts";
import { unitKeys } from "@/features/units/api/keys.ts";
import { call, client } from "@/lib/api.ts";
import { formatDate } from "@/lib/format.ts";
import { describeFailure, useApiError } from "@/lib/use-api-error.ts";
import { reportingKeys } from "../api/keys.ts";
import { useIssueRequest, useOwedReport } from "../api/requests.ts";
import { BELOW, type Level } from "../levels.ts";
import { OverlapAlert } from "./overlap-alert.tsx";
import { OwedNote } from "./request-chain.tsx";
import { RequestCites } from "./request-cites.tsx";
import { TargetBodiesPicker } from "./target-bodies-picker.tsx";

/**
 * Issue a request: the issuing unit by name, the form, the period in words (its cut-off and the proposed
 * deadline shown at once), the targets (how many units it will ask), the công văn; warned before issuing one
 * that asks the same units for the same form and period as another.
 */
export function NewRequestForm({
  defaultIssuer,
  onDone,
  answers = null,
  cites = "",
}: {
  defaultIssuer: string;
  onDone: () => void;
  /** the issuer's own report owed upward that the request gathers for */
  answers?: number | null;
  /** the number of the công văn that announces the request (a document drafted and issued here) */
  cites?: string;
}) {
  const { t, i18n } = useTranslation();
  const { error, onError, fieldError, clear } = useApiError();
  const [issuer, setIssuer] = useState<string | null>(defaultIssuer || null);
  const [issuerLevel, setIssuerLevel] = useState<Level>("province");
  const [formId, setFormId] = useState<string | null>(null);
  const [period, setPeriod] = useState<PeriodValue>({ code: String(new Date().getFullYear()) });
  const [level, setLevel] = useState<Level>("commune");
  // every unit of a level below, or bodies by name: of the issuer's own unit and of units below
  const [mode, setMode] = useState<"level" | "bodies">("level");
  const [issuerBodyId, setIssuerBodyId] = useState<number | null>(null);
  const owed = useOwedReport(answers, (unit, bodyId) => {
    setIssuer(unit);
    setIssuerBodyId(bodyId);
  });
  const [targetBodyIds, setTargetBodyIds] = useState<number[]>([]);
  // at every unit of the level: the unit itself, or its body of one kind (every commune's Đảng ủy)
  const [bodyKind, setBodyKind] = useState<string | null>(null);
  const kinds = useQuery({
    queryKey: unitKeys.bodyKinds(),
    queryFn: () => call(client.GET("/api/body-kinds")),
  });
  const askedLevel = mode === "bodies" ? issuerLevel : level;
  const [referenceNo, setReferenceNo] = useState(cites);
  const [planId, setPlanId] = useState<number | null>(null);
  const [issuedOn, setIssuedOn] = useState<string | null>(null);
  const [deadline, setDeadline] = useState<string | null>(null);
  const [confirmOverlap, setConfirmOverlap] = useState(false);
  const { items, first } = useFormsFor(askedLevel);
  const form = formId ?? (first ? String(first.id) : null);
  const periodInput =
    "code" in period
      ? { code: period.code }
      : period.start && period.end
        ? { start: period.start, end: period.end }
        : null;
  const code = "code" in period ? period.code : null;
  const proposal = useQuery({
    // gathering for a report owed upward: the deadlines count back from its own
    queryKey: reportingKeys.deadline(code, askedLevel, answers),
    queryFn: () =>
      call(
        client.GET("/api/reporting/deadline", {
          params: { query: { period: code ?? "", level: askedLevel, ...(answers ? { answers } : {}) } },
        }),
      ),
    enabled: code !== null,
    retry: false,
  });
  const targets =
    mode === "level"
      ? { targetLevel: level, ...(bodyKind ? { targetBodyKind: bodyKind } : {}) }
      : issuerBodyId !== null && targetBodyIds.length
        ? { issuerBodyId, targetBodyIds }
        : null;
  // the công văn found in the issuer's registry: the answers' first line will cite it
  const cited = useCitedDocument(issuer, referenceNo);
  const body =
    issuer && form && periodInput && targets
      ? {
          issuerUnitCode: issuer,
          formId: Number(form),
          period: periodInput,
          ...targets,
          ...(referenceNo.trim() ? { referenceNo: referenceNo.trim() } : {}),
          ...(cited ? { citedDocumentId: cited.id } : {}),
          ...(planId ? { planId } : {}),
          ...(issuedOn ? { issuedOn } : {}),
          ...(answers ? { answersSubmissionId: answers } : {}),
          ...(deadline ? { deadline } : {}),
        }
      : null;
  // how many units it will ask, and the requests that already ask them for the same form and period
  const [previewOf] = useDebouncedValue(
    body && { ...body, referenceNo: undefined, deadline: undefined },
    300,
  );
  const preview = useQuery({
    queryKey: reportingKeys.preview(previewOf),
    queryFn: previewOf ? () => call(client.POST("/api/requests/preview", { body: previewOf })) : skipToken,
    retry: false,
  });
  const overlaps = preview.data?.items ?? [];
  const create = useIssueRequest(
    body && { ...body, ...(overlaps.length && confirmOverlap ? { allowOverlap: true } : {}) },
    () => {
      clear();
      onDone();
    },
    onError,
  );
  const p = proposal.data;
  const blocked = !body
    ? t(
        mode === "bodies" && issuer && form && periodInput
          ? "reports.pickTargetBodies"
          : "reports.fillRequired",
      )
    : overlaps.length && !confirmOverlap
      ? t("reports.confirmOverlapFirst")
      : null;
  return (
    <Paper withBorder p="md">
      <Stack>
        {owed && <OwedNote owed={owed} />}
        <Group align="start" wrap="wrap">
          <UnitPicker
            label={t("reports.issuer")}
            withAsterisk
            permission="report.request"
            w={320}
            value={issuer}
            onChange={(c) => {
              setIssuer(c);
              setIssuerBodyId(null);
              setTargetBodyIds([]);
              clear();
            }}
            onLevel={(l) => {
              setIssuerLevel(l);
              if (!BELOW[l].includes(level)) setLevel(BELOW[l][0] ?? "commune");
            }}
            error={fieldError("issuerUnitCode")}
            data-testid="issuer"
          />
          <Select
            label={t("reports.form")}
            withAsterisk
            w={380}
            allowDeselect={false}
            value={form}
            onChange={setFormId}
            data={items.map((f) => ({
              value: String(f.id),
              label: i18n.language === "en" ? f.nameEn : f.nameVi,
            }))}
            error={fieldError("formId")}
          />
        </Group>
        <PeriodPicker
          value={period}
          onChange={(v) => {
            setPeriod(v);
            setDeadline(null);
          }}
          error={
            fieldError("period") ?? (proposal.error ? describeFailure(proposal.error, i18n.language) : null)
          }
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t("reports.askMode")}
          </Text>
          <SegmentedControl
            w="fit-content"
            value={mode}
            onChange={(v) => setMode(v as "level" | "bodies")}
            data={[
              { value: "level", label: t("reports.askLevel") },
              { value: "bodies", label: t("reports.askBodies") },
            ]}
            data-testid="ask-mode"
          />
        </Stack>
        {mode === "bodies" && issuer && (
          <TargetBodiesPicker
            unitCode={issuer}
            issuerBodyId={issuerBodyId}
            onIssuerBody={setIssuerBodyId}
            targets={targetBodyIds}
            onTargets={setTargetBodyIds}
            fieldError={fieldError}
          />
        )}
        <Group align="start" wrap="wrap">
          {mode === "level" && (
            <Select
              label={t("reports.targetLevel")}
              withAsterisk
              w={220}
              allowDeselect={false}
              value={level}
              onChange={(v) => v && setLevel(v as Level)}
              data={BELOW[issuerLevel].map((l) => ({ value: l, label: t(l) }))}
              description={preview.data ? t("reports.willAsk", { count: preview.data.targets }) : undefined}
              error={fieldError("targetLevel")}
            />
          )}
          {mode === "level" && (
            <Select
              label={t("reports.targetBodyKind")}
              w={260}
              clearable
              placeholder={t("reports.wholeUnit")}
              value={bodyKind}
              onChange={setBodyKind}
              data={(kinds.data ?? []).map((k) => ({
                value: k.kind,
                label: i18n.language === "en" ? k.en : k.vi,
              }))}
              error={fieldError("targetBodyKind")}
              data-testid="target-body-kind"
            />
          )}
          <RequestCites
            issuer={issuer}
            referenceNo={referenceNo}
            onReferenceNo={setReferenceNo}
            cited={cited}
            planId={planId}
            onPlan={setPlanId}
            issuedOn={issuedOn}
            onIssuedOn={setIssuedOn}
            fieldError={fieldError}
          />
          <DateField
            label={t("reports.deadline")}
            description={p ? t("reports.proposed", { date: formatDate(p.deadline) }) : undefined}
            value={deadline ?? p?.deadline ?? null}
            onChange={setDeadline}
            w={170}
            error={fieldError("deadline")}
          />
        </Group>
        {p && (
          <Text size="sm" c="dimmed">
            {t("reports.cutoff", {
              from: formatDate(p.period.cutoffFrom),
              to: formatDate(p.period.cutoffTo),
            })}
          </Text>
        )}
        {overlaps.length > 0 && (
          <OverlapAlert overlaps={overlaps} confirmed={confirmOverlap} onConfirm={setConfirmOverlap} />
        )}
        {error && (
          <Alert color="red" data-testid="form-error">
            {error}
          </Alert>
        )}
        <Group>
          <Button onClick={() => create.mutate()} loading={create.isPending} disabled={blocked !== null}>
            {t("reports.issue")}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t("cancel")}
          </Button>
          {blocked && (
            <Text size="sm" c="dimmed" data-testid="why-disabled">
              {blocked}
            </Text>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
