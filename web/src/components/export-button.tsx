import { Button } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { download } from "../lib/api.ts";

/** "Xuất Excel" for any table on screen: what is shown is what goes into the file. */
export function ExportButton(props: {
  title: string;
  columns: string[];
  rows: () => (string | number | null)[][];
  onError?: (e: unknown) => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      size="xs"
      variant="default"
      loading={busy}
      onClick={async () => {
        setBusy(true);
        try {
          await download("/api/export/xlsx", "danvan.xlsx", {
            title: props.title,
            columns: props.columns,
            rows: props.rows(),
          });
        } catch (e) {
          props.onError?.(e);
        } finally {
          setBusy(false);
        }
      }}
    >
      {t("exportExcel")}
    </Button>
  );
}
