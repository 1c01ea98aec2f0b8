import { Table } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * A table wider than a phone: it scrolls sideways in its own frame, never the page; the frame takes the
 * keyboard's focus (arrow keys scroll it) and is named for screen readers by what the table holds.
 */
export function WideTable(props: {
  minWidth: number;
  label: string;
  children: ReactNode;
  display?: "none" | undefined;
}) {
  return (
    <Table.ScrollContainer
      minWidth={props.minWidth}
      type="native"
      tabIndex={0}
      role="region"
      aria-label={props.label}
      display={props.display}
    >
      {props.children}
    </Table.ScrollContainer>
  );
}
