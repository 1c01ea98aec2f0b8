import { Alert, Anchor, Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { call, client } from "@/lib/api.ts";
import { formatDate } from "@/lib/format.ts";
import { reportingKeys } from "../api/keys.ts";

export function useReminders(enabled = true) {
  return useQuery({
    queryKey: reportingKeys.reminders(),
    queryFn: () => call(client.GET("/api/reminders")),
    refetchInterval: 5 * 60_000,
    enabled,
  });
}

/** Reports the user's units still owe: due within the request's reminder window, or overdue. */
export function ReminderList() {
  const { t } = useTranslation();
  const q = useReminders();
  const items = q.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Stack gap={4} data-testid="reminders">
      {items.slice(0, 8).map((r) => (
        <Alert key={r.submissionId} color={r.kind === "overdue" ? "red" : "yellow"} py={6}>
          {/* dark text, underlined: the link's blue falls short of WCAG AA contrast on the tinted alert */}
          <Anchor
            component={Link}
            to={`/submissions/${r.submissionId}`}
            size="sm"
            c="dark.8"
            underline="always"
          >
            {r.kind === "overdue"
              ? t("reports.remindOverdue", { date: formatDate(r.deadline), title: r.title, unit: r.unitName })
              : t("reports.remindDueSoon", {
                  date: formatDate(r.deadline),
                  days: r.workingDaysLeft,
                  title: r.title,
                  unit: r.unitName,
                })}
          </Anchor>
        </Alert>
      ))}
    </Stack>
  );
}
