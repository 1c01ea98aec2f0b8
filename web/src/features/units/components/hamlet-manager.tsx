import { HAMLET_TYPES } from "@domain/hamlet-types.ts";
import { Alert, Badge, Button, Group, Select, Stack, Table, TextInput, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "@/components/confirm-dialog.tsx";
import { GuardedModal } from "@/components/guarded-modal.tsx";
import { WaitingButton } from "@/components/waiting-button.tsx";
import { type BodyOf, call, client, type Unit } from "@/lib/api.ts";
import { formatDate } from "@/lib/format.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import { unitKeys } from "../api/keys.ts";

/** Add, rename and close the hamlets of a commune (closing asks for confirmation; nothing is deleted). */
export function HamletManager({ commune, hamlets }: { commune: string; hamlets: Unit[] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [name, setName] = useState("");
  const [type, setType] = useState("ấp");
  const { error, onError, clear } = useApiError();
  const [editing, setEditing] = useState<Unit | null>(null);
  const [closing, setClosing] = useState<Unit | null>(null);
  const [newName, setNewName] = useState("");
  const done = async () => {
    clear();
    await qc.invalidateQueries({ queryKey: unitKeys.all() });
  };
  const create = useMutation({
    mutationFn: () =>
      call(
        client.POST("/api/units/{code}/hamlets", {
          params: { path: { code: commune } },
          body: { name, type: type as BodyOf<"/api/units/{code}/hamlets", "post">["type"] },
        }),
      ),
    onSuccess: async () => {
      setName("");
      await done();
    },
    onError,
  });
  const rename = useMutation({
    mutationFn: (u: Unit) =>
      call(
        client.PATCH("/api/units/{code}", {
          params: { path: { code: u.code } },
          body: { version: u.version, name: newName },
        }),
      ),
    onSuccess: async () => {
      setEditing(null);
      await done();
    },
    onError,
  });
  const close = useMutation({
    mutationFn: (u: Unit) =>
      call(
        client.POST("/api/units/{code}/close", {
          params: { path: { code: u.code } },
          body: { version: u.version },
        }),
      ),
    onSuccess: async () => {
      setClosing(null);
      await done();
    },
    onError,
  });
  return (
    <Stack>
      <Title order={5}>{t("hamlets")}</Title>
      {error && <Alert color="red">{error}</Alert>}
      <Group align="end">
        <Select
          label={t("type")}
          data={[...HAMLET_TYPES]}
          value={type}
          onChange={(v) => setType(v ?? "ấp")}
          w={160}
        />
        <TextInput
          label={t("name")}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          data-testid="hamlet-name"
        />
        <WaitingButton
          onClick={() => create.mutate()}
          why={name.trim() ? null : t("whyHamletName")}
          loading={create.isPending}
        >
          {t("addHamlet")}
        </WaitingButton>
      </Group>
      <Table>
        <Table.Tbody>
          {hamlets.map((h) => (
            <Table.Tr key={h.id}>
              <Table.Td>{h.code}</Table.Td>
              <Table.Td>{h.fullName}</Table.Td>
              <Table.Td>{formatDate(h.validFrom)}</Table.Td>
              <Table.Td>
                {h.validTo ? (
                  <Badge color="gray" variant="light">
                    {t("closedAfter", { date: formatDate(h.validTo) })}
                  </Badge>
                ) : (
                  <Group gap="xs">
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => {
                        setEditing(h);
                        setNewName(h.name);
                      }}
                    >
                      {t("rename")}
                    </Button>
                    <Button size="xs" variant="light" color="red" onClick={() => setClosing(h)}>
                      {t("close")}
                    </Button>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <GuardedModal
        opened={editing !== null}
        dirty={editing !== null && newName !== editing.name}
        onClose={() => setEditing(null)}
        title={t("rename")}
      >
        {(closeDialog) => (
          <Stack>
            <TextInput
              label={t("hamletNewName")}
              withAsterisk
              value={newName}
              onChange={(e) => setNewName(e.currentTarget.value)}
              data-autofocus
            />
            {error && <Alert color="red">{error}</Alert>}
            <Group>
              <Button
                onClick={() => editing && rename.mutate(editing)}
                loading={rename.isPending}
                disabled={!newName.trim() || newName === editing?.name}
              >
                {t("save")}
              </Button>
              <Button variant="default" onClick={closeDialog}>
                {t("cancel")}
              </Button>
            </Group>
          </Stack>
        )}
      </GuardedModal>
      <ConfirmDialog
        opened={closing !== null}
        title={t("close")}
        message={t("confirmClose", { name: closing?.fullName })}
        confirmLabel={t("close")}
        loading={close.isPending}
        onConfirm={() => closing && close.mutate(closing)}
        onCancel={() => setClosing(null)}
      />
    </Stack>
  );
}
