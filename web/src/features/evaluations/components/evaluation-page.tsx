import { term } from "@domain/terms.ts";
import { langOf } from "@domain/vn-format.ts";
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { EChart } from "@/components/echart.tsx";
import type { AnswerOf } from "@/lib/api.ts";
import { formatDate, formatValue } from "@/lib/format.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import { useAppraise, useEvaluation, useEvaluationHistory, useSaveSelf } from "../api/evaluations.ts";
import { bandName, pointsShown, type SchemeBody } from "../scheme.ts";
import { StatusBadge } from "./status-badge.tsx";

type Evaluation = AnswerOf<"/api/evaluations/{id}", "get">;
type Scores = Record<string, { points: string; evidence?: string; comment?: string }>;
type Item = SchemeBody["items"][number];

/**
 * One unit's evaluation: the scheme's items with the unit's own points and evidence and the superior's
 * appraisal side by side; the unit scores and submits inside the window; the superior appraises with a comment
 * and the capping facts; the result and, once published, the rank; the unit's history across the years.
 */
export function EvaluationPage() {
  const id = Number(useParams().id);
  const q = useEvaluation(id);
  if (!q.data) return q.error ? <Alert color="red">{String(q.error)}</Alert> : null;
  return <EvaluationView key={q.data.version} e={q.data} />;
}

function EvaluationView({ e }: { e: Evaluation }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const { error, onError, clear } = useApiError();
  const scheme = e.scheme.scheme as SchemeBody;
  const published = e.scheme.publishedAt !== null;
  const selfOpen = e.can.self && e.status === "draft";
  const appraiseOpen = e.can.appraise && !published;
  const [own, setOwn] = useState<Scores>(e.ownScores);
  const [appraised, setAppraised] = useState<Scores>(e.appraisedScores);
  const [comment, setComment] = useState(e.appraisalComment);
  const [flags, setFlags] = useState<string[]>(e.flags);
  const [ranked, setRanked] = useState(e.ranked);
  const [reason, setReason] = useState(e.notRankedReason);
  const [parRank, setParRank] = useState<number | string>(e.parRank ?? "");
  const [sipasRank, setSipasRank] = useState<number | string>(e.sipasRank ?? "");
  const rankOrNull = (v: number | string) => (v === "" ? null : Number(v));
  const saveSelf = useSaveSelf(e.id);
  const submitSelf = (submit: boolean) =>
    saveSelf.mutate(
      {
        version: e.version,
        scores: Object.fromEntries(Object.entries(own).filter(([, v]) => v.points.trim() !== "")),
        submit,
        parRank: rankOrNull(parRank),
        sipasRank: rankOrNull(sipasRank),
      },
      { onSuccess: clear, onError },
    );
  const appraisal = useAppraise(e.id);
  const sendAppraisal = () =>
    appraisal.mutate(
      {
        version: e.version,
        scores: Object.fromEntries(Object.entries(appraised).filter(([, v]) => v.points.trim() !== "")),
        comment,
        flags,
        ranked,
        notRankedReason: reason,
      },
      { onSuccess: clear, onError },
    );
  const history = useEvaluationHistory(e.unitCode);

  const rows = (items: Item[], depth: number): React.ReactNode[] =>
    items.flatMap((item) => {
      const leaf = !item.children?.length;
      const ownEditable =
        selfOpen && leaf && item.scoredBy === "unit" && (e.inParIndex || !item.parIndexOnly);
      const kind = item.kind === "criterion" ? "" : ` (${t(`evaluations.kinds.${item.kind}`)})`;
      const row = (
        <Table.Tr key={item.code} data-testid={`item-${item.code}`}>
          <Table.Td pl={depth * 20 + 8}>
            <Text size="sm" fw={leaf ? undefined : 600}>
              {item.code}. {item.titleVi}
              {kind}
            </Text>
            {item.evidenceRequired && leaf && (
              <Text size="xs" c="dimmed">
                {t("evaluations.evidenceRequired")}
              </Text>
            )}
          </Table.Td>
          <Table.Td>{item.maxPoints}</Table.Td>
          <Table.Td>
            {leaf &&
              (ownEditable ? (
                <Stack gap={2}>
                  <TextInput
                    size="xs"
                    w={80}
                    value={own[item.code]?.points ?? ""}
                    onChange={(ev) =>
                      setOwn({ ...own, [item.code]: { ...own[item.code], points: ev.currentTarget.value } })
                    }
                    aria-label={`${item.code} ${t("evaluations.ownScore")}`}
                  />
                  {item.evidenceRequired && (
                    <TextInput
                      size="xs"
                      placeholder={t("evaluations.evidence")}
                      value={own[item.code]?.evidence ?? ""}
                      onChange={(ev) =>
                        setOwn({
                          ...own,
                          [item.code]: {
                            points: own[item.code]?.points ?? "",
                            evidence: ev.currentTarget.value,
                          },
                        })
                      }
                      aria-label={`${item.code} ${t("evaluations.evidence")}`}
                    />
                  )}
                </Stack>
              ) : (
                <Text size="sm">
                  {e.ownScores[item.code]?.points ?? ""}
                  {e.ownScores[item.code]?.evidence && (
                    <Text span size="xs" c="dimmed">
                      {" "}
                      ({e.ownScores[item.code]?.evidence})
                    </Text>
                  )}
                </Text>
              ))}
          </Table.Td>
          <Table.Td>
            {leaf &&
              (appraiseOpen && e.status !== "draft" ? (
                <Stack gap={2}>
                  <TextInput
                    size="xs"
                    w={80}
                    placeholder={item.scoredBy === "unit" ? (e.ownScores[item.code]?.points ?? "") : ""}
                    value={appraised[item.code]?.points ?? ""}
                    onChange={(ev) =>
                      setAppraised({
                        ...appraised,
                        [item.code]: { ...appraised[item.code], points: ev.currentTarget.value },
                      })
                    }
                    aria-label={`${item.code} ${t("evaluations.appraisedScore")}`}
                  />
                  <TextInput
                    size="xs"
                    placeholder={t("evaluations.itemComment")}
                    value={appraised[item.code]?.comment ?? ""}
                    onChange={(ev) =>
                      setAppraised({
                        ...appraised,
                        [item.code]: {
                          points: appraised[item.code]?.points ?? "",
                          comment: ev.currentTarget.value,
                        },
                      })
                    }
                    aria-label={`${item.code} ${t("evaluations.itemComment")}`}
                  />
                </Stack>
              ) : (
                <Text size="sm">
                  {e.appraisedScores[item.code]?.points ?? ""}
                  {e.appraisedScores[item.code]?.comment && (
                    <Text span size="xs" c="dimmed">
                      {" "}
                      ({e.appraisedScores[item.code]?.comment})
                    </Text>
                  )}
                </Text>
              ))}
          </Table.Td>
        </Table.Tr>
      );
      return [row, ...(item.children?.length ? rows(item.children, depth + 1) : [])];
    });

  const chart = history.data?.items.length
    ? {
        tooltip: { trigger: "axis" },
        legend: { data: [t("evaluations.score"), t("evaluations.rank")] },
        xAxis: { type: "category", data: history.data.items.map((h) => String(h.year)) },
        yAxis: [
          { type: "value", name: t("evaluations.score"), min: 0, max: 110 },
          { type: "value", name: t("evaluations.rank"), inverse: true, min: 1, minInterval: 1 },
        ],
        series: [
          {
            name: t("evaluations.score"),
            type: "line",
            data: history.data.items.map((h) => (h.score ? Number(h.score.replace(",", ".")) : null)),
            label: { show: true, formatter: (p: { value: number }) => formatValue(String(p.value)) },
          },
          {
            name: t("evaluations.rank"),
            // a line on an inverted axis: first place at the top
            type: "line",
            yAxisIndex: 1,
            data: history.data.items.map((h) => h.rank),
            lineStyle: { type: "dashed" },
            symbolSize: 8,
            label: {
              show: true,
              position: "bottom",
              formatter: (p: { value: number }) => t("evaluations.rankOf", { rank: p.value }),
            },
          },
        ],
      }
    : null;

  return (
    <Stack>
      <Anchor component={Link} to="/evaluations" size="sm">
        ← {t("evaluations.title")}
      </Anchor>
      <Title order={3}>
        {e.unitName} · {e.scheme.year}
      </Title>
      <Group gap="xs">
        <StatusBadge status={e.status} />
        <Text size="sm" c="dimmed">
          {t("evaluations.window", {
            from: formatDate(e.scheme.selfFrom),
            until: formatDate(e.scheme.selfUntil),
          })}
        </Text>
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {e.score !== null && (
        <Paper withBorder p="sm" data-testid="evaluation-result">
          <Text fw={600}>
            {t("evaluations.result", {
              score: pointsShown(e.score),
              band: term(bandName(scheme, e.bandCode), lang),
            })}
            {e.rank !== null ? ` · ${t("evaluations.rankOf", { rank: e.rank })}` : ""}
          </Text>
          {e.cappedBy && (
            <Text size="sm" c="orange">
              {t("evaluations.cappedBy", {
                reason: scheme.caps.find((c) => c.code === e.cappedBy)?.labelVi ?? e.cappedBy,
              })}
            </Text>
          )}
          {!e.ranked && (
            <Text size="sm" c="dimmed">
              {t("evaluations.notRanked")}: {e.notRankedReason}
            </Text>
          )}
        </Paper>
      )}
      <Table withTableBorder data-testid="evaluation-items">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("evaluations.item")}</Table.Th>
            <Table.Th>{t("evaluations.max")}</Table.Th>
            <Table.Th>{t("evaluations.ownScore")}</Table.Th>
            <Table.Th>{t("evaluations.appraisedScore")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{rows(scheme.items, 0)}</Table.Tbody>
      </Table>

      {selfOpen && (
        <Group align="end">
          <NumberInput
            label={t("evaluations.parRank")}
            value={parRank}
            onChange={setParRank}
            min={1}
            max={100}
            w={160}
          />
          <NumberInput
            label={t("evaluations.sipasRank")}
            value={sipasRank}
            onChange={setSipasRank}
            min={1}
            max={100}
            w={160}
          />
          <Button variant="default" onClick={() => submitSelf(false)} loading={saveSelf.isPending}>
            {t("evaluations.saveDraft")}
          </Button>
          <Button onClick={() => submitSelf(true)} loading={saveSelf.isPending}>
            {t("evaluations.submitSelf")}
          </Button>
        </Group>
      )}

      {appraiseOpen && (
        <Paper withBorder p="sm">
          <Stack gap="xs">
            <Text fw={600}>{t("evaluations.appraisal")}</Text>
            <Textarea
              label={t("evaluations.comment")}
              value={comment}
              onChange={(ev) => setComment(ev.currentTarget.value)}
              autosize
              minRows={2}
            />
            {scheme.caps.map((c) => (
              <Checkbox
                key={c.code}
                label={`${c.labelVi} (${t("evaluations.capTo", { band: bandName(scheme, c.maxBand) })})`}
                checked={flags.includes(c.code)}
                onChange={(ev) =>
                  setFlags(ev.currentTarget.checked ? [...flags, c.code] : flags.filter((f) => f !== c.code))
                }
              />
            ))}
            <Switch
              label={t("evaluations.rankedSwitch")}
              checked={ranked}
              onChange={(ev) => setRanked(ev.currentTarget.checked)}
            />
            {!ranked && (
              <TextInput
                label={t("evaluations.notRankedReason")}
                value={reason}
                onChange={(ev) => setReason(ev.currentTarget.value)}
              />
            )}
            <Group>
              <Button
                onClick={() => sendAppraisal()}
                loading={appraisal.isPending}
                disabled={e.status === "draft" && ranked}
              >
                {t("evaluations.saveAppraisal")}
              </Button>
              {e.status === "draft" && (
                <Text size="xs" c="dimmed">
                  {t("evaluations.waitingSelf")}
                </Text>
              )}
            </Group>
          </Stack>
        </Paper>
      )}

      <Title order={5}>{t("evaluations.history")}</Title>
      {chart ? (
        <>
          <EChart option={chart} height={260} testId="evaluation-history" />
          <Table>
            <Table.Tbody>
              {history.data?.items.map((h) => (
                <Table.Tr key={h.year}>
                  <Table.Td>{h.year}</Table.Td>
                  <Table.Td>{pointsShown(h.score)}</Table.Td>
                  <Table.Td>{h.bandName ? term(h.bandName, lang) : ""}</Table.Td>
                  <Table.Td>
                    {h.rank !== null ? t("evaluations.rankOf", { rank: h.rank }) : t("evaluations.notRanked")}
                  </Table.Td>
                  <Table.Td>
                    {h.parRank !== null && `PAR Index: ${h.parRank}`}
                    {h.sipasRank !== null && ` · SIPAS: ${h.sipasRank}`}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {t("evaluations.noHistory")}
        </Text>
      )}
    </Stack>
  );
}
