import { Button } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** The requester's steps on a report: accept or return a submitted one, unlock an accepted one. */
export function ReviewActions(props: {
  canReview: boolean;
  canUnlock: boolean;
  onAction: (action: "accept" | "return" | "unlock") => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {props.canReview && (
        <>
          <Button color="green" onClick={() => props.onAction("accept")}>
            {t("reports.accept")}
          </Button>
          <Button color="red" variant="light" onClick={() => props.onAction("return")}>
            {t("reports.return")}
          </Button>
        </>
      )}
      {props.canUnlock && (
        <Button color="orange" variant="light" onClick={() => props.onAction("unlock")}>
          {t("reports.unlock")}
        </Button>
      )}
    </>
  );
}
