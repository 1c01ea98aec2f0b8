import { parseDateVi } from "@domain/dates.ts";
import { DateInput, type DateInputProps } from "@mantine/dates";
import { useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * A date typed or picked as dd/MM/yyyy, held as an ISO date (YYYY-MM-DD): the one place the app turns the
 * picker's value into an ISO date. Only a real date is taken (31/02/2026 is not): what cannot be read is
 * said under the field when it is left, and the value stays as it was. `null` when cleared.
 */
export function DateField({
  value,
  onChange,
  error,
  onBlur,
  ...rest
}: Omit<DateInputProps, "value" | "onChange" | "valueFormat" | "dateParser"> & {
  value: string | null;
  onChange: (iso: string | null) => void;
}) {
  const { t } = useTranslation();
  const [unreadable, setUnreadable] = useState<string | null>(null);
  return (
    <DateInput
      placeholder={t("datePlaceholder")}
      {...rest}
      valueFormat="DD/MM/YYYY"
      dateParser={(text) => parseDateVi(text)}
      value={value || null}
      error={unreadable ? t("dateUnreadable", { text: unreadable }) : error}
      onChange={(v) => {
        setUnreadable(null);
        onChange(v ? String(v).slice(0, 10) : null);
      }}
      onBlur={(e) => {
        const text = e.currentTarget.value.trim();
        setUnreadable(text !== "" && parseDateVi(text) === null ? text : null);
        onBlur?.(e);
      }}
    />
  );
}
