import { Button, FileButton, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "@/lib/format.ts";

/**
 * The buttons under a report being filled: when it was last saved, save now, the Excel template and its
 * upload, and submit, which says why it cannot be pressed (a conflict, or the first problems to fix).
 */
export function EntryActions({
  saving,
  savedAt,
  conflict,
  problems,
  submitting,
  onSave,
  onTemplate,
  onUpload,
  onSubmit,
}: {
  saving: boolean;
  savedAt: Date | null;
  conflict: boolean;
  problems: string[];
  submitting: boolean;
  onSave: () => void;
  onTemplate: () => void;
  onUpload: (file: File | null) => void;
  onSubmit: () => void;
}) {
  const { t } = useTranslation();
  const hasErrors = problems.length > 0;
  return (
    <>
      <Text size="sm" c="dimmed" data-testid="save-state">
        {saving
          ? t("reports.saving")
          : savedAt
            ? t("reports.savedAt", { time: formatDateTime(savedAt.toISOString()).slice(11) })
            : ""}
      </Text>
      <Button variant="default" onClick={onSave} loading={saving} disabled={conflict}>
        {t("save")}
      </Button>
      <Button variant="subtle" onClick={onTemplate}>
        {t("reports.excelTemplate")}
      </Button>
      <FileButton
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={onUpload}
      >
        {(props) => (
          <Button variant="subtle" {...props} disabled={conflict} data-testid="excel-upload">
            {t("reports.excelUpload")}
          </Button>
        )}
      </FileButton>
      <Button
        onClick={onSubmit}
        disabled={hasErrors || conflict}
        loading={submitting}
        title={hasErrors ? t("reports.cannotSubmit", { count: problems.length }) : undefined}
        data-testid="submit"
      >
        {t("reports.submit")}
      </Button>
      {(hasErrors || conflict) && (
        <Text size="sm" c="red" data-testid="submit-why">
          {conflict
            ? t("reports.conflictFirst")
            : `${t("reports.cannotSubmit", { count: problems.length })}: ${problems.slice(0, 3).join("; ")}${problems.length > 3 ? "…" : ""}`}
        </Text>
      )}
    </>
  );
}
