import { Alert, Button, Group, Select, Stack, Table, TextInput } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "@/components/confirm-dialog.tsx";
import { WaitingButton } from "@/components/waiting-button.tsx";
import { type Body, type BodyOf, call, client } from "@/lib/api.ts";
import { formatDate, todayIso } from "@/lib/format.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import { unitKeys } from "../api/keys.ts";

/** The bodies of a unit; unit admins add one or end one (after confirming; nothing is deleted). */
export function BodyList({
  unitCode,
  bodies,
  canWrite,
}: {
  unitCode: string;
  bodies: Body[];
  canWrite: boolean;
}) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const kinds = useQuery({
    queryKey: unitKeys.bodyKinds(),
    queryFn: () => call(client.GET("/api/body-kinds")),
  });
  const [form, setForm] = useState({ kind: "people_committee", name: "", shortName: "" });
  const [ending, setEnding] = useState<Body | null>(null);
  const { error, onError, clear } = useApiError();
  const label = (k: string) =>
    kinds.data?.find((x) => x.kind === k)?.[i18n.language === "en" ? "en" : "vi"] ?? k;
  const refresh = async () => {
    clear();
    await qc.invalidateQueries({ queryKey: unitKeys.bodies(unitCode) });
  };
  const add = useMutation({
    mutationFn: () =>
      call(
        client.POST("/api/units/{code}/bodies", {
          params: { path: { code: unitCode } },
          body: {
            kind: form.kind as BodyOf<"/api/units/{code}/bodies", "post">["kind"],
            name: form.name,
            ...(form.shortName ? { shortName: form.shortName } : {}),
          },
        }),
      ),
    onSuccess: async () => {
      setForm({ ...form, name: "", shortName: "" });
      await refresh();
    },
    onError,
  });
  const end = useMutation({
    mutationFn: (b: Body) =>
      call(
        client.PATCH("/api/bodies/{id}", {
          params: { path: { id: b.id } },
          body: { version: b.version, validTo: todayIso() },
        }),
      ),
    onSuccess: async () => {
      setEnding(null);
      await refresh();
    },
    onError,
  });
  return (
    <Stack>
      {error && <Alert color="red">{error}</Alert>}
      {canWrite && (
        <Group align="end">
          <Select
            label={t("kind")}
            w={260}
            data={(kinds.data ?? []).map((k) => ({ value: k.kind, label: label(k.kind) }))}
            value={form.kind}
            onChange={(v) => setForm({ ...form, kind: v ?? "people_committee" })}
          />
          <TextInput
            label={t("name")}
            w={320}
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
          />
          <TextInput
            label={t("shortName")}
            w={120}
            value={form.shortName}
            onChange={(e) => setForm({ ...form, shortName: e.currentTarget.value })}
          />
          <WaitingButton
            onClick={() => add.mutate()}
            why={form.name.trim() ? null : t("whyBodyName")}
            loading={add.isPending}
          >
            {t("addBody")}
          </WaitingButton>
        </Group>
      )}
      <Table>
        <Table.Tbody>
          {bodies.map((b) => (
            <Table.Tr key={b.id}>
              <Table.Td>{b.name}</Table.Td>
              <Table.Td>{b.shortName}</Table.Td>
              <Table.Td>{label(b.kind)}</Table.Td>
              <Table.Td>
                {formatDate(b.validFrom)}
                {b.validTo ? ` – ${formatDate(b.validTo)}` : ""}
              </Table.Td>
              {canWrite && (
                <Table.Td>
                  {!b.validTo && (
                    <Button size="xs" variant="light" color="red" onClick={() => setEnding(b)}>
                      {t("endBody")}
                    </Button>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ConfirmDialog
        opened={ending !== null}
        title={t("endBody")}
        message={t("confirmEndBody", { name: ending?.name })}
        confirmLabel={t("endBody")}
        loading={end.isPending}
        onConfirm={() => ending && end.mutate(ending)}
        onCancel={() => setEnding(null)}
      />
    </Stack>
  );
}
