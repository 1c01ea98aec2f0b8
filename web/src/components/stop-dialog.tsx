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

/**
 * The red button that stops, cancels or withdraws a record, with its dialog asking the reason: the dialog closes
 * once `onStop` has done its work, and stays open (the page says why) when it fails.
 */
export function StopButton(props: {
  label: string;
  reasonLabel: string;
  busy: boolean;
  onStop: (reason: string) => Promise<unknown>;
  testId: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="xs" variant="subtle" color="red" onClick={() => setOpen(true)} data-testid={props.testId}>
        {props.label}
      </Button>
      <StopDialog
        opened={open}
        onClose={() => setOpen(false)}
        title={props.label}
        reasonLabel={props.reasonLabel}
        busy={props.busy}
        onStop={(reason) =>
          props.onStop(reason).then(
            () => setOpen(false),
            // the mutation's own error handler has shown why
            () => undefined,
          )
        }
        testId={props.testId}
      />
    </>
  );
}
