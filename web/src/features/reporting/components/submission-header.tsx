import { Alert, Group, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { SubmissionDetail } from "@/lib/api.ts";
import { formatDate, formatPeriod } from "@/lib/format.ts";
import { CarriedNote, GatheringList } from "./request-chain.tsx";
import { StatusBadge, TimelinessBadge } from "./status-badges.tsx";

/**
 * What a report answers (the request's title, the unit, the period in words, the deadline and the công văn's
 * number), the answer's first line citing that công văn, its state, and what its reviewer or the unit said:
 * why it came back, why it was late.
 */
export function SubmissionHeader({
  detail,
  answered,
}: {
  detail: SubmissionDetail;
  /** the number the answer took as its body's document */
  answered: { symbol: string } | null;
}) {
  const { t } = useTranslation();
  const { submission: sub, request } = detail;
  return (
    <>
      <Group justify="space-between" align="start">
        <div>
          <Title order={3}>{request.title}</Title>
          <Text>
            {detail.bodyName ?? detail.unitName} · {formatPeriod(request.periodCode)} ·{" "}
            {t("reports.deadline")}: {formatDate(request.deadline)}
            {request.referenceNo ? ` · ${t("reports.referenceNo")}: ${request.referenceNo}` : ""}
          </Text>
          {answered && (
            <Text size="sm" data-testid="answer-number">
              {t("reports.answeredAs", { symbol: answered.symbol })}
            </Text>
          )}
        </div>
        <Group gap={4}>
          <StatusBadge status={sub.status} />
          <TimelinessBadge value={sub.timeliness} />
        </Group>
      </Group>
      {detail.openingLine && (
        <Text fs="italic" data-testid="opening-line" title={t("reports.openingLineHint")}>
          {detail.openingLine}
        </Text>
      )}
      {sub.status === "returned" && sub.comment && (
        <Alert color="red" data-testid="returned">
          {t("reports.returnedWith", { comment: sub.comment })}
        </Alert>
      )}
      {sub.lateReason && <Alert color="orange">{t("reports.lateWith", { reason: sub.lateReason })}</Alert>}
      <GatheringList
        gathering={detail.gathering}
        submissionId={sub.id}
        // the units below are asked while the report is still being written
        canAsk={detail.can.fill && ["not_started", "draft", "returned"].includes(sub.status)}
      />
      {detail.carried && <CarriedNote carried={detail.carried} indicators={detail.indicators} />}
    </>
  );
}
