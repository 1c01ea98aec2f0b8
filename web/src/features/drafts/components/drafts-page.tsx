import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { UnitPicker } from "@/components/unit-picker.tsx";
import { WideTable } from "@/components/wide-table.tsx";
import { useUnitBodies } from "@/features/units/api/bodies.ts";
import { formatDateTime } from "@/lib/format.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import { type Draft, useCreateDraft, useDrafts, useTemplates } from "../api/drafts.ts";

const STATUS_COLOR = { draft: "gray", issued: "green", cancelled: "red" } as const;

/** The status of a drafted document in words: dự thảo, đã ban hành (with its number), đã hủy. */
export function DraftStatus({ draft }: { draft: Pick<Draft, "status" | "numberSymbol"> }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[draft.status]} variant="light" data-testid="draft-status">
      {t(`drafts.status.${draft.status}`)}
      {draft.numberSymbol ? ` · ${draft.numberSymbol}` : ""}
    </Badge>
  );
}

/**
 * Soạn thảo văn bản: a unit's drafted documents (cancelled ones too, marked), and a new one started from the
 * template of the kind the chosen body issues.
 */
export function DraftsPage({ defaultUnit, canDraft }: { defaultUnit: string; canDraft: boolean }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [unit, setUnit] = useState(defaultUnit);
  const [bodyId, setBodyId] = useState<string | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  const [excerpt, setExcerpt] = useState("");
  const bodies = useUnitBodies(unit);
  const templates = useTemplates(bodyId ? Number(bodyId) : null);
  const drafts = useDrafts(unit);
  const create = useCreateDraft();
  const { error, onError, fieldError } = useApiError();
  const bodyName = (id: number) => bodies.data?.items.find((b) => b.id === id)?.name ?? "";
  const start = () =>
    create.mutate(
      {
        bodyId: Number(bodyId),
        kind: kind as Draft["kind"],
        ...(excerpt.trim() ? { excerpt: excerpt.trim() } : {}),
      },
      { onSuccess: (d) => void navigate(`/drafts/${d.id}`), onError },
    );
  return (
    <Stack>
      <Title order={3}>{t("drafts.nav")}</Title>
      <UnitPicker
        label={t("unit")}
        value={unit}
        onChange={(c) => c && setUnit(c)}
        w={360}
        data-testid="drafts-unit"
      />
      {canDraft && (
        <Paper withBorder p="sm">
          <Stack gap="xs">
            <Text fw={600}>{t("drafts.new")}</Text>
            <Group align="end" wrap="wrap">
              <Select
                label={t("documents.body")}
                data={(bodies.data?.items ?? []).map((b) => ({ value: String(b.id), label: b.name }))}
                value={bodyId}
                onChange={(v) => {
                  setBodyId(v);
                  setKind(null);
                }}
                searchable
                w={320}
                data-testid="draft-body"
                error={fieldError("bodyId")}
              />
              <Select
                label={t("drafts.kind")}
                data={(templates.data?.items ?? []).map((x) => ({
                  value: x.kind,
                  label: i18n.language === "en" ? x.nameEn : x.nameVi,
                }))}
                value={kind}
                onChange={setKind}
                disabled={!bodyId}
                w={200}
                data-testid="draft-kind"
                error={fieldError("kind")}
              />
              <TextInput
                label={t("drafts.excerpt")}
                description={t("drafts.excerptHint")}
                value={excerpt}
                onChange={(e) => setExcerpt(e.currentTarget.value)}
                maxLength={1000}
                style={{ flex: 1, minWidth: 260 }}
                data-testid="draft-excerpt"
              />
              <Button onClick={start} disabled={!bodyId || !kind} loading={create.isPending}>
                {t("drafts.start")}
              </Button>
            </Group>
            {error && <Alert color="red">{error}</Alert>}
          </Stack>
        </Paper>
      )}
      {drafts.data?.items.length === 0 && <Alert data-testid="drafts-empty">{t("drafts.empty")}</Alert>}
      <WideTable
        minWidth={760}
        label={t("drafts.nav")}
        display={drafts.data?.items.length ? undefined : "none"}
      >
        <Table striped data-testid="drafts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("drafts.kind")}</Table.Th>
              <Table.Th>{t("drafts.excerpt")}</Table.Th>
              <Table.Th>{t("documents.body")}</Table.Th>
              <Table.Th>{t("drafts.state")}</Table.Th>
              <Table.Th>{t("drafts.updated")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {drafts.data?.items.map((d) => (
              <Table.Tr key={d.id} style={d.status === "cancelled" ? { opacity: 0.6 } : undefined}>
                <Table.Td>{t(`drafts.kinds.${d.kind}`)}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/drafts/${d.id}`}>
                    {d.excerpt}
                  </Anchor>
                </Table.Td>
                <Table.Td>{bodyName(d.bodyId)}</Table.Td>
                <Table.Td>
                  <DraftStatus draft={d} />
                </Table.Td>
                <Table.Td>{formatDateTime(d.updatedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </WideTable>
    </Stack>
  );
}
