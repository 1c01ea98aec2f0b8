import { Textarea } from "@mantine/core";

/** A narrative section's text (paragraphs, "- " items, footnotes). */
export function NarrativeEditor(props: {
  label?: string;
  /** The label names the field for screen readers only (the section's title is above it). */
  hideLabel?: boolean;
  description?: string;
  value: string;
  onChange: (text: string) => void;
  readOnly?: boolean;
  error?: string | null;
  testId?: string;
}) {
  return (
    <Textarea
      mt="sm"
      label={props.hideLabel ? undefined : props.label}
      aria-label={props.label}
      description={props.description}
      autosize
      minRows={3}
      readOnly={props.readOnly}
      value={props.value}
      error={props.error}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      data-testid={props.testId}
    />
  );
}
