import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { describeFailure } from "@/lib/use-api-error.ts";

/** A page that could not load says why, in the page's language ("Không tìm thấy hoặc không có quyền…"). */
export function LoadError({ error }: { error: unknown }) {
  const { i18n } = useTranslation();
  return (
    <Alert color="red" data-testid="load-error">
      {describeFailure(error, i18n.language)}
    </Alert>
  );
}
