import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DateField } from "@/components/date-field.tsx";
import { UnitPicker } from "@/components/unit-picker.tsx";
import { WaitingButton } from "@/components/waiting-button.tsx";
import { useUnitBodies } from "@/features/units/api/bodies.ts";
import { formatDate, todayIso } from "@/lib/format.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import {
  type DocumentNumber,
  useDocumentTypes,
  useNumberRegistry,
  useTakeNumber,
} from "../api/document-numbers.ts";
import { CancelNumberModal } from "./cancel-number-modal.tsx";
import { PartyTerms } from "./party-terms.tsx";

/** The letter of a State body carries no type code (1246/UBND-BTCD). */
const LETTER = "__letter__";

/**
 * Sổ đăng ký văn bản đi: a body's outgoing document numbers; those who may take numbers take the next one
 * (State: one yearly sequence; Party: per type per term) and cancel one with a reason (it stays, marked).
 */
export function DocumentsPage({
  defaultUnit,
  canNumber,
  canManageBodies,
}: {
  defaultUnit: string;
  canNumber: boolean;
  canManageBodies: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [unit, setUnit] = useState(defaultUnit);
  const [bodyId, setBodyId] = useState<string | null>(null);
  const [year, setYear] = useState<string>(String(new Date().getFullYear()));
  const [form, setForm] = useState({
    typeCode: "BC",
    draftingUnit: "",
    issuedOn: todayIso(),
    congress: false,
    title: "",
  });
  const [taken, setTaken] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState<DocumentNumber | null>(null);
  const { error, onError, clear } = useApiError();

  const bodies = useUnitBodies(unit);
  const types = useDocumentTypes();
  const body = bodies.data?.items.find((b) => String(b.id) === bodyId) ?? null;
  const family = body ? (body.family === "party" ? "party" : "state") : null;
  const registry = useNumberRegistry(bodyId, year);
  const takeNumber = useTakeNumber(bodyId);
  const take = () =>
    takeNumber.mutate(
      {
        typeCode: form.typeCode === LETTER ? null : form.typeCode,
        draftingUnit: form.typeCode === LETTER ? form.draftingUnit.trim() : null,
        issuedOn: form.issuedOn,
        congress: family === "party" ? form.congress : false,
        title: form.title,
      },
      {
        onSuccess: (n) => {
          clear();
          setTaken(n.line);
          setForm({ ...form, title: "" });
        },
        onError,
      },
    );
  const typeOptions = [
    ...(family === "state" ? [{ value: LETTER, label: t("documents.letter") }] : []),
    ...(types.data?.items ?? [])
      .filter((x) => x.family === family)
      .map((x) => ({ value: x.code, label: `${x.code} — ${i18n.language === "en" ? x.nameEn : x.nameVi}` })),
  ];
  const years = Array.from({ length: 8 }, (_, i) => String(new Date().getFullYear() - i));

  return (
    <Stack>
      <Title order={3}>{t("documents.title")}</Title>
      {error && <Alert color="red">{error}</Alert>}
      <Group align="end">
        <UnitPicker
          label={t("documents.unit")}
          value={unit || null}
          clearable={false}
          onChange={(code) => {
            if (!code) return;
            setUnit(code);
            setBodyId(null);
          }}
          w={320}
          data-testid="documents-unit"
        />
        <Select
          label={t("documents.body")}
          placeholder={t("documents.pickBody")}
          data={(bodies.data?.items ?? []).map((b) => ({
            value: String(b.id),
            label: b.shortName ? `${b.name} (${b.shortName})` : b.name,
          }))}
          value={bodyId}
          onChange={(v) => {
            setBodyId(v);
            setTaken(null);
            const b = bodies.data?.items.find((x) => String(x.id) === v);
            setForm({ ...form, typeCode: b?.family === "party" ? "KH" : "BC" });
          }}
          w={380}
          searchable
          data-testid="document-body"
        />
        <Select
          label={t("documents.year")}
          data={[
            { value: "", label: t("documents.allYears") },
            ...years.map((y) => ({ value: y, label: y })),
          ]}
          value={year}
          onChange={(v) => setYear(v ?? "")}
          w={120}
        />
      </Group>

      {body && family === "party" && <PartyTerms bodyId={body.id} canManage={canManageBodies} />}

      {body && canNumber && (
        <Stack gap="xs" p="sm" style={{ border: "1px solid var(--mantine-color-gray-3)", borderRadius: 4 }}>
          <Text fw={600}>{t("documents.takeTitle")}</Text>
          <Group align="end" wrap="wrap">
            <Select
              label={t("documents.type")}
              data={typeOptions}
              value={form.typeCode}
              onChange={(v) => setForm({ ...form, typeCode: v ?? "BC" })}
              w={280}
              searchable
              data-testid="document-type"
            />
            {form.typeCode === LETTER && (
              <TextInput
                label={t("documents.draftingUnit")}
                placeholder="NV"
                value={form.draftingUnit}
                onChange={(e) => setForm({ ...form, draftingUnit: e.currentTarget.value.toUpperCase() })}
                w={230}
              />
            )}
            <DateField
              label={t("documents.issuedOn")}
              value={form.issuedOn}
              onChange={(v) => setForm({ ...form, issuedOn: v ?? todayIso() })}
              w={150}
            />
            {family === "party" && (
              <Checkbox
                label={t("documents.congress")}
                checked={form.congress}
                onChange={(e) => setForm({ ...form, congress: e.currentTarget.checked })}
              />
            )}
          </Group>
          <Textarea
            label={t("documents.excerpt")}
            placeholder={t("documents.excerptHint")}
            value={form.title}
            onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
            autosize
            minRows={2}
            data-testid="document-title"
          />
          <Group>
            <WaitingButton
              onClick={take}
              loading={takeNumber.isPending}
              why={form.title.trim() ? null : t("documents.whyExcerpt")}
            >
              {t("documents.take")}
            </WaitingButton>
            {taken && (
              <Text fw={700} data-testid="document-taken">
                {t("documents.taken", { line: taken })}
              </Text>
            )}
          </Group>
        </Stack>
      )}

      {body && (
        <Table striped data-testid="document-registry">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("documents.symbol")}</Table.Th>
              <Table.Th>{t("documents.issuedOn")}</Table.Th>
              <Table.Th>{t("documents.excerpt")}</Table.Th>
              <Table.Th>{t("documents.status")}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {registry.data?.items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={5}>{t("documents.empty")}</Table.Td>
              </Table.Tr>
            )}
            {registry.data?.items.map((n) => (
              <Table.Tr key={n.id}>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  {n.status === "cancelled" ? <s>{n.symbol}</s> : n.symbol}
                </Table.Td>
                <Table.Td>{formatDate(n.issuedOn)}</Table.Td>
                <Table.Td>
                  {n.title}
                  {n.cancelReason && (
                    <Text size="xs" c="dimmed">
                      {t("documents.cancelledBecause", { reason: n.cancelReason })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge color={n.status === "cancelled" ? "gray" : "green"} variant="light">
                    {t(`documents.statuses.${n.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {canNumber && n.status === "allocated" && (
                    <Button size="xs" color="red" variant="subtle" onClick={() => setCancelling(n)}>
                      {t("documents.cancel")}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      <CancelNumberModal bodyId={bodyId} number={cancelling} onClose={() => setCancelling(null)} />
    </Stack>
  );
}
