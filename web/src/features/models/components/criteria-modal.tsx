import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  NumberInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { GuardedModal } from "@/components/guarded-modal.tsx";
import { useUnitName } from "@/components/unit-picker.tsx";
import { call, client } from "@/lib/api.ts";
import { removeAt, replaceAt } from "@/lib/lists.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import { modelKeys } from "../api/models.ts";

type Kind = "collective" | "individual";
type Row = { code: string; textVi: string; required: boolean };

/**
 * The criteria a province assesses its models by, per kind: shown to everyone, issued by the province (its
 * own set replaces the example set for that kind; the other kind keeps what it had).
 */
export function CriteriaModal({
  unit,
  canIssue,
  onClose,
}: {
  unit: string;
  canIssue: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { error, onError, clear } = useApiError();
  const [kind, setKind] = useState<Kind>("collective");
  const q = useQuery({
    queryKey: modelKeys.criteriaOf(unit),
    queryFn: () => call(client.GET("/api/model-criteria", { params: { query: { unit } } })),
  });
  const current = q.data?.items.find((s) => s.kind === kind);
  const [draft, setDraft] = useState<{ kind: Kind; rows: Row[]; minimumMet: number; source: string } | null>(
    null,
  );
  const editing = draft?.kind === kind ? draft : null;
  const provinceName = useUnitName(q.data?.province);
  const save = useMutation({
    mutationFn: () =>
      call(
        client.PUT("/api/model-criteria", {
          body: {
            unit: q.data?.province ?? "",
            kind,
            criteria: editing?.rows ?? [],
            minimumMet: editing?.minimumMet ?? 0,
            source: editing?.source ?? "",
          },
        }),
      ),
    onSuccess: async () => {
      clear();
      setDraft(null);
      await qc.invalidateQueries({ queryKey: modelKeys.criteria() });
    },
    onError,
  });
  const setRow = (i: number, r: Row) =>
    editing && setDraft({ ...editing, rows: replaceAt(editing.rows, i, r) });
  return (
    <GuardedModal
      opened
      dirty={draft !== null}
      onClose={onClose}
      size="xl"
      title={t("models.criteria.title", { province: provinceName })}
    >
      <Stack gap="xs">
        {error && <Alert color="red">{error}</Alert>}
        <SegmentedControl
          value={kind}
          onChange={(v) => setKind(v as Kind)}
          data={[
            { value: "collective", label: t("models.kinds.collective") },
            { value: "individual", label: t("models.kinds.individual") },
          ]}
        />
        {current && !editing && (
          <Stack gap={4} data-testid="criteria-current">
            <Group gap="xs">
              {current.example ? (
                <Badge color="gray">{t("models.criteria.example")}</Badge>
              ) : (
                <Badge color="green">{t("models.criteria.own")}</Badge>
              )}
              <Text size="sm" c="dimmed">
                {current.source}
              </Text>
            </Group>
            {current.criteria.map((c) => (
              <Text key={c.code} size="sm">
                {c.code}. {c.textVi}
                {c.required ? ` (${t("models.required")})` : ""}
              </Text>
            ))}
            <Text size="sm">
              {t("models.criteria.minimum", { minimum: current.minimumMet, total: current.criteria.length })}
            </Text>
            {canIssue && (
              <Group>
                <Button
                  size="xs"
                  onClick={() =>
                    setDraft({
                      kind,
                      rows: current.criteria.map((c) => ({ ...c })),
                      minimumMet: current.minimumMet,
                      source: current.example ? "" : current.source,
                    })
                  }
                >
                  {t("models.criteria.issue")}
                </Button>
              </Group>
            )}
          </Stack>
        )}
        {editing && (
          <Stack gap={6}>
            {editing.rows.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: controlled inputs; a criterion is its place
              <Group key={i} gap="xs" wrap="nowrap">
                <TextInput
                  w={70}
                  value={r.code}
                  onChange={(e) => setRow(i, { ...r, code: e.currentTarget.value })}
                  aria-label={t("models.criteria.code")}
                />
                <TextInput
                  style={{ flex: 1 }}
                  value={r.textVi}
                  onChange={(e) => setRow(i, { ...r, textVi: e.currentTarget.value })}
                  aria-label={t("models.criteria.text")}
                />
                <Checkbox
                  label={t("models.required")}
                  checked={r.required}
                  onChange={(e) => setRow(i, { ...r, required: e.currentTarget.checked })}
                />
                <ActionIcon
                  variant="default"
                  aria-label={t("models.criteria.remove")}
                  onClick={() => setDraft({ ...editing, rows: removeAt(editing.rows, i) })}
                >
                  ✕
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                size="xs"
                variant="light"
                onClick={() =>
                  setDraft({
                    ...editing,
                    rows: [
                      ...editing.rows,
                      { code: `T${editing.rows.length + 1}`, textVi: "", required: false },
                    ],
                  })
                }
              >
                {t("models.criteria.add")}
              </Button>
            </Group>
            <Group grow>
              <NumberInput
                label={t("models.criteria.minimumLabel")}
                min={0}
                max={editing.rows.length}
                value={editing.minimumMet}
                onChange={(v) => setDraft({ ...editing, minimumMet: Number(v) || 0 })}
              />
              <TextInput
                label={t("models.criteria.source")}
                placeholder="QĐ số …/QĐ-UBND ngày …"
                value={editing.source}
                onChange={(e) => setDraft({ ...editing, source: e.currentTarget.value })}
              />
            </Group>
            <Group>
              <Button onClick={() => save.mutate()} loading={save.isPending}>
                {t("models.criteria.save")}
              </Button>
              <Button variant="default" onClick={() => setDraft(null)}>
                {t("cancel")}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </GuardedModal>
  );
}
