import { ActionIcon, Badge, Button, Group, Select, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "@/components/confirm-dialog.tsx";
import { UnitPicker } from "@/components/unit-picker.tsx";
import { type BodyOf, call, client } from "@/lib/api.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import { userKeys } from "../api/keys.ts";

type Role = BodyOf<"/api/users/{id}/grants", "post">["role"];

export interface Grant {
  id: number;
  role: string;
  unitCode: string | null;
  unitName?: string | null;
}

export const ROLES = ["unit_admin", "editor", "approver", "viewer", "inspector", "system_admin"];

/** A user's grants as badges; remove one (after confirming) or add one. */
export function GrantEditor({ userId, grants }: { userId: number; grants: Grant[] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [role, setRole] = useState("viewer");
  const [unitCode, setUnitCode] = useState("");
  const [removing, setRemoving] = useState<Grant | null>(null);
  const { error, onError, clear } = useApiError();
  const refresh = async () => {
    clear();
    await qc.invalidateQueries({ queryKey: userKeys.all() });
  };
  const add = useMutation({
    mutationFn: () =>
      call(
        client.POST("/api/users/{id}/grants", {
          params: { path: { id: userId } },
          body: {
            role: role as Role,
            unitCode: role === "system_admin" ? null : unitCode,
          },
        }),
      ),
    onSuccess: refresh,
    onError,
  });
  const remove = useMutation({
    mutationFn: (g: Grant) =>
      call(
        client.DELETE("/api/users/{id}/grants/{grantId}", {
          params: { path: { id: userId, grantId: g.id } },
        }),
      ),
    onSuccess: async () => {
      setRemoving(null);
      await refresh();
    },
    onError,
  });
  return (
    <Stack gap={4}>
      <Group gap={4}>
        {grants.map((g) => (
          <Badge
            key={g.id}
            variant="light"
            rightSection={
              <ActionIcon
                size="xs"
                variant="transparent"
                aria-label={t("removeGrant")}
                onClick={() => setRemoving(g)}
              >
                ×
              </ActionIcon>
            }
          >
            {t(`roles.${g.role}`)}
            {g.unitCode ? ` · ${g.unitName ?? g.unitCode}` : ""}
          </Badge>
        ))}
      </Group>
      <Group gap={4}>
        <Select
          size="xs"
          w={150}
          aria-label={`${t("grant")}: ${t("role")}`}
          data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          value={role}
          onChange={(v) => setRole(v ?? "viewer")}
        />
        <UnitPicker
          size="xs"
          w={260}
          placeholder={t("unit")}
          aria-label={`${t("grant")}: ${t("unit")}`}
          permission="user.manage"
          value={unitCode || null}
          onChange={(code) => setUnitCode(code ?? "")}
          disabled={role === "system_admin"}
        />
        <Button size="xs" variant="light" onClick={() => add.mutate()} loading={add.isPending}>
          {t("grant")}
        </Button>
      </Group>
      {error && (
        <Text c="red" size="xs">
          {error}
        </Text>
      )}
      <ConfirmDialog
        opened={removing !== null}
        title={t("removeGrant")}
        message={t("confirmRemoveGrant", {
          role: removing ? t(`roles.${removing.role}`) : "",
          unit: removing?.unitName ?? removing?.unitCode ?? "",
        })}
        confirmLabel={t("removeGrant")}
        loading={remove.isPending}
        onConfirm={() => removing && remove.mutate(removing)}
        onCancel={() => setRemoving(null)}
      />
    </Stack>
  );
}
