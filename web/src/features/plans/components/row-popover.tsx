import { Button, Popover, Stack } from "@mantine/core";
import type { ReactNode } from "react";

/** A small action beside a task or milestone that opens its form in place (editing a task, marking one done). */
export function RowPopover(props: {
  label: string;
  testId: string;
  width: number;
  opened: boolean;
  onChange: (opened: boolean) => void;
  children: ReactNode;
}) {
  return (
    <Popover opened={props.opened} onChange={props.onChange} withinPortal>
      <Popover.Target>
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={() => props.onChange(true)}
          data-testid={props.testId}
        >
          {props.label}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" w={props.width}>
          {props.children}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
