import { Alert, Button, Group, Stack, Textarea, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DateField } from "@/components/date-field.tsx";
import { type AnswerOf, call, client } from "@/lib/api.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import { registryKeys } from "../api/keys.ts";

type Doc = AnswerOf<"/api/registry/{id}", "get">;

/**
 * A registry entry corrected where it was typed wrong: its number-symbol (kept when it was numbered from the
 * registry of outgoing documents), issuer, date and excerpt, with the version read.
 */
export function CorrectDocument({ doc }: { doc: Doc }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { error, onError, clear, fieldError } = useApiError();
  const [open, setOpen] = useState(false);
  const [f, setF] = useState({
    numberSymbol: doc.numberSymbol,
    issuerName: doc.issuerName,
    issuedOn: doc.issuedOn as string | null,
    excerpt: doc.excerpt,
  });
  const save = useMutation({
    mutationFn: () =>
      call(
        client.PATCH("/api/registry/{id}", {
          params: { path: { id: doc.id } },
          body: {
            version: doc.version,
            ...(doc.documentNumberId === null ? { numberSymbol: f.numberSymbol } : {}),
            issuerName: f.issuerName,
            ...(f.issuedOn ? { issuedOn: f.issuedOn } : {}),
            excerpt: f.excerpt,
          },
        }),
      ),
    onSuccess: async () => {
      clear();
      setOpen(false);
      await qc.invalidateQueries({ queryKey: registryKeys.one(doc.id) });
      await qc.invalidateQueries({ queryKey: registryKeys.all() });
    },
    onError,
  });
  if (!open)
    return (
      <Button
        size="xs"
        variant="subtle"
        w="fit-content"
        onClick={() => setOpen(true)}
        data-testid="registry-correct"
      >
        {t("registry.correct")}
      </Button>
    );
  return (
    <Stack gap="xs" data-testid="registry-correct-form">
      <Group grow align="start">
        <TextInput
          label={t("registry.numberSymbol")}
          description={doc.documentNumberId !== null ? t("registry.numberKept") : undefined}
          value={f.numberSymbol}
          onChange={(e) => setF({ ...f, numberSymbol: e.currentTarget.value })}
          disabled={doc.documentNumberId !== null}
          maxLength={60}
          error={fieldError("numberSymbol")}
        />
        <TextInput
          label={t("registry.issuer")}
          value={f.issuerName}
          onChange={(e) => setF({ ...f, issuerName: e.currentTarget.value })}
          maxLength={300}
        />
        <DateField
          label={t("registry.date")}
          value={f.issuedOn}
          onChange={(v) => setF({ ...f, issuedOn: v })}
        />
      </Group>
      <Textarea
        label={t("drafts.excerpt")}
        value={f.excerpt}
        onChange={(e) => setF({ ...f, excerpt: e.currentTarget.value })}
        autosize
        maxLength={2000}
      />
      {error && <Alert color="red">{error}</Alert>}
      <Group>
        <Button
          size="xs"
          onClick={() => save.mutate()}
          loading={save.isPending}
          disabled={!f.excerpt.trim() || !f.issuerName.trim()}
        >
          {t("registry.saveCorrection")}
        </Button>
        <Button size="xs" variant="subtle" onClick={() => setOpen(false)}>
          {t("cancel")}
        </Button>
      </Group>
    </Stack>
  );
}
