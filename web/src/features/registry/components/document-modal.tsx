import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type BodyOf, call, client, upload } from "@/lib/api.ts";
import { formatDate, formatNumber } from "@/lib/format.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import { registryKeys } from "../api/keys.ts";
import { KINDS } from "../api/relations.ts";
import { CorrectDocument } from "./correct-document.tsx";
import { WithdrawDocument, WithdrawnNote } from "./withdraw-document.tsx";

export function DocumentModal(props: {
  id: number;
  unit: string;
  canRegister: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { error, onError, clear } = useApiError();
  const d = useQuery({
    queryKey: registryKeys.one(props.id),
    queryFn: () => call(client.GET("/api/registry/{id}", { params: { path: { id: props.id } } })),
  });
  const [kind, setKind] = useState<BodyOf<"/api/registry/{id}/relations", "post">["kind"]>("implements");
  const [target, setTarget] = useState("");
  const candidates = useQuery({
    queryKey: registryKeys.pick(props.unit, target),
    queryFn: () =>
      call(client.GET("/api/registry", { params: { query: { unit: props.unit, q: target, limit: 20 } } })),
    enabled: target.trim().length >= 2,
  });
  const refresh = async () => {
    clear();
    await qc.invalidateQueries({ queryKey: registryKeys.one(props.id) });
  };
  const relate = useMutation({
    mutationFn: (toId: number) =>
      call(
        client.POST("/api/registry/{id}/relations", {
          params: { path: { id: props.id } },
          body: { toId, kind },
        }),
      ),
    onSuccess: refresh,
    onError,
  });
  const attach = useMutation({
    mutationFn: (file: File) =>
      upload(`/api/registry/${props.id}/attachments?filename=${encodeURIComponent(file.name)}`, file),
    onSuccess: refresh,
    onError,
  });
  const doc = d.data;
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={doc ? doc.numberSymbol || doc.excerpt.slice(0, 60) : ""}
      size="xl"
    >
      {doc && (
        <Stack>
          {error && <Alert color="red">{error}</Alert>}
          <Text>
            <b>{doc.issuerName}</b> · {formatDate(doc.issuedOn)}
          </Text>
          <Text>{doc.excerpt}</Text>
          <WithdrawnNote doc={doc} />
          {props.canRegister && <CorrectDocument key={doc.version} doc={doc} />}
          {props.canRegister && <WithdrawDocument doc={doc} />}
          {doc.bodyText && (
            <Text size="sm" c="dimmed" style={{ whiteSpace: "pre-wrap" }}>
              {doc.bodyText}
            </Text>
          )}
          <Title order={5}>{t("registry.relations")}</Title>
          <Stack gap={4} data-testid="registry-relations">
            {doc.relations.map((r) => (
              <Text key={`o${r.kind}${r.id}`} size="sm">
                {t(`registry.kinds.${r.kind}`)} <b>{r.numberSymbol || r.excerpt.slice(0, 60)}</b> (
                {r.issuerName}, {formatDate(r.issuedOn)})
              </Text>
            ))}
            {doc.relatedBy.map((r) => (
              <Text key={`i${r.kind}${r.id}`} size="sm">
                {t(`registry.inverse.${r.kind}`)} <b>{r.numberSymbol || r.excerpt.slice(0, 60)}</b> (
                {r.issuerName}, {formatDate(r.issuedOn)})
              </Text>
            ))}
            {doc.relations.length + doc.relatedBy.length === 0 && (
              <Text size="sm">{t("registry.noRelations")}</Text>
            )}
          </Stack>
          {props.canRegister && (
            <Group align="end">
              <Select
                label={t("registry.relation")}
                data={KINDS.map((k) => ({ value: k, label: t(`registry.kinds.${k}`) }))}
                value={kind}
                onChange={(v) => setKind(v ?? "implements")}
                w={200}
              />
              <TextInput
                label={t("registry.otherDocument")}
                placeholder="01-NQ/TU"
                value={target}
                onChange={(e) => setTarget(e.currentTarget.value)}
                w={260}
              />
            </Group>
          )}
          {props.canRegister &&
            candidates.data?.items
              .filter((c) => c.id !== doc.id)
              .slice(0, 6)
              .map((c) => (
                <Group key={c.id} gap="xs">
                  <Button size="xs" variant="light" onClick={() => relate.mutate(c.id)}>
                    {t("registry.link")}
                  </Button>
                  <Text size="sm">
                    {c.numberSymbol || "—"} · {c.excerpt.slice(0, 90)}
                  </Text>
                </Group>
              ))}
          <Title order={5}>{t("registry.attachments")}</Title>
          {doc.attachments.map((a) => (
            <Text key={a.id} size="sm">
              <a href={`/api/registry/attachments/${a.id}`}>{a.filename}</a> (
              {formatNumber(Math.ceil(a.size / 1024))} KB)
            </Text>
          ))}
          {props.canRegister && (
            <input
              type="file"
              accept=".pdf,.doc,.docx,.xls,.xlsx,.png,.jpg,.jpeg"
              onChange={(e) => {
                const f = e.currentTarget.files?.[0];
                if (f) attach.mutate(f);
              }}
            />
          )}
        </Stack>
      )}
    </Modal>
  );
}
