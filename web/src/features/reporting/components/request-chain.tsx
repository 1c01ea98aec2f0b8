import { Anchor, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AnswerOf } from "@/lib/api.ts";
import { formatDate, formatValue } from "@/lib/format.ts";

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
        <Stack gap={0} key={g.id}>
          <Text size="sm">
            <Anchor component={Link} to={`/requests/${g.id}`}>
              {g.title}
            </Anchor>
            {g.referenceNo ? ` (${g.referenceNo})` : ""} · {t("reports.deadline")}: {formatDate(g.deadline)}
            {g.overdue ? ` · ${t("reports.pastDeadline")}` : ""}
          </Text>
          <GatheringProgress counts={g.counts} />
          {g.waitingFor.length > 0 && (
            <Text size="xs" c={g.overdue ? "red" : "dimmed"} data-testid="waiting-for">
              {t(g.overdue ? "reports.lateNotSent" : "reports.notSentYet")}{" "}
              {g.waitingFor.map((w) => w.name).join(", ")}
              {g.waitingMore > 0 ? ` ${t("reports.andMore", { count: g.waitingMore })}` : ""}
            </Text>
          )}
        </Stack>
      ))}
    </Paper>
  );
}

/** How far the units asked answered: sent of asked, accepted, late, never sent by a passed deadline. */
export function GatheringProgress({
  counts,
}: {
  counts: Pick<Gathering[number]["counts"], "submitted" | "expected" | "accepted" | "late" | "missing">;
}) {
  const { t } = useTranslation();
  return (
    <Text size="xs" data-testid="gathering-progress">
      {t("reports.progress", { submitted: counts.submitted, expected: counts.expected })} ·{" "}
      {t("reports.progressAccepted", { count: counts.accepted })}
      {counts.late > 0 ? ` · ${t("reports.progressLate", { count: counts.late })}` : ""}
      {counts.missing > 0 ? ` · ${t("reports.progressMissing", { count: counts.missing })}` : ""}
    </Text>
  );
}

/**
 * What a report owed upward carried when it was sent: how far the units below had answered, and the totals it
 * reports that differ from what they sent (both shown, for the level above to weigh).
 */
export function CarriedNote({
  carried,
  indicators,
}: {
  carried: NonNullable<AnswerOf<"/api/submissions/{id}", "get">["carried"]>;
  indicators: AnswerOf<"/api/submissions/{id}", "get">["indicators"];
}) {
  const { t, i18n } = useTranslation();
  const name = (code: string) => {
    const i = indicators.find((x) => x.code === code);
    return i ? (i18n.language === "en" ? i.nameEn : i.nameVi) : code;
  };
  return (
    <Paper withBorder p="xs" data-testid="carried">
      <Text size="sm" fw={600}>
        {t("reports.carried", { date: formatDate(carried.takenOn) })}
      </Text>
      {carried.sources.map((s) => (
        <Stack gap={0} key={s.requestId}>
          <Text size="sm">
            {s.title}
            {s.referenceNo ? ` (${s.referenceNo})` : ""}
          </Text>
          <GatheringProgress counts={s} />
        </Stack>
      ))}
      {carried.differences.length > 0 && (
        <Text size="sm" c="orange.8" data-testid="carried-differences">
          {t("reports.carriedDiffers")}{" "}
          {carried.differences
            .map((d) =>
              t("reports.carriedDifference", {
                name: name(d.code),
                reported: d.reported === null ? "—" : formatValue(d.reported),
                gathered: formatValue(d.gathered),
              }),
            )
            .join("; ")}
        </Text>
      )}
    </Paper>
  );
}
