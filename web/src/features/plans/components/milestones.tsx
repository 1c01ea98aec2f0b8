import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDate } from "@/lib/format.ts";

/** A task's milestones: title, date, and when it was done. */
export function Milestones({ items }: { items: { title: string; dueOn: string; doneOn: string | null }[] }) {
  const { t } = useTranslation();
  return items.map((m) => (
    <Text key={`${m.title}${m.dueOn}`} size="xs" c="dimmed">
      ◆ {m.title} — {formatDate(m.dueOn)}
      {m.doneOn ? ` (${t("plans.doneOn", { date: formatDate(m.doneOn) })})` : ""}
    </Text>
  ));
}
