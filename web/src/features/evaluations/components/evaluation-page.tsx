import { term } from "@domain/terms.ts";
import { langOf } from "@domain/vn-format.ts";
import {
  Alert,
  Anchor,
  Button,
  Group,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { LoadError } from "@/components/load-error.tsx";
import { formatDate } from "@/lib/format.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import type { Evaluation, Scores } from "../api/evaluations.ts";
import { useEvaluation, useSaveSelf } from "../api/evaluations.ts";
import { bandName, pointsShown, type SchemeBody } from "../scheme.ts";
import { AppraisalPanel } from "./appraisal-panel.tsx";
import { EvaluationHistory } from "./evaluation-history.tsx";
import { EvidenceFiles } from "./evidence-files.tsx";
import { StatusBadge } from "./status-badge.tsx";

type Item = SchemeBody["items"][number];

/**
 * One unit's evaluation: the scheme's items with the unit's own points and evidence and the superior's
 * appraisal side by side; the unit scores and submits inside the window; the superior appraises with a comment
 * and the capping facts; the result and, once published, the rank; the unit's history across the years.
 */
export function EvaluationPage() {
  const id = Number(useParams().id);
  const q = useEvaluation(id);
  if (!q.data) return q.error ? <LoadError error={q.error} /> : null;
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
                  <EvidenceFiles
                    evaluationId={e.id}
                    itemCode={item.code}
                    files={e.attachments}
                    editable
                    onError={onError}
                  />
                </Stack>
              ) : (
                <>
                  <Text size="sm">
                    {e.ownScores[item.code]?.points ?? ""}
                    {e.ownScores[item.code]?.evidence && (
                      <Text span size="xs" c="dimmed">
                        {" "}
                        ({e.ownScores[item.code]?.evidence})
                      </Text>
                    )}
                  </Text>
                  <EvidenceFiles
                    evaluationId={e.id}
                    itemCode={item.code}
                    files={e.attachments}
                    editable={false}
                    onError={onError}
                  />
                </>
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
      {e.scheme.withdrawn && (
        <Alert color="red" variant="light" data-testid="scheme-withdrawn">
          {t("evaluations.withdrawnOn", {
            date: formatDate(e.scheme.withdrawn.on),
            reason: e.scheme.withdrawn.reason,
          })}
        </Alert>
      )}
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
        <AppraisalPanel e={e} scheme={scheme} appraised={appraised} onSaved={clear} onError={onError} />
      )}

      <Title order={5}>{t("evaluations.history")}</Title>
      <EvaluationHistory unit={e.unitCode} />
    </Stack>
  );
}
