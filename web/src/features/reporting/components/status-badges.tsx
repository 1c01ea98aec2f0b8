import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

const STATUS_COLOR = {
  not_started: "gray",
  draft: "blue",
  submitted: "orange",
  returned: "red",
  accepted: "green",
};
const TIMELINESS_COLOR = { on_time: "green", late: "orange", missing: "red", pending: "gray" };

export function StatusBadge({ status }: { status: keyof typeof STATUS_COLOR }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" data-testid="status">
      {t(`reports.status.${status}`)}
    </Badge>
  );
}

export function TimelinessBadge({ value }: { value: keyof typeof TIMELINESS_COLOR }) {
  const { t } = useTranslation();
  return (
    <Badge color={TIMELINESS_COLOR[value]} variant="outline" data-testid="timeliness">
      {t(`reports.timeliness.${value}`)}
    </Badge>
  );
}
