import { Button, Group, Modal, Stack, Textarea } from "@mantine/core";
import { useState } from "react";

/**
 * Stopping a record (a plan, a model) asks for its reason first: the record stays listed, marked, with it.
 * The button waits until a reason is typed.
 */
export function StopDialog(props: {
  opened: boolean;
  onClose: () => void;
  /** the dialog's title and its button */
  title: string;
  reasonLabel: string;
  busy: boolean;
  onStop: (reason: string) => void;
  testId: string;
}) {
  const [reason, setReason] = useState("");
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title}>
      <Stack>
        <Textarea
          label={props.reasonLabel}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={1000}
          autosize
          minRows={2}
          data-testid={`${props.testId}-reason`}
        />
        <Group justify="flex-end">
          <Button
            color="red"
            disabled={!reason.trim()}
            loading={props.busy}
            onClick={() => props.onStop(reason)}
            data-testid={`${props.testId}-confirm`}
          >
            {props.title}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
