import { DateInput } from "@mantine/dates";
import { useTranslation } from "react-i18next";

/** The as-of date: shown dd/MM/yyyy, kept as YYYY-MM-DD. */
export function AsOfPicker({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  return (
    <DateInput
      label={t("asOf")}
      value={value}
      valueFormat="DD/MM/YYYY"
      onChange={(v) => v && onChange(String(v).slice(0, 10))}
      w={160}
      data-testid="as-of"
    />
  );
}
