import { Badge, Paper, SimpleGrid, Stack, Table, Text, Title, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { WideTable } from "@/components/wide-table.tsx";
import { formatNumber } from "@/lib/format.ts";
import { useHotspots } from "../api/letters.ts";

type Level = "hot" | "watch" | "calm";
/** Each level's colour: light fills with dark text, readable on a phone in the sun. */
const COLOUR: Record<Level, { bg: string; fg: string; badge: string }> = {
  hot: { bg: "var(--mantine-color-red-1)", fg: "var(--mantine-color-red-9)", badge: "red" },
  // yellow text on yellow would be too pale: the dark of the page on a yellow fill
  watch: { bg: "var(--mantine-color-yellow-2)", fg: "var(--mantine-color-dark-8)", badge: "yellow" },
  calm: { bg: "var(--mantine-color-gray-0)", fg: "var(--mantine-color-gray-8)", badge: "gray" },
};

/**
 * A province's hot spots: the early-warning list (the units that are hot or to watch, with their counts) and a
 * grid of all its units coloured by level, like a map of the province read at a glance.
 */
export function HotspotsPanel({ unit }: { unit: string }) {
  const { t } = useTranslation();
  const q = useHotspots(unit, true);
  if (!q.data) return null;
  const { units, repeated, windowDays } = q.data;
  const warned = units.filter((u) => u.level !== "calm");
  const levelName = (l: Level) => t(`letters.hotspots.levels.${l}`);
  return (
    <Stack gap="sm" data-testid="letter-hotspots">
      <Title order={4}>{t("letters.hotspots.title")}</Title>
      <Text size="sm" c="dimmed">
        {t("letters.hotspots.rule", { repeated, days: formatNumber(windowDays) })}
      </Text>
      {warned.length === 0 ? (
        <Text size="sm">{t("letters.hotspots.none")}</Text>
      ) : (
        <WideTable minWidth={720} label={t("letters.hotspots.title")}>
          <Table data-testid="letter-warnings">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("letters.hotspots.unit")}</Table.Th>
                <Table.Th>{t("letters.hotspots.level")}</Table.Th>
                <Table.Th ta="right">{t("letters.hotspots.openCrowded")}</Table.Th>
                <Table.Th ta="right">{t("letters.hotspots.openHeated")}</Table.Th>
                <Table.Th ta="right">{t("letters.hotspots.crowdedRecent")}</Table.Th>
                <Table.Th ta="right">{t("letters.hotspots.overdue")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {warned.map((u) => (
                <Table.Tr key={u.code}>
                  <Table.Td>{u.name}</Table.Td>
                  <Table.Td>
                    <Badge color={COLOUR[u.level].badge} variant="light">
                      {levelName(u.level)}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(u.openCrowded)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(u.openHeated)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(u.crowdedRecent)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(u.overdue)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </WideTable>
      )}
      <Text size="sm" fw={600}>
        {t("letters.hotspots.grid")}
      </Text>
      <SimpleGrid
        cols={{ base: 2, sm: 4, md: 6 }}
        spacing={4}
        verticalSpacing={4}
        data-testid="letter-hotspot-grid"
      >
        {units.map((u) => (
          <Tooltip key={u.code} label={levelName(u.level)} withinPortal>
            <Paper
              p={6}
              radius="sm"
              style={{ background: COLOUR[u.level].bg, color: COLOUR[u.level].fg }}
              aria-label={`${u.name}: ${levelName(u.level)}`}
              data-level={u.level}
            >
              <Text size="xs" lineClamp={2} inherit>
                {u.name}
              </Text>
            </Paper>
          </Tooltip>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
