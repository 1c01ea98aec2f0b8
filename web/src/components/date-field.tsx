import { DateInput, type DateInputProps } from "@mantine/dates";

/**
 * A date typed or picked as dd/MM/yyyy, held as an ISO date (YYYY-MM-DD): the one place the app turns the
 * picker's value into an ISO date. `null` when cleared or not yet valid.
 */
export function DateField({
  value,
  onChange,
  ...rest
}: Omit<DateInputProps, "value" | "onChange" | "valueFormat"> & {
  value: string | null;
  onChange: (iso: string | null) => void;
}) {
  return (
    <DateInput
      {...rest}
      valueFormat="DD/MM/YYYY"
      value={value || null}
      onChange={(v) => onChange(v ? String(v).slice(0, 10) : null)}
    />
  );
}
