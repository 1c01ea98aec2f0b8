import { Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useUnitBodies } from "@/features/units/api/bodies.ts";

/** The body of a unit that holds a reception or a dialogue: those still in office, by name. */
export function BodySelect(props: {
  unit: string;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string | null | undefined;
  testId: string;
}) {
  const { t } = useTranslation();
  const bodies = useUnitBodies(props.unit);
  return (
    <Select
      label={t("reception.body")}
      withAsterisk
      data={(bodies.data?.items ?? [])
        .filter((b) => b.validTo === null)
        .map((b) => ({ value: String(b.id), label: b.name }))}
      value={props.value}
      onChange={props.onChange}
      error={props.error}
      data-testid={props.testId}
    />
  );
}
