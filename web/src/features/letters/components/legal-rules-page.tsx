import { CLOCK_KEY_LABELS, CLOCK_KEYS, type ClockKey } from "@domain/letter-clock.ts";
import { RECEIVER_ROLE_NAMES, type ReceiverRole } from "@domain/reception-schedule.ts";
import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DateField } from "@/components/date-field.tsx";
import { UnitPicker } from "@/components/unit-picker.tsx";
import { WideTable } from "@/components/wide-table.tsx";
import { type BodyOf, call, client } from "@/lib/api.ts";
import { formatDate } from "@/lib/format.ts";
import { confirmDone } from "@/lib/notify.ts";
import { useApiError } from "@/lib/use-api-error.ts";

const COLORS = { confirmed: "teal", partly: "yellow", unconfirmed: "red" } as const;

/**
 * The rules letters and reception run on, as data: each time limit and reception minimum with its source and how
 * sure it is, from its date; a system administrator stores a newer one as the law changes.
 */
export function LegalRulesPage({ canManage, defaultUnit }: { canManage: boolean; defaultUnit: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const [unit, setUnit] = useState(defaultUnit || "82");
  const clock = useQuery({
    queryKey: ["legal-rules", "clock"],
    queryFn: () => call(client.GET("/api/letters/clock-rules")),
  });
  const reception = useQuery({
    queryKey: ["legal-rules", "reception", unit],
    queryFn: () => call(client.GET("/api/reception/rules", { params: { query: { unit } } })),
    enabled: /^\d{2,5}$/.test(unit),
  });
  return (
    <Stack>
      <Title order={3}>{t("legalRules.title")}</Title>
      <Text size="sm">{t("legalRules.intro")}</Text>
      <Title order={4}>{t("legalRules.clock")}</Title>
      <WideTable minWidth={820} label={t("legalRules.clock")}>
        <Table striped data-testid="clock-rules">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("legalRules.rule")}</Table.Th>
              <Table.Th>{t("legalRules.days")}</Table.Th>
              <Table.Th>{t("legalRules.from")}</Table.Th>
              <Table.Th>{t("legalRules.source")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {clock.data?.items.map((r) => (
              <Table.Tr key={`${r.key}${r.validFrom}${r.stored}`}>
                <Table.Td>{CLOCK_KEY_LABELS[r.key][lang]}</Table.Td>
                <Table.Td>
                  {t(r.count === "working" ? "legalRules.workingDays" : "legalRules.calendarDays", {
                    count: r.days,
                  })}
                </Table.Td>
                <SourceCells rule={r} />
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </WideTable>
      {canManage && <ClockRuleForm />}
      <Title order={4}>{t("legalRules.reception")}</Title>
      <UnitPicker
        label={t("reception.unit")}
        value={unit || null}
        clearable={false}
        onChange={(code) => code && setUnit(code)}
        w={300}
      />
      <WideTable minWidth={760} label={t("legalRules.reception")}>
        <Table striped data-testid="reception-rules">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("reception.role")}</Table.Th>
              <Table.Th>{t("reception.rule")}</Table.Th>
              <Table.Th>{t("legalRules.from")}</Table.Th>
              <Table.Th>{t("legalRules.source")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {reception.data?.inForce.map((r) => (
              <Table.Tr key={`${r.role}${r.validFrom}${r.unitCode ?? ""}`}>
                <Table.Td>{RECEIVER_ROLE_NAMES[r.role as ReceiverRole][lang]}</Table.Td>
                <Table.Td>{t(`reception.per.${r.per}`, { count: r.days })}</Table.Td>
                <SourceCells rule={r} />
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </WideTable>
    </Stack>
  );
}

type ClockRuleBody = BodyOf<"/api/letters/clock-rules", "put">;

/** A newer time limit from a date, as a system administrator stores it when the law changes. */
function ClockRuleForm() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const qc = useQueryClient();
  const { error, onError, clear } = useApiError();
  const [key, setKey] = useState<ClockKey>("complaint.accept");
  const [days, setDays] = useState(10);
  const [count, setCount] = useState<ClockRuleBody["count"]>("working");
  const [from, setFrom] = useState<string | null>("2026-07-01");
  const [source, setSource] = useState("");
  const [confidence, setConfidence] = useState<ClockRuleBody["confidence"]>("unconfirmed");
  const save = useMutation({
    mutationFn: () =>
      call(
        client.PUT("/api/letters/clock-rules", {
          body: { key, days, count, validFrom: from ?? "", source, confidence },
        }),
      ),
    onSuccess: async () => {
      clear();
      confirmDone(t("legalRules.saved"));
      await qc.invalidateQueries({ queryKey: ["legal-rules"] });
    },
    onError,
  });
  return (
    <Stack gap="xs" data-testid="clock-rule-form">
      <Text size="sm" fw={600}>
        {t("legalRules.newClock")}
      </Text>
      <Group align="end" wrap="wrap">
        <Select
          label={t("legalRules.rule")}
          data={CLOCK_KEYS.map((k) => ({ value: k, label: CLOCK_KEY_LABELS[k][lang] }))}
          value={key}
          onChange={(v) => v && setKey(v as ClockKey)}
          allowDeselect={false}
          w={320}
        />
        <NumberInput
          label={t("legalRules.days")}
          min={1}
          max={365}
          value={days}
          onChange={(v) => typeof v === "number" && setDays(v)}
          w={110}
        />
        <Select
          label={t("legalRules.count")}
          data={[
            { value: "calendar", label: t("legalRules.calendar") },
            { value: "working", label: t("legalRules.working") },
          ]}
          value={count}
          onChange={(v) => v && setCount(v as ClockRuleBody["count"])}
          allowDeselect={false}
          w={160}
        />
        <DateField label={t("legalRules.from")} value={from} onChange={setFrom} w={160} />
        <TextInput
          label={t("legalRules.source")}
          value={source}
          onChange={(e) => setSource(e.currentTarget.value)}
          maxLength={300}
          w={240}
        />
        <Select
          label={t("legalRules.sure")}
          data={(["confirmed", "partly", "unconfirmed"] as const).map((c) => ({
            value: c,
            label: t(`legalRules.confidence.${c}`),
          }))}
          value={confidence}
          onChange={(v) => v && setConfidence(v as ClockRuleBody["confidence"])}
          allowDeselect={false}
          w={170}
        />
        <Button
          onClick={() => save.mutate()}
          loading={save.isPending}
          disabled={source.trim().length < 3 || !from}
        >
          {t("legalRules.save")}
        </Button>
      </Group>
      {error && <Alert color="red">{error}</Alert>}
    </Stack>
  );
}

/** A rule's date in force, and its source with how sure it is. */
function SourceCells({
  rule,
}: {
  rule: { validFrom: string; source: string; confidence: keyof typeof COLORS };
}) {
  const { t } = useTranslation();
  return (
    <>
      <Table.Td>{formatDate(rule.validFrom)}</Table.Td>
      <Table.Td>
        <Group gap={6}>
          <Text size="sm">{rule.source}</Text>
          <Badge color={COLORS[rule.confidence]} variant="light">
            {t(`legalRules.confidence.${rule.confidence}`)}
          </Badge>
        </Group>
      </Table.Td>
    </>
  );
}
