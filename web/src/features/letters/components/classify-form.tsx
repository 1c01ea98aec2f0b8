import { LETTER_FIELDS, LETTER_FLAGS } from "@domain/letter-workflow.ts";
import { Alert, Button, Checkbox, Group, MultiSelect, Paper, Select, Stack, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { confirmDone } from "@/lib/notify.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import { type Letter, useLetterWrites } from "../api/letters.ts";
import { useLetterOptions } from "../labels.ts";

const COMPLEXITIES = ["normal", "complex", "particularly_complex"] as const;

/** Classifying a letter being handled: eligible, within competence, field, nature, complexity, remote area. */
export function ClassifyForm({ l }: { l: Letter }) {
  const { t } = useTranslation();
  const options = useLetterOptions();
  const { classify } = useLetterWrites(l.id);
  const { error, onError, clear } = useApiError();
  const [f, setF] = useState({
    eligible: l.eligible === true,
    competent: l.competent === true,
    field: l.field,
    flags: l.flags,
    complexity: l.complexity,
    remote: l.remote,
  });
  const set = (patch: Partial<typeof f>) => setF((x) => ({ ...x, ...patch }));
  return (
    <Paper withBorder p="sm" data-testid="letter-classify">
      <Stack gap="xs">
        <Title order={5}>{t("letters.classification")}</Title>
        <Group>
          <Checkbox
            label={t("letters.eligible")}
            checked={f.eligible}
            onChange={(e) => set({ eligible: e.currentTarget.checked })}
            data-testid="classify-eligible"
          />
          <Checkbox
            label={t("letters.competent")}
            checked={f.competent}
            onChange={(e) => set({ competent: e.currentTarget.checked })}
            data-testid="classify-competent"
          />
          <Checkbox
            label={t("letters.remote")}
            checked={f.remote}
            onChange={(e) => set({ remote: e.currentTarget.checked })}
          />
        </Group>
        <Group align="end" wrap="wrap">
          <Select
            label={t("letters.field")}
            data={options("field", LETTER_FIELDS)}
            value={f.field}
            onChange={(v) => v && set({ field: v })}
            allowDeselect={false}
            w={200}
          />
          <MultiSelect
            label={t("letters.flags")}
            data={options("flag", LETTER_FLAGS)}
            value={f.flags}
            onChange={(v) => set({ flags: v })}
            w={320}
          />
          <Select
            label={t("letters.complexity")}
            data={COMPLEXITIES.map((c) => ({ value: c, label: t(`letters.complexities.${c}`) }))}
            value={f.complexity}
            onChange={(v) => v && set({ complexity: v as typeof f.complexity })}
            allowDeselect={false}
            w={200}
            data-testid="classify-complexity"
          />
          <Button
            loading={classify.isPending}
            onClick={() =>
              classify.mutate(
                {
                  version: l.version,
                  eligible: f.eligible,
                  competent: f.competent,
                  field: f.field as (typeof LETTER_FIELDS)[number],
                  flags: f.flags as (typeof LETTER_FLAGS)[number][],
                  complexity: f.complexity,
                  remote: f.remote,
                },
                {
                  onSuccess: () => {
                    clear();
                    confirmDone(t("letters.classified"));
                  },
                  onError,
                },
              )
            }
            data-testid="classify-save"
          >
            {t("letters.saveClassification")}
          </Button>
        </Group>
        {error && <Alert color="red">{error}</Alert>}
      </Stack>
    </Paper>
  );
}
