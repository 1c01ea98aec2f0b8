import { Alert, Anchor, Checkbox, List, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { RequestOverlap } from "@/lib/api.ts";
import { formatDate, formatNumber } from "@/lib/format.ts";

/**
 * The requests that already ask the same units for the same form and period: each named (linked when the user
 * may read it), what counts in the totals, and the confirmation to issue another one anyway.
 */
export function OverlapAlert({
  overlaps,
  confirmed,
  onConfirm,
}: {
  overlaps: RequestOverlap[];
  confirmed: boolean;
  onConfirm: (v: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" title={t("reports.overlapTitle")} data-testid="overlap">
      <Stack gap="xs">
        <List size="sm">
          {overlaps.map((o) => (
            <List.Item key={`${o.id}-${o.issuerUnitCode}-${o.deadline}`}>
              {o.id !== null ? (
                <Anchor component={Link} to={`/requests/${o.id}`} target="_blank">
                  {o.referenceNo ?? o.title}
                </Anchor>
              ) : (
                o.issuerName
              )}{" "}
              —{" "}
              {t("reports.overlapLine", {
                issuer: o.issuerName,
                deadline: formatDate(o.deadline),
                shared: formatNumber(o.shared),
                submitted: formatNumber(o.submitted),
                expected: formatNumber(o.expected),
                state: o.open ? t("reports.overlapOpen") : t("reports.overlapClosed"),
              })}
            </List.Item>
          ))}
        </List>
        <Text size="sm">{t("reports.overlapRule")}</Text>
        <Checkbox
          label={t("reports.overlapConfirm")}
          checked={confirmed}
          onChange={(e) => onConfirm(e.currentTarget.checked)}
          data-testid="overlap-confirm"
        />
      </Stack>
    </Alert>
  );
}
