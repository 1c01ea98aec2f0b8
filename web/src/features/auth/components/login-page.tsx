import { Alert, Button, Center, Paper, PasswordInput, Stack, TextInput, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, call, client, setCsrfToken } from "@/lib/api.ts";
import { toggleLanguage } from "@/lib/i18n.ts";

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const me = await call(client.POST("/api/auth/login", { body: { username, password } }));
      setCsrfToken(me.csrfToken);
      qc.setQueryData(["me"], me);
    } catch (err) {
      setError(err instanceof ApiError ? err.localized(i18n.language) : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Center h="100vh">
      <Paper withBorder p="xl" w={360}>
        <form onSubmit={submit}>
          <Stack>
            <Title order={3}>danvan · {t("app")}</Title>
            {error && <Alert color="red">{error}</Alert>}
            <TextInput
              label={t("username")}
              name="username"
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              required
              autoFocus
            />
            <PasswordInput
              label={t("password")}
              name="password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              required
            />
            <Button type="submit" loading={busy}>
              {t("login")}
            </Button>
            <Button variant="subtle" size="xs" onClick={toggleLanguage}>
              {t("language")}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
