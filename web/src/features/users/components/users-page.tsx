import { MIN_PASSWORD_LENGTH, passwordLongEnough } from "@domain/password-rule.ts";
import {
  Alert,
  Badge,
  Button,
  Group,
  PasswordInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "@/components/confirm-dialog.tsx";
import { UnitPicker } from "@/components/unit-picker.tsx";
import { WideTable } from "@/components/wide-table.tsx";
import { type BodyOf, call, client, type User } from "@/lib/api.ts";
import { confirmDone } from "@/lib/notify.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import { userKeys } from "../api/keys.ts";
import { GrantEditor, ROLES } from "./grant-editor.tsx";

export function UsersPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const users = useQuery({ queryKey: userKeys.all(), queryFn: () => call(client.GET("/api/users")) });
  const [form, setForm] = useState({
    username: "",
    displayName: "",
    email: "",
    password: "",
    role: "editor",
    unitCode: "",
  });
  const { error, onError, clear, fieldError } = useApiError();
  const create = useMutation({
    mutationFn: () =>
      call(
        client.POST("/api/users", {
          body: {
            username: form.username,
            displayName: form.displayName,
            ...(form.email.trim() ? { email: form.email.trim() } : {}),
            password: form.password,
            grants: [
              {
                role: form.role as NonNullable<BodyOf<"/api/users", "post">["grants"]>[number]["role"],
                unitCode: form.role === "system_admin" ? null : form.unitCode,
              },
            ],
          },
        }),
      ),
    onSuccess: async () => {
      clear();
      confirmDone(t("userAdded", { name: form.displayName.trim() || form.username.trim() }));
      setForm({ ...form, username: "", displayName: "", email: "", password: "" });
      await qc.invalidateQueries({ queryKey: userKeys.all() });
    },
    onError,
  });
  const toggle = useMutation({
    mutationFn: (u: User) =>
      call(
        client.PATCH("/api/users/{id}", {
          params: { path: { id: u.id } },
          body: { version: u.version, isActive: !u.isActive },
        }),
      ),
    onSuccess: async () => {
      setLocking(null);
      await qc.invalidateQueries({ queryKey: userKeys.all() });
    },
    onError,
  });
  const [locking, setLocking] = useState<User | null>(null);
  const missing = [
    ...(!form.username.trim() ? [t("needUsername")] : []),
    ...(!form.displayName.trim() ? [t("needDisplayName")] : []),
    ...(!passwordLongEnough(form.password) ? [t("needPassword", { n: MIN_PASSWORD_LENGTH })] : []),
    ...(form.role !== "system_admin" && !form.unitCode ? [t("needUnit")] : []),
  ];
  const set = (k: keyof typeof form) => (e: { currentTarget: { value: string } }) =>
    setForm({ ...form, [k]: e.currentTarget.value });
  return (
    <Stack>
      <Title order={3}>{t("users")}</Title>
      {error && <Alert color="red">{error}</Alert>}
      <Group align="end" wrap="wrap">
        <TextInput
          label={t("username")}
          withAsterisk
          value={form.username}
          onChange={set("username")}
          error={fieldError("username")}
        />
        <TextInput
          label={t("displayName")}
          withAsterisk
          value={form.displayName}
          onChange={set("displayName")}
          error={fieldError("displayName")}
        />
        <TextInput
          label={t("email")}
          type="email"
          value={form.email}
          onChange={set("email")}
          error={fieldError("email")}
        />
        <PasswordInput
          label={t("password")}
          withAsterisk
          value={form.password}
          onChange={set("password")}
          error={fieldError("password")}
          w={180}
        />
        <Select
          label={t("role")}
          data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          value={form.role}
          onChange={(v) => setForm({ ...form, role: v ?? "editor" })}
          w={180}
        />
        <UnitPicker
          label={t("unit")}
          permission="user.manage"
          value={form.unitCode || null}
          onChange={(code) => setForm({ ...form, unitCode: code ?? "" })}
          w={300}
          disabled={form.role === "system_admin"}
          data-testid="user-unit"
        />
        <Button
          onClick={() => create.mutate()}
          loading={create.isPending}
          disabled={missing.length > 0}
          title={missing.length ? missing.join("; ") : undefined}
        >
          {t("addUser")}
        </Button>
      </Group>
      {missing.length > 0 && (form.username || form.displayName || form.password) && (
        <Text size="sm" c="dimmed">
          {t("stillMissing", { items: missing.join("; ") })}
        </Text>
      )}
      <WideTable minWidth={900} label={t("users")}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("username")}</Table.Th>
              <Table.Th>{t("displayName")}</Table.Th>
              <Table.Th>{t("email")}</Table.Th>
              <Table.Th>{t("grant")}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data?.items.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>{u.username}</Table.Td>
                <Table.Td>{u.displayName}</Table.Td>
                <Table.Td>{u.email}</Table.Td>
                <Table.Td>
                  <GrantEditor userId={u.id} grants={u.grants} />
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Badge color={u.isActive ? "green" : "gray"} variant="light">
                      {u.isActive ? t("active") : t("inactive")}
                    </Badge>
                    {u.isActive ? (
                      <Button size="xs" variant="light" color="red" onClick={() => setLocking(u)}>
                        {t("lock")}
                      </Button>
                    ) : (
                      <Button size="xs" variant="light" onClick={() => toggle.mutate(u)}>
                        {t("unlock")}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </WideTable>
      <ConfirmDialog
        opened={locking !== null}
        title={t("lock")}
        message={t("confirmLock", { name: locking?.username })}
        confirmLabel={t("lock")}
        loading={toggle.isPending}
        onConfirm={() => locking && toggle.mutate(locking)}
        onCancel={() => setLocking(null)}
      />
    </Stack>
  );
}
