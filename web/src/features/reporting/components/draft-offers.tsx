import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AnswerOf, SubmissionDetail } from "@/lib/api.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import { fetchGathered } from "../api/submissions.ts";
import type { Values } from "../entry.ts";

/** What an offer brings into the draft: canonical values and section texts; the page says what it filled. */
export type Bring = (
  incoming: { values: Values; narrative: Record<string, string> },
  overwrite: boolean,
) => { filled: number; kept: number };

/** A registry holds the unit's figures: the one action takes them, as if typed (saved like any edit). */
export function FedOffer({ fed, onTake }: { fed: NonNullable<SubmissionDetail["fed"]>; onTake: Bring }) {
  const { t } = useTranslation();
  const take = () =>
    onTake(
      {
        values: Object.fromEntries(
          fed.codes.filter((c) => !fed.kept.includes(c)).map((c) => [c, fed.values[c] ?? {}]),
        ),
        narrative: {},
      },
      true,
    );
  return (
    <Alert color="grape" title={t("reports.fedTitle", { year: fed.year })} data-testid="fed-offer">
      <Group justify="space-between">
        <Text size="sm">{t("reports.fedText")}</Text>
        <Button size="xs" variant="light" color="grape" onClick={take} data-testid="take-fed">
          {t("reports.takeFed")}
        </Button>
      </Group>
    </Alert>
  );
}

type Gathered = AnswerOf<"/api/submissions/{id}/gathered", "get">;

/**
 * A report owed upward starts from what the units below sent: their consolidated figures and compiled texts go
 * into the empty cells and sections; what the official typed stays unless they ask to replace it too.
 */
export function GatheredOffer({ submissionId, onBring }: { submissionId: number; onBring: Bring }) {
  const { t } = useTranslation();
  const { error, onError, clear } = useApiError();
  const [result, setResult] = useState<{ g: Gathered; filled: number; kept: number } | null>(null);
  const take = useMutation({
    mutationFn: () => fetchGathered(submissionId),
    onSuccess: (g) => {
      clear();
      setResult({ g, ...onBring({ values: g.values, narrative: g.narrative }, false) });
    },
    onError,
  });
  const sources = result?.g.sources ?? [];
  const accepted = sources.reduce((n, s) => n + s.counts.accepted, 0);
  const expected = sources.reduce((n, s) => n + s.counts.expected, 0);
  const pending = sources.reduce((n, s) => n + s.pending, 0);
  return (
    <Alert color="teal" title={t("reports.gatheredTitle")} data-testid="gathered-offer">
      <Stack gap={6}>
        <Group justify="space-between">
          <Text size="sm">{t("reports.gatheredText")}</Text>
          <Button
            size="xs"
            variant="light"
            color="teal"
            loading={take.isPending}
            onClick={() => take.mutate()}
            data-testid="take-gathered"
          >
            {t("reports.takeGathered")}
          </Button>
        </Group>
        {error && <Text c="red">{error}</Text>}
        {result && (
          <Text size="sm" data-testid="gathered-result">
            {t("reports.gatheredFrom", { accepted, expected })}
            {pending > 0 ? ` ${t("reports.gatheredPending", { count: pending })}` : ""}{" "}
            {t("reports.gatheredFilled", { count: result.filled })}
            {result.kept > 0 ? ` ${t("reports.gatheredKept", { count: result.kept })}` : ""}
          </Text>
        )}
        {result && result.kept > 0 && (
          <Group>
            <Button
              size="xs"
              variant="subtle"
              color="teal"
              data-testid="replace-gathered"
              onClick={() =>
                setResult({
                  g: result.g,
                  ...onBring({ values: result.g.values, narrative: result.g.narrative }, true),
                })
              }
            >
              {t("reports.replaceGathered", { count: result.kept })}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
