import { Alert, Button, PasswordInput, Stack, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, call, client } from "@/lib/api.ts";

export function AccountPage() {
  const { t, i18n } = useTranslation();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      await call(
        client.POST("/api/auth/password", { body: { currentPassword: current, newPassword: next } }),
      );
      setMsg({ ok: true, text: t("saved") });
      setCurrent("");
      setNext("");
    } catch (err) {
      setMsg({ ok: false, text: err instanceof ApiError ? err.localized(i18n.language) : String(err) });
    }
  };
  return (
    <form onSubmit={submit}>
      <Stack maw={400}>
        <Title order={3}>{t("changePassword")}</Title>
        {msg && <Alert color={msg.ok ? "green" : "red"}>{msg.text}</Alert>}
        <PasswordInput
          label={t("currentPassword")}
          value={current}
          onChange={(e) => setCurrent(e.currentTarget.value)}
          required
        />
        <PasswordInput
          label={t("newPassword")}
          value={next}
          onChange={(e) => setNext(e.currentTarget.value)}
          required
          minLength={8}
        />
        <Button type="submit">{t("save")}</Button>
      </Stack>
    </form>
  );
}
