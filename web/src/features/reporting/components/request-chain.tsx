import { Anchor, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AnswerOf } from "@/lib/api.ts";
import { formatDate } from "@/lib/format.ts";

type RequestDetail = AnswerOf<"/api/requests/{id}", "get">;
type Gathering = AnswerOf<"/api/submissions/{id}", "get">["gathering"];

/**
 * Where a request stands in the chain of reports: the report its issuer owes upward that it gathers for,
 * and each level's deadline (NĐ 09/2019/NĐ-CP Art. 8: the units asked answer first, then each level above).
 */
export function RequestChain({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const levels = request.levelDeadlines;
  if (!request.answers && levels.length < 2) return null;
  return (
    <Paper withBorder p="xs" data-testid="request-chain">
      <Stack gap={4}>
        {request.answers && (
          <Text size="sm">
            {t("reports.answersUpward")}{" "}
            <Anchor component={Link} to={`/submissions/${request.answers.submissionId}`}>
              {request.answers.title}
            </Anchor>
            {request.answers.referenceNo ? ` (${request.answers.referenceNo})` : ""} · {t("reports.deadline")}
            : {formatDate(request.answers.deadline)}
          </Text>
        )}
        {levels.length > 1 && (
          <Text size="sm" c="dimmed" data-testid="level-deadlines">
            {t("reports.levelDeadlines")}{" "}
            {levels.map((l) => `${t(l.level)}: ${formatDate(l.deadline)}`).join(" · ")}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** In the request form: the report owed upward the new request gathers for. */
export function OwedNote({ owed }: { owed: AnswerOf<"/api/submissions/{id}", "get"> }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" data-testid="owed-note">
      {t("reports.answersUpward")} <b>{owed.request.title}</b>
      {owed.request.referenceNo ? ` (${owed.request.referenceNo})` : ""} · {t("reports.deadline")}:{" "}
      {formatDate(owed.request.deadline)}
    </Text>
  );
}

/**
 * The requests a report owed upward gathered from the units below (what its draft starts from), and, for
 * those who fill it, the way to ask them.
 */
export function GatheringList({
  gathering,
  submissionId,
  canAsk,
}: {
  gathering: Gathering;
  submissionId: number;
  canAsk: boolean;
}) {
  const { t } = useTranslation();
  if (gathering.length === 0 && !canAsk) return null;
  return (
    <Paper withBorder p="xs" data-testid="gathering">
      {canAsk && (
        <Anchor component={Link} to={`/reports?answers=${submissionId}`} size="sm" data-testid="ask-below">
          {t("reports.askBelowFor")}
        </Anchor>
      )}
      {gathering.length > 0 && (
        <Text size="sm" fw={600}>
          {t("reports.gathering")}
        </Text>
      )}
      {gathering.map((g) => (
        <Text size="sm" key={g.id}>
          <Anchor component={Link} to={`/requests/${g.id}`}>
            {g.title}
          </Anchor>
          {g.referenceNo ? ` (${g.referenceNo})` : ""} · {t("reports.deadline")}: {formatDate(g.deadline)}
          {g.overdue ? ` · ${t("reports.pastDeadline")}` : ""}
        </Text>
      ))}
    </Paper>
  );
}
