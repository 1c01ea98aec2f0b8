import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const colour = status === "appraised" ? "green" : status === "self_submitted" ? "blue" : "gray";
  return (
    <Badge color={colour} variant="light">
      {t(`evaluations.statuses.${status}`)}
    </Badge>
  );
}
