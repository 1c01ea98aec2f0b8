import { Alert, Card, Select, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { PublicHeading } from "@/components/public-heading.tsx";
import { call, client } from "@/lib/api.ts";
import { formatDate, formatPeriod } from "@/lib/format.ts";

/** This month and the next, as "2026-12". */
function twoMonths(): string[] {
  const now = new Date(Date.now() + 7 * 3600_000);
  return [0, 1].map((i) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + i, 1)).toISOString().slice(0, 7),
  );
}

/**
 * A unit's citizen-reception schedule for citizens (no sign-in), where the unit publishes it: who receives, on
 * which days of the month (a day off moved to the next working day, said so) and where.
 */
export function PublicSchedulePage() {
  const { t } = useTranslation();
  const unit = useParams().unit ?? "";
  const months = twoMonths();
  const [month, setMonth] = useState(months[0] as string);
  const q = useQuery({
    queryKey: ["public-reception", unit, month],
    queryFn: () =>
      call(client.GET("/api/public/reception/{unit}", { params: { path: { unit }, query: { month } } })),
    retry: false,
  });
  return (
    <Stack p="md" maw={800} mx="auto" component="main">
      <PublicHeading
        order={1}
        title={q.data ? t("reception.publicTitle", { unit: q.data.unitName }) : t("reception.publicHeading")}
      />
      {q.isError && <Alert color="red">{t("reception.notPublic")}</Alert>}
      <Select
        label={t("reception.month")}
        data={months.map((m) => ({ value: m, label: formatPeriod(m.replace("-", "")) }))}
        value={month}
        onChange={(v) => v && setMonth(v)}
        allowDeselect={false}
        w={220}
      />
      {q.data?.items.length === 0 && <Text>{t("reception.noSchedule")}</Text>}
      {q.data?.items.map((s) => (
        <Card key={`${s.bodyName}|${s.receiverName}`} withBorder data-testid="public-schedule">
          <Text fw={600}>{s.receiverName}</Text>
          <Text size="sm" c="dimmed">
            {s.bodyName}
            {s.place ? ` · ${s.place}` : ""}
          </Text>
          {s.office ? (
            <Text size="sm" mt={4}>
              {t("reception.everyWorkingDay")}
            </Text>
          ) : (
            <Text size="sm" mt={4}>
              {s.days
                .map((d) =>
                  d.movedFrom
                    ? `${formatDate(d.on)} (${t("reception.movedShort", { from: formatDate(d.movedFrom) })})`
                    : formatDate(d.on),
                )
                .join("; ")}
            </Text>
          )}
        </Card>
      ))}
      <Text size="sm" c="dimmed">
        {t("reception.publicNote")}
      </Text>
    </Stack>
  );
}
