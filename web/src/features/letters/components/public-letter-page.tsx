import { OUTCOME_LABELS, type Outcome } from "@domain/letter-workflow.ts";
import {
  Alert,
  Anchor,
  Button,
  Container,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { PublicHeading } from "@/components/public-heading.tsx";
import { formatDate } from "@/lib/format.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import { trackLetter } from "../api/letters.ts";

type Tracked = Awaited<ReturnType<typeof trackLetter>>;

/**
 * A citizen's own letter, without signing in: by its code and the tracking secret given at intake, its state,
 * steps (with their numbered documents), the body that handles it, its legal day and outcome. No personal data
 * is on this page.
 */
export function PublicLetterPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const [code, setCode] = useState(params.get("code") ?? "");
  const [secret, setSecret] = useState("");
  const [found, setFound] = useState<Tracked | null>(null);
  const [busy, setBusy] = useState(false);
  const { error, onError, clear } = useApiError();
  const say = (x: { vi: string; en: string }) => (i18n.language === "en" ? x.en : x.vi);
  const look = async () => {
    setBusy(true);
    try {
      setFound(await trackLetter(code.trim().toUpperCase(), secret.trim()));
      clear();
    } catch (e) {
      setFound(null);
      onError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Container size="sm" py="lg">
      <Stack>
        <PublicHeading title={t("letters.track.title")} />
        <Text>{t("letters.track.intro")}</Text>
        <Anchor component={Link} to="/public/letters/new" data-testid="track-send-online">
          {t("letters.track.send")}
        </Anchor>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void look();
          }}
        >
          <Group align="end" wrap="wrap">
            <TextInput
              label={t("letters.track.code")}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              maxLength={9}
              placeholder="K7M2-Q9TX"
              w={180}
              data-testid="track-code"
            />
            <TextInput
              label={t("letters.track.secret")}
              value={secret}
              onChange={(e) => setSecret(e.currentTarget.value)}
              maxLength={20}
              autoComplete="off"
              w={180}
              data-testid="track-secret"
            />
            <Button type="submit" loading={busy} disabled={!code.trim() || !secret.trim()}>
              {t("letters.track.search")}
            </Button>
          </Group>
        </form>
        {error && (
          <Alert color="red" data-testid="track-error">
            {error}
          </Alert>
        )}
        {found && (
          <Paper withBorder p="md" data-testid="track-result">
            <Stack gap="xs">
              <Title order={4}>
                {say(found.kindName)} · {found.code}
              </Title>
              <Text data-testid="track-status">
                <b>{say(found.statusName)}</b>
                {found.outcome ? ` · ${say(OUTCOME_LABELS[found.outcome as Outcome])}` : ""}
              </Text>
              <Text size="sm">
                {t("letters.track.handledBy")}: {found.bodyName}
              </Text>
              {found.transferredTo && (
                <Text size="sm">
                  {t("letters.track.transferredTo")}: {found.transferredTo}
                </Text>
              )}
              {found.legalDue && !found.closedOn && (
                <Text size="sm">
                  {t("letters.track.legalDue")}: {formatDate(found.legalDue)}
                </Text>
              )}
              <Table>
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Td>{formatDate(found.receivedOn)}</Table.Td>
                    <Table.Td>{t("letters.received")}</Table.Td>
                    <Table.Td />
                  </Table.Tr>
                  {found.steps.map((s) => (
                    <Table.Tr key={`${s.action}${s.on}${s.numberSymbol ?? ""}`}>
                      <Table.Td>{formatDate(s.on)}</Table.Td>
                      <Table.Td>{say(s.name)}</Table.Td>
                      <Table.Td>{s.numberSymbol ?? ""}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          </Paper>
        )}
      </Stack>
    </Container>
  );
}
