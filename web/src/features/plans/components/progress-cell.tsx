import { Group, Progress, Text } from "@mantine/core";
import { formatValue } from "@/lib/format.ts";

/** 62.5 → "62,5%". */
export const percent = (n: number) => `${formatValue(String(n))}%`;

/** A task's progress as a bar and a percentage. */
export function ProgressCell({ value }: { value: number }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress value={value} w={90} size="sm" />
      <Text size="sm">{percent(value)}</Text>
    </Group>
  );
}
