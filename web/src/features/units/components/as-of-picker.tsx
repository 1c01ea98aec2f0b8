import { useTranslation } from "react-i18next";
import { DateField } from "@/components/date-field.tsx";

/** The as-of date: shown dd/MM/yyyy, kept as YYYY-MM-DD. */
export function AsOfPicker({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  return (
    <DateField
      label={t("asOf")}
      value={value}
      onChange={(v) => v && onChange(v)}
      w={160}
      data-testid="as-of"
    />
  );
}
