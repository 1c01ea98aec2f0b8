import { Button, Checkbox, Group, Paper, Stack, Switch, Text, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Evaluation, type Scores, useAppraise } from "../api/evaluations.ts";
import { bandName, type SchemeBody } from "../scheme.ts";

/**
 * The superior's appraisal of a unit's evaluation: its comment, the capping facts, whether the unit is ranked
 * (and why not), saved with the appraised points; it waits for the unit's own submission when ranked.
 */
export function AppraisalPanel({
  e,
  scheme,
  appraised,
  onSaved,
  onError,
}: {
  e: Evaluation;
  scheme: SchemeBody;
  appraised: Scores;
  onSaved: () => void;
  onError: (err: unknown) => void;
}) {
  const { t } = useTranslation();
  const [comment, setComment] = useState(e.appraisalComment);
  const [flags, setFlags] = useState<string[]>(e.flags);
  const [ranked, setRanked] = useState(e.ranked);
  const [reason, setReason] = useState(e.notRankedReason);
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
      { onSuccess: onSaved, onError },
    );
  return (
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
  );
}
