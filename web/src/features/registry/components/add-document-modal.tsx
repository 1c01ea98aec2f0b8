import { Alert, Group, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DateField } from "@/components/date-field.tsx";
import { DialogActions } from "@/components/dialog-actions.tsx";
import { GuardedModal } from "@/components/guarded-modal.tsx";
import { call, client } from "@/lib/api.ts";
import { todayIso } from "@/lib/format.ts";
import { confirmDone } from "@/lib/notify.ts";
import { useApiError } from "@/lib/use-api-error.ts";

export const emptyEntry = () => ({
  direction: "incoming",
  numberSymbol: "",
  issuerName: "",
  issuedOn: todayIso() as string,
  excerpt: "",
  bodyText: "",
});

export function AddDocument(props: { unit: string; onClose: () => void; onAdded: () => void }) {
  const { t } = useTranslation();
  const { error, onError, fieldError } = useApiError();
  const [initial] = useState(emptyEntry);
  const [form, setForm] = useState(initial);
  const dirty = JSON.stringify(form) !== JSON.stringify(initial);
  const add = useMutation({
    mutationFn: () =>
      call(
        client.POST("/api/registry", {
          body: { unitCode: props.unit, ...form, direction: form.direction as "incoming" | "outgoing" },
        }),
      ),
    onSuccess: () => {
      confirmDone(
        t("registry.added", { what: form.numberSymbol.trim() || form.excerpt.trim().slice(0, 60) }),
      );
      props.onAdded();
    },
    onError,
  });
  const missing = [
    ...(!form.issuerName.trim() ? [t("registry.needIssuer")] : []),
    ...(!form.excerpt.trim() ? [t("registry.needExcerpt")] : []),
  ];
  return (
    <GuardedModal opened dirty={dirty} onClose={props.onClose} title={t("registry.add")} size="lg">
      {(close) => (
        <Stack>
          <Group grow align="flex-start">
            <Select
              label={t("registry.direction")}
              data={["incoming", "outgoing"].map((v) => ({ value: v, label: t(`registry.directions.${v}`) }))}
              value={form.direction}
              onChange={(v) => setForm({ ...form, direction: v ?? "incoming" })}
            />
            <TextInput
              label={t("documents.symbol")}
              placeholder="53-KH/HU"
              value={form.numberSymbol}
              onChange={(e) => setForm({ ...form, numberSymbol: e.currentTarget.value })}
              error={fieldError("numberSymbol")}
              data-testid="registry-number"
            />
            <DateField
              label={t("registry.date")}
              withAsterisk
              value={form.issuedOn}
              onChange={(v) => setForm({ ...form, issuedOn: v ?? todayIso() })}
              error={fieldError("issuedOn")}
            />
          </Group>
          <TextInput
            label={t("registry.issuer")}
            withAsterisk
            value={form.issuerName}
            onChange={(e) => setForm({ ...form, issuerName: e.currentTarget.value })}
            error={fieldError("issuerName")}
            data-testid="registry-issuer"
          />
          <Textarea
            label={t("documents.excerpt")}
            withAsterisk
            value={form.excerpt}
            onChange={(e) => setForm({ ...form, excerpt: e.currentTarget.value })}
            error={fieldError("excerpt")}
            autosize
            minRows={2}
            data-testid="registry-excerpt"
          />
          <Textarea
            label={t("registry.text")}
            value={form.bodyText}
            onChange={(e) => setForm({ ...form, bodyText: e.currentTarget.value })}
            error={fieldError("bodyText")}
            autosize
            minRows={3}
          />
          {error && <Alert color="red">{error}</Alert>}
          <DialogActions
            label={t("registry.save")}
            onAction={() => add.mutate()}
            busy={add.isPending}
            missing={missing}
            onCancel={close}
          />
        </Stack>
      )}
    </GuardedModal>
  );
}
