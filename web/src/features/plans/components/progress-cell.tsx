import { Group, Progress, Text } from "@mantine/core";
import { formatValue } from "@/lib/format.ts";

/** 62.5 → "62,5%". */
export const percent = (n: number) => `${formatValue(String(n))}%`;

/** A progress bar named for assistive technology ("Tiến độ: Lắp đặt đèn chiếu sáng"). */
export function ProgressBar({
  value,
  label,
  w,
  size,
}: {
  value: number;
  label: string;
  w: number;
  size: string;
}) {
  return (
    <Progress.Root w={w} size={size}>
      <Progress.Section value={value} aria-label={label} />
    </Progress.Root>
  );
}

/** A task's progress as a bar and a percentage; `label` names what it is the progress of. */
export function ProgressCell({ value, label }: { value: number; label: string }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <ProgressBar value={value} label={label} w={90} size="sm" />
      <Text size="sm">{percent(value)}</Text>
    </Group>
  );
}
