import { Button, Stack, Text, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatValue } from "@/lib/format.ts";
import type { Indicator } from "../api/summary.ts";

/** Where a registry holds the figure too: its value, the difference, and the one action to use it. */
export function RegistryCell({
  indicator: i,
  onUse,
}: {
  indicator: Indicator;
  onUse: (source: "reports" | "registry") => void;
}) {
  const { t } = useTranslation();
  const r = i.registry;
  if (!r) return null;
  const differs = r.difference !== null && r.difference !== "0";
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {formatValue(r.value)}
      </Text>
      {differs && (
        <Text size="xs" c="orange">
          {t("reports.registryDiffers", { diff: formatValue(r.difference) })}
        </Text>
      )}
      {i.used === "reports" && differs && (
        <Tooltip label={t("reports.useRegistryHint", { year: r.year })} multiline w={260}>
          <Button
            size="compact-xs"
            variant="light"
            onClick={() => onUse("registry")}
            data-testid={`use-registry-${i.code}`}
          >
            {t("reports.useRegistry")}
          </Button>
        </Tooltip>
      )}
      {i.used === "registry" && (
        <Button size="compact-xs" variant="subtle" onClick={() => onUse("reports")}>
          {t("reports.useReports")}
        </Button>
      )}
    </Stack>
  );
}
