import { Alert, Group, Stack, Table, Text, TextInput } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DateField } from "@/components/date-field.tsx";
import { WaitingButton } from "@/components/waiting-button.tsx";
import { call, client } from "@/lib/api.ts";
import { formatDate } from "@/lib/format.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import { documentKeys } from "../api/document-numbers.ts";

/**
 * A Party body's committee terms (nhiệm kỳ): its documents are numbered afresh in each (HD 36-HD/VPTW), so a
 * number can only be taken inside one. Those who manage the unit's bodies add the next term here.
 */
export function PartyTerms({ bodyId, canManage }: { bodyId: number; canManage: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { error, onError, clear } = useApiError();
  const [form, setForm] = useState<{ name: string; startsOn: string | null; endsOn: string | null }>({
    name: "",
    startsOn: null,
    endsOn: null,
  });
  const terms = useQuery({
    queryKey: documentKeys.terms(bodyId),
    queryFn: () => call(client.GET("/api/bodies/{id}/terms", { params: { path: { id: bodyId } } })),
  });
  const add = useMutation({
    mutationFn: () =>
      call(
        client.POST("/api/bodies/{id}/terms", {
          params: { path: { id: bodyId } },
          body: {
            name: form.name,
            startsOn: form.startsOn ?? "",
            endsOn: form.endsOn,
          },
        }),
      ),
    onSuccess: async () => {
      clear();
      setForm({ name: "", startsOn: null, endsOn: null });
      await qc.invalidateQueries({ queryKey: documentKeys.terms(bodyId) });
    },
    onError,
  });
  return (
    <Stack gap="xs" p="sm" style={{ border: "1px solid var(--mantine-color-gray-3)", borderRadius: 4 }}>
      <Text fw={600}>{t("documents.terms.title")}</Text>
      {error && <Alert color="red">{error}</Alert>}
      <Table data-testid="party-terms">
        <Table.Tbody>
          {terms.data?.items.length === 0 && (
            <Table.Tr>
              <Table.Td>
                <Text size="sm" c="orange">
                  {t("documents.terms.none")}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {terms.data?.items.map((x) => (
            <Table.Tr key={x.id}>
              <Table.Td>{x.name}</Table.Td>
              <Table.Td>
                {formatDate(x.startsOn)} – {x.endsOn ? formatDate(x.endsOn) : t("documents.terms.ongoing")}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {canManage && (
        <Group align="end">
          <TextInput
            label={t("documents.terms.name")}
            placeholder="khóa XI (2025–2030)"
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
            w={240}
            data-testid="term-name"
          />
          <DateField
            label={t("documents.terms.startsOn")}
            value={form.startsOn}
            onChange={(v) => setForm({ ...form, startsOn: v })}
            w={150}
            data-testid="term-starts"
          />
          <DateField
            label={t("documents.terms.endsOn")}
            value={form.endsOn}
            onChange={(v) => setForm({ ...form, endsOn: v })}
            w={150}
            clearable
          />
          <WaitingButton
            onClick={() => add.mutate()}
            loading={add.isPending}
            why={
              !form.name.trim()
                ? t("documents.terms.whyName")
                : !form.startsOn
                  ? t("documents.terms.whyStart")
                  : null
            }
          >
            {t("documents.terms.add")}
          </WaitingButton>
        </Group>
      )}
    </Stack>
  );
}
