import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

const COLOURS: Record<string, string> = {
  registered: "gray",
  implementing: "blue",
  assessed: "cyan",
  recognised: "green",
  exemplary: "teal",
  commended: "yellow",
};

/** A model's status within a year, as the lifecycle names it (Đăng ký … Được khen thưởng). */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOURS[status] ?? "gray"} variant="light">
      {t(`models.statuses.${status}`)}
    </Badge>
  );
}
