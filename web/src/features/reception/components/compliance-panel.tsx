import { Alert, Anchor, Badge, Group, Loader, Paper, Select, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ExportButton } from "@/components/export-button.tsx";
import { WideTable } from "@/components/wide-table.tsx";
import { formatPeriod, formatValue } from "@/lib/format.ts";
import { describeFailure } from "@/lib/use-api-error.ts";
import { type Compliance, useCompliance } from "../api/reception.ts";
import { recentMonths } from "../months.ts";

type Item = Compliance["items"][number];
type Status = Item["status"];

const COLOR: Record<Status, string> = {
  kept: "teal",
  short_held: "orange",
  short_scheduled: "red",
  no_schedule: "gray",
};
// the units short of the law first, then those that kept it
const ORDER: Record<Status, number> = { short_scheduled: 0, short_held: 1, kept: 2, no_schedule: 3 };

/**
 * Citizen reception on the dashboard: whether a unit and each unit directly under it (a province's communes and
 * wards) kept their leaders' reception schedules in a month: schedules meeting the legal minimum, held in
 * person, a deputy in a leader's place (not allowed from 01/7/2026). Each unit opens its reception page.
 */
export function CompliancePanel({ unit }: { unit: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const months = recentMonths();
  const [month, setMonth] = useState(months[0] as string);
  const [showNone, setShowNone] = useState(false);
  const q = useCompliance(unit, month);
  const d = q.data;
  const monthName = (m: string) => formatPeriod(m.replace("-", ""), lang);
  const withSchedule = (d?.items ?? [])
    .filter((i) => i.own || i.status !== "no_schedule")
    .sort((a, b) => Number(b.own) - Number(a.own) || ORDER[a.status] - ORDER[b.status]);
  const none = (d?.items ?? []).filter((i) => !i.own && i.status === "no_schedule");
  const status = (i: Item) => t(`compliance.status.${i.status}`);
  return (
    <Paper withBorder p="sm" data-testid="reception-compliance">
      <Stack gap="xs">
        <Group justify="space-between" align="end">
          <Text fw={600}>{t("compliance.title")}</Text>
          <Select
            label={t("reception.month")}
            data={months.map((m) => ({ value: m, label: monthName(m) }))}
            value={month}
            onChange={(v) => v && setMonth(v)}
            allowDeselect={false}
            w={200}
          />
        </Group>
        {!unit && <Text size="sm">{t("compliance.pickUnit")}</Text>}
        {q.isLoading && <Loader size="sm" />}
        {q.error && <Alert color="red">{describeFailure(q.error, lang)}</Alert>}
        {d && d.summary.units > 0 && (
          <Text size="sm" data-testid="compliance-summary">
            {t("compliance.summary", { ...d.summary, month: monthName(d.month) })}
          </Text>
        )}
        {d && (
          <>
            <Group justify="flex-end">
              <ExportButton
                title={`${t("compliance.title")} – ${d.unit.name} – ${monthName(d.month)}`}
                columns={[
                  t("unit"),
                  t("compliance.leaders"),
                  t("compliance.scheduled"),
                  t("compliance.held"),
                  t("compliance.byDeputy"),
                  t("compliance.state"),
                ]}
                rows={() =>
                  [...withSchedule, ...none].map((i) => [
                    i.unitName,
                    i.leaders,
                    i.scheduledOk,
                    i.heldOk,
                    i.byDeputy,
                    status(i),
                  ])
                }
              />
            </Group>
            <WideTable minWidth={760} label={t("compliance.title")}>
              <Table striped data-testid="compliance-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("unit")}</Table.Th>
                    <Table.Th>{t("compliance.scheduled")}</Table.Th>
                    <Table.Th>{t("compliance.held")}</Table.Th>
                    <Table.Th>{t("compliance.byDeputy")}</Table.Th>
                    <Table.Th>{t("compliance.state")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {withSchedule.map((i) => (
                    <Table.Tr key={i.unitCode} data-testid={`compliance-${i.unitCode}`}>
                      <Table.Td>
                        <Anchor component={Link} to={`/reception?unit=${i.unitCode}&month=${d.month}`}>
                          {i.unitName}
                        </Anchor>
                        {i.own && (
                          <Text size="xs" c="dimmed">
                            {t("compliance.own")}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{t("compliance.ofLeaders", { n: i.scheduledOk, of: i.leaders })}</Table.Td>
                      <Table.Td>{t("compliance.ofLeaders", { n: i.heldOk, of: i.leaders })}</Table.Td>
                      <Table.Td>
                        {formatValue(String(i.byDeputy), lang)}
                        {i.deputyNotAllowed > 0 && (
                          <Badge ml="xs" color="red" variant="light">
                            {t("compliance.notAllowed", { count: i.deputyNotAllowed })}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Badge color={COLOR[i.status]} variant="light">
                          {status(i)}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </WideTable>
            {none.length > 0 && (
              <Group gap="xs">
                <Text size="sm">{t("compliance.noneCount", { count: none.length })}</Text>
                <Anchor component="button" type="button" size="sm" onClick={() => setShowNone((v) => !v)}>
                  {showNone ? t("compliance.hide") : t("compliance.show")}
                </Anchor>
              </Group>
            )}
            {showNone && (
              <Text size="sm" c="dimmed" data-testid="compliance-none">
                {none.map((i) => i.unitName).join(", ")}
              </Text>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
