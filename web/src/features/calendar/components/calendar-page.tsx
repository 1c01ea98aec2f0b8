import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "@/components/confirm-dialog.tsx";
import { DateField } from "@/components/date-field.tsx";
import { WideTable } from "@/components/wide-table.tsx";
import { type CalendarYear, call, client } from "@/lib/api.ts";
import { formatDate, todayIso } from "@/lib/format.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import { calendarKeys } from "../api/keys.ts";

type Day = CalendarYear["days"][number];
const WEEKDAYS = ["CN", "T2", "T3", "T4", "T5", "T6", "T7"];
const weekday = (iso: string) => WEEKDAYS[new Date(`${iso}T00:00:00Z`).getUTCDay()];

/** A year's holidays and make-up working days; system admins edit and confirm it. */
export function CalendarPage({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [year, setYear] = useState(Number(todayIso().slice(0, 4)));
  const q = useQuery({
    queryKey: calendarKeys.year(year),
    queryFn: () => call(client.GET("/api/calendar/{year}", { params: { path: { year } } })),
  });
  const [days, setDays] = useState<Day[]>([]);
  const [draft, setDraft] = useState({ date: "", kind: "holiday" as Day["kind"], name: "" });
  const [confirming, setConfirming] = useState(false);
  const { error, onError, clear } = useApiError();
  useEffect(() => setDays(q.data?.days ?? []), [q.data]);
  const save = useMutation({
    mutationFn: () =>
      call(
        client.PUT("/api/calendar/{year}", {
          params: { path: { year } },
          body: {
            version: q.data?.version ?? null,
            // confirming turns estimates into official days: say who confirmed them, and when
            days: days.map((d) =>
              d.status === "estimated"
                ? {
                    ...d,
                    status: "official" as const,
                    source: `Xác nhận bởi quản trị hệ thống ngày ${formatDate(todayIso())}`,
                  }
                : d,
            ),
          },
        }),
      ),
    onSuccess: async () => {
      clear();
      setConfirming(false);
      await qc.invalidateQueries({ queryKey: calendarKeys.year(year) });
    },
    onError: (err) => {
      setConfirming(false);
      onError(err);
    },
  });
  const add = () => {
    if (!draft.date || !draft.name.trim()) return;
    setDays(
      [
        ...days.filter((d) => d.date !== draft.date),
        { ...draft, status: "official" as const, source: "Quản trị hệ thống nhập" },
      ].sort((a, b) => a.date.localeCompare(b.date)),
    );
    setDraft({ ...draft, date: "", name: "" });
  };
  return (
    <Stack>
      <Title order={3}>{t("calendar")}</Title>
      {error && <Alert color="red">{error}</Alert>}
      <Group align="end">
        <NumberInput
          label={t("year")}
          value={year}
          min={2000}
          max={2100}
          onChange={(v) => typeof v === "number" && setYear(v)}
          w={120}
        />
        {q.data && (
          <Badge color={q.data.status === "official" ? "green" : "orange"} variant="light" size="lg">
            {t(q.data.status)}
            {q.data.stored ? ` · ${t("storedCalendar")}` : ""}
          </Badge>
        )}
      </Group>
      <WideTable minWidth={600} label={t("calendar")}>
        <Table striped data-testid="calendar-days">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("date")}</Table.Th>
              <Table.Th />
              <Table.Th>{t("type")}</Table.Th>
              <Table.Th>{t("name")}</Table.Th>
              <Table.Th>{t("source")}</Table.Th>
              {canManage && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {days.map((d) => (
              <Table.Tr key={d.date}>
                <Table.Td>{formatDate(d.date)}</Table.Td>
                <Table.Td>{weekday(d.date)}</Table.Td>
                <Table.Td>
                  <Badge color={d.kind === "holiday" ? "red" : "blue"} variant="light">
                    {d.kind === "holiday" ? t("holidayKind") : t("workingKind")}
                  </Badge>{" "}
                  {d.status === "estimated" && (
                    <Badge color="orange" variant="outline">
                      {t("estimated")}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{d.name}</Table.Td>
                <Table.Td>{d.source}</Table.Td>
                {canManage && (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => setDays(days.filter((x) => x.date !== d.date))}
                    >
                      {t("remove")}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </WideTable>
      {canManage && (
        <>
          <Group align="end">
            <DateField
              label={t("dayDate")}
              value={draft.date || null}
              onChange={(v) => setDraft({ ...draft, date: v ?? "" })}
              w={170}
            />
            <Select
              label={t("type")}
              w={200}
              value={draft.kind}
              data={[
                { value: "holiday", label: t("holidayKind") },
                { value: "working", label: t("workingKind") },
              ]}
              onChange={(v) => setDraft({ ...draft, kind: v === "working" ? "working" : "holiday" })}
            />
            <TextInput
              label={t("name")}
              value={draft.name}
              onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
            />
            <Button variant="light" onClick={add}>
              {t("addDay")}
            </Button>
          </Group>
          <Group>
            <Button onClick={() => setConfirming(true)}>{t("saveCalendar")}</Button>
          </Group>
          <ConfirmDialog
            opened={confirming}
            title={t("saveCalendar")}
            message={t("confirmSaveCalendar", { year, count: days.length })}
            confirmLabel={t("saveCalendar")}
            loading={save.isPending}
            onConfirm={() => save.mutate()}
            onCancel={() => setConfirming(false)}
          />
        </>
      )}
    </Stack>
  );
}
