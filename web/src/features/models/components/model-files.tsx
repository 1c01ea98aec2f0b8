import {
  Alert,
  Anchor,
  Button,
  FileButton,
  Group,
  Image,
  Paper,
  Stack,
  Switch,
  Text,
  Textarea,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { call, client, upload } from "@/lib/api.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import type { Model } from "../api/models.ts";
import { modelKeys } from "../api/models.ts";

/** The model's photos and files, and whether the province's public showcase shows it (with its results). */
export function FilesAndShowcase({ model }: { model: Model }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { error, onError, clear } = useApiError();
  const [shown, setShown] = useState(model.isPublic);
  const [results, setResults] = useState(model.results);
  const canChange = model.can.register || model.can.evaluate;
  const refresh = () => qc.invalidateQueries({ queryKey: modelKeys.one(model.id) });
  const attach = async (file: File | null) => {
    if (!file) return;
    clear();
    try {
      await upload(`/api/models/${model.id}/attachments?filename=${encodeURIComponent(file.name)}`, file);
      await refresh();
    } catch (e) {
      onError(e);
    }
  };
  const publish = useMutation({
    mutationFn: () =>
      call(
        client.PUT("/api/models/{id}/public", {
          params: { path: { id: model.id } },
          body: { version: model.version, public: shown, results },
        }),
      ),
    onSuccess: async () => {
      clear();
      await refresh();
    },
    onError,
  });
  const province = model.unitPath[0] ?? "";
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Text fw={600}>{t("models.files")}</Text>
        {error && <Alert color="red">{error}</Alert>}
        <Group gap="sm" data-testid="model-files">
          {model.attachments.map((x) =>
            x.contentType.startsWith("image/") ? (
              <Anchor key={x.id} href={`/api/models/attachments/${x.id}`}>
                <Image
                  src={`/api/models/attachments/${x.id}`}
                  h={90}
                  w={120}
                  fit="cover"
                  alt={x.filename}
                  radius="sm"
                />
              </Anchor>
            ) : (
              <Anchor key={x.id} href={`/api/models/attachments/${x.id}`} size="sm">
                {x.filename}
              </Anchor>
            ),
          )}
          {model.attachments.length === 0 && (
            <Text size="sm" c="dimmed">
              {t("models.noFiles")}
            </Text>
          )}
        </Group>
        {model.can.register && (
          <FileButton accept=".pdf,.doc,.docx,.xls,.xlsx,.png,.jpg,.jpeg" onChange={(f) => void attach(f)}>
            {(props) => (
              <Button size="xs" variant="light" w={200} {...props} data-testid="model-attach">
                {t("models.attach")}
              </Button>
            )}
          </FileButton>
        )}
        {canChange && (
          <>
            <Switch
              label={t("models.showPublic")}
              checked={shown}
              onChange={(e) => setShown(e.currentTarget.checked)}
              data-testid="model-public"
            />
            <Textarea
              label={t("models.results")}
              value={results}
              onChange={(e) => setResults(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Group>
              <Button size="xs" onClick={() => publish.mutate()} loading={publish.isPending}>
                {t("models.savePublic")}
              </Button>
              {model.isPublic && (
                <Anchor href={`/public/models/${province}`} size="sm" target="_blank">
                  {t("models.openShowcase")}
                </Anchor>
              )}
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
