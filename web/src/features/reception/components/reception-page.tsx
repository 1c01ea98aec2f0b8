import { RECEIVER_ROLE_NAMES, type ReceiverRole } from "@domain/reception-schedule.ts";
import { Alert, Badge, Button, Group, Select, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { UnitPicker } from "@/components/unit-picker.tsx";
import { WideTable } from "@/components/wide-table.tsx";
import { formatDate, formatPeriod } from "@/lib/format.ts";
import { type MonthSchedules, useSchedules, useSessions } from "../api/reception.ts";
import { recentMonths } from "../months.ts";
import { DialoguesPanel } from "./dialogues-panel.tsx";
import { NoticeModal } from "./notice-modal.tsx";
import { PublishSwitch } from "./publish-switch.tsx";
import { ScheduleModal } from "./schedule-modal.tsx";
import { SessionModal } from "./session-modal.tsx";

/**
 * Citizen reception of a unit for a month: each schedule with the days it gives (a day off moved to the next
 * working day) and whether it meets the legal minimum, scheduled and held in person; the sessions held.
 */
export function ReceptionPage({ defaultUnit, canHandle }: { defaultUnit: string; canHandle: boolean }) {
  const { t, i18n } = useTranslation();
  const months = recentMonths();
  // the unit and month are in the address, so a link (from the dashboard) opens them
  const [params, setParams] = useSearchParams();
  const unit = params.get("unit") ?? defaultUnit;
  const asked = params.get("month") ?? "";
  const month = months.includes(asked) ? asked : (months[0] as string);
  const set = (key: "unit" | "month", value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };
  const setUnit = (code: string) => set("unit", code);
  const setMonth = (m: string) => set("month", m);
  const [dialog, setDialog] = useState<null | "schedule" | "session" | "notice">(null);
  const schedules = useSchedules(unit, month);
  const sessions = useSessions(unit, month);
  const role = (r: string) =>
    RECEIVER_ROLE_NAMES[r as ReceiverRole]?.[i18n.language === "en" ? "en" : "vi"] ?? r;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t("reception.title")}</Title>
        {canHandle && unit && (
          <Group gap="xs">
            <Button variant="default" onClick={() => setDialog("notice")} data-testid="reception-notice">
              {t("reception.notice")}
            </Button>
            <Button
              variant="light"
              onClick={() => setDialog("schedule")}
              data-testid="reception-new-schedule"
            >
              {t("reception.newSchedule")}
            </Button>
            <Button onClick={() => setDialog("session")} data-testid="reception-new-session">
              {t("reception.newSession")}
            </Button>
          </Group>
        )}
      </Group>
      {!unit && <Alert>{t("reception.pickUnit")}</Alert>}
      {canHandle && unit && schedules.data && (
        <PublishSwitch unit={unit} published={schedules.data.published} />
      )}
      <Group align="end">
        <UnitPicker
          label={t("reception.unit")}
          value={unit || null}
          clearable={false}
          onChange={(code) => code && setUnit(code)}
          w={300}
        />
        <Select
          label={t("reception.month")}
          data={months.map((m) => ({ value: m, label: formatPeriod(m.replace("-", "")) }))}
          value={month}
          onChange={(v) => v && setMonth(v)}
          allowDeselect={false}
          w={200}
        />
      </Group>
      <Title order={4}>{t("reception.schedules")}</Title>
      <WideTable minWidth={860} label={t("reception.schedules")}>
        <Table striped data-testid="reception-schedules">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("reception.receiver")}</Table.Th>
              <Table.Th>{t("reception.days")}</Table.Th>
              <Table.Th>{t("reception.rule")}</Table.Th>
              <Table.Th>{t("reception.scheduledCheck")}</Table.Th>
              <Table.Th>{t("reception.heldCheck")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {schedules.data?.items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={5}>{t("reception.noSchedule")}</Table.Td>
              </Table.Tr>
            )}
            {schedules.data?.items.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Text size="sm">{s.receiverName}</Text>
                  <Text size="xs" c="dimmed">
                    {role(s.receiverRole)}
                    {s.place ? ` · ${s.place}` : ""}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {s.days.map((d) => (
                    <Text
                      key={d.on}
                      size="sm"
                      title={
                        d.movedFrom ? t("reception.moved", { from: formatDate(d.movedFrom) }) : undefined
                      }
                    >
                      {formatDate(d.on)}
                      {d.movedFrom ? " *" : ""}
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td>
                  <RuleText rule={s.rule} />
                </Table.Td>
                <Table.Td>
                  <CheckBadge check={s.scheduled} />
                </Table.Td>
                <Table.Td>
                  <CheckBadge check={s.held} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </WideTable>
      <Text size="xs" c="dimmed">
        {t("reception.movedNote")}
      </Text>
      <Title order={4}>{t("reception.sessions")}</Title>
      <WideTable minWidth={760} label={t("reception.sessions")}>
        <Table striped data-testid="reception-sessions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("reception.heldOn")}</Table.Th>
              <Table.Th>{t("reception.receiver")}</Table.Th>
              <Table.Th>{t("reception.citizens")}</Table.Th>
              <Table.Th>{t("reception.content")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sessions.data?.items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={4}>{t("reception.noSession")}</Table.Td>
              </Table.Tr>
            )}
            {sessions.data?.items.map((x) => (
              <Table.Tr key={x.id}>
                <Table.Td>{formatDate(x.heldOn)}</Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {x.inPerson
                      ? x.receiverName
                      : t("reception.deputyFor", { deputy: x.deputyName, leader: x.receiverName })}
                  </Text>
                  {x.delegationNotAllowed && (
                    <Badge color="red" variant="light" data-testid="reception-delegation">
                      {t("reception.delegationNotAllowed")}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {t("reception.citizensCount", { count: x.citizens })}
                  {x.groups > 0 && (
                    <Text size="xs">
                      {t("reception.groupsCount", { count: x.groups, largest: x.largestGroup ?? 0 })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{x.content}</Text>
                  {x.decided && (
                    <Text size="xs" c="dimmed">
                      {x.decided}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </WideTable>
      {unit && <DialoguesPanel unit={unit} year={Number(month.slice(0, 4))} canHandle={canHandle} />}
      {dialog === "notice" && <NoticeModal unit={unit} month={month} onClose={() => setDialog(null)} />}
      {dialog === "schedule" && <ScheduleModal unit={unit} onClose={() => setDialog(null)} />}
      {dialog === "session" && (
        <SessionModal unit={unit} schedules={schedules.data?.items ?? []} onClose={() => setDialog(null)} />
      )}
    </Stack>
  );
}

type Row = MonthSchedules["items"][number];

function RuleText({ rule }: { rule: Row["rule"] }) {
  const { t } = useTranslation();
  if (!rule) return <>—</>;
  return (
    <>
      <Text size="sm">{t(`reception.per.${rule.per}`, { count: rule.days })}</Text>
      <Text size="xs" c="dimmed">
        {rule.source}
      </Text>
    </>
  );
}

function CheckBadge({ check }: { check: Row["scheduled"] }) {
  const { t } = useTranslation();
  if (!check) return <>—</>;
  return (
    <Badge color={check.ok ? "teal" : "red"} variant="light">
      {t("reception.checkOf", { counted: check.counted, required: check.required })}
    </Badge>
  );
}
