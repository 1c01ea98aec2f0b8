import { Button, type ButtonProps, Stack, Text } from "@mantine/core";
import type { MouseEventHandler } from "react";

/**
 * A button that waits for something, and says what: while `why` is set it cannot be pressed, and `why` is
 * its hover text and the line under it ("Nhập tên kế hoạch trước").
 */
export function WaitingButton({
  why,
  onClick,
  ...props
}: ButtonProps & {
  why: string | null;
  onClick: MouseEventHandler<HTMLButtonElement>;
  "data-testid"?: string;
}) {
  return (
    <Stack gap={2}>
      <Button {...props} onClick={onClick} disabled={why !== null} title={why ?? undefined} />
      {why && (
        <Text size="xs" c="dimmed" maw={260}>
          {why}
        </Text>
      )}
    </Stack>
  );
}
