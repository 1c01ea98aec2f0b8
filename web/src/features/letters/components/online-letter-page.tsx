import { LETTER_FIELDS } from "@domain/letter-workflow.ts";
import {
  Alert,
  Anchor,
  Button,
  Container,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PublicHeading } from "@/components/public-heading.tsx";
import { formatDate } from "@/lib/format.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import { findReceivers, type OnlineLetter, sendOnline } from "../api/letters.ts";
import { useLetterOptions } from "../labels.ts";

type Receipt = Awaited<ReturnType<typeof sendOnline>>;

const EMPTY = {
  bodyId: null as number | null,
  subject: "",
  content: "",
  field: "other" as NonNullable<OnlineLetter["field"]>,
  name: "",
  address: "",
  phone: "",
  email: "",
};

/**
 * A citizen's petition (kiến nghị, phản ánh) sent online without signing in, to a People's Committee chosen by
 * name; complaints and denunciations are guided to a signed letter or the reception office. The code and the
 * tracking secret are shown once, with the way to follow the letter.
 */
export function OnlineLetterPage() {
  const { t } = useTranslation();
  const options = useLetterOptions();
  const [d, setD] = useState(EMPTY);
  const { error, onError, fieldError, clear } = useApiError();
  // a field corrected is no longer shown in error
  const set = (patch: Partial<typeof EMPTY>) => {
    setD((x) => ({ ...x, ...patch }));
    clear();
  };
  const [search, setSearch] = useState("");
  const [typed] = useDebouncedValue(search.trim(), 300);
  const [chosenLabel, setChosenLabel] = useState<string | null>(null);
  const asked = typed.length >= 2 && typed !== chosenLabel;
  const receivers = useQuery({
    queryKey: ["public-receivers", typed],
    queryFn: () => findReceivers(typed),
    enabled: asked,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const sending = useMutation({
    mutationFn: sendOnline,
    onSuccess: (r) => {
      setReceipt(r);
      clear();
    },
    onError,
  });
  const labelOf = (b: { name: string; provinceName: string | null }) =>
    b.provinceName ? `${b.name} (${b.provinceName})` : b.name;
  const found = receivers.data?.items ?? [];
  const send = () => {
    if (d.bodyId === null) return;
    sending.mutate({
      bodyId: d.bodyId,
      subject: d.subject,
      content: d.content,
      field: d.field,
      sender: { name: d.name, address: d.address, phone: d.phone, email: d.email },
    });
  };
  return (
    <Container size="sm" py="lg">
      <Stack>
        <PublicHeading title={t("letters.online.title")} />
        <Text>{t("letters.online.intro")}</Text>
        <Alert color="blue" data-testid="online-guidance">
          {t("letters.online.guidance")}
        </Alert>
        {receipt ? (
          <Paper withBorder p="md" data-testid="online-receipt">
            <Stack gap="xs">
              <Text fw={600}>{t("letters.online.sent")}</Text>
              <Text>
                {t("letters.track.code")}: <b data-testid="online-code">{receipt.code}</b>
              </Text>
              <Text>
                {t("letters.track.secret")}: <b data-testid="online-secret">{receipt.secret}</b>
              </Text>
              <Text size="sm">
                {t("letters.online.sentTo")}: {receipt.bodyName}
              </Text>
              {receipt.stepDue && (
                <Text size="sm">
                  {t("letters.online.answerBy")}: {formatDate(receipt.stepDue)}
                </Text>
              )}
              <Group>
                <Anchor component={Link} to={`/public/letters?code=${receipt.code}`}>
                  {t("letters.online.track")}
                </Anchor>
                <Anchor
                  component="button"
                  type="button"
                  onClick={() => {
                    setReceipt(null);
                    setD(EMPTY);
                  }}
                >
                  {t("letters.online.another")}
                </Anchor>
              </Group>
            </Stack>
          </Paper>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              send();
            }}
          >
            <Stack>
              <Select
                label={t("letters.online.receiver")}
                description={t("letters.online.receiverHint")}
                searchable
                required
                value={d.bodyId === null ? null : String(d.bodyId)}
                searchValue={search}
                onSearchChange={setSearch}
                data={found.map((b) => ({ value: String(b.id), label: labelOf(b) }))}
                // the server found them by name, accents optional: show what it found
                filter={({ options: all }) => all}
                nothingFoundMessage={
                  asked && !receivers.isFetching ? t("letters.online.noReceiver") : t("searching")
                }
                onChange={(v) => {
                  const b = found.find((x) => String(x.id) === v);
                  set({ bodyId: b ? b.id : null });
                  setChosenLabel(b ? labelOf(b) : null);
                }}
                error={fieldError("bodyId")}
                data-testid="online-receiver"
              />
              <TextInput
                label={t("letters.online.subject")}
                required
                maxLength={300}
                value={d.subject}
                onChange={(e) => set({ subject: e.currentTarget.value })}
                error={fieldError("subject")}
                data-testid="online-subject"
              />
              <Textarea
                label={t("letters.online.content")}
                required
                autosize
                minRows={5}
                maxLength={5000}
                value={d.content}
                onChange={(e) => set({ content: e.currentTarget.value })}
                error={fieldError("content")}
                data-testid="online-content"
              />
              <Select
                label={t("letters.online.field")}
                data={options("field", LETTER_FIELDS)}
                value={d.field}
                onChange={(v) => v && set({ field: v as typeof d.field })}
                allowDeselect={false}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t("letters.online.name")}
                  required
                  maxLength={200}
                  autoComplete="name"
                  value={d.name}
                  onChange={(e) => set({ name: e.currentTarget.value })}
                  error={fieldError("sender.name")}
                  data-testid="online-name"
                />
                <TextInput
                  label={t("letters.online.address")}
                  maxLength={500}
                  autoComplete="street-address"
                  value={d.address}
                  onChange={(e) => set({ address: e.currentTarget.value })}
                />
                <TextInput
                  label={t("letters.online.phone")}
                  description={t("letters.online.contactHint")}
                  maxLength={30}
                  type="tel"
                  autoComplete="tel"
                  value={d.phone}
                  onChange={(e) => set({ phone: e.currentTarget.value })}
                  error={fieldError("sender.phone")}
                  data-testid="online-phone"
                />
                <TextInput
                  label={t("letters.online.email")}
                  maxLength={200}
                  type="email"
                  autoComplete="email"
                  value={d.email}
                  onChange={(e) => set({ email: e.currentTarget.value })}
                  error={fieldError("sender.email")}
                />
              </SimpleGrid>
              {error && (
                <Alert color="red" data-testid="online-error">
                  {error}
                </Alert>
              )}
              <Group>
                <Button
                  type="submit"
                  loading={sending.isPending}
                  disabled={d.bodyId === null || !d.subject.trim() || !d.content.trim() || !d.name.trim()}
                  data-testid="online-submit"
                >
                  {t("letters.online.submit")}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        <Anchor component={Link} to="/public/letters">
          {t("letters.track.title")}
        </Anchor>
      </Stack>
    </Container>
  );
}
