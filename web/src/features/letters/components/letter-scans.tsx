import { formatDecimal, langOf } from "@domain/vn-format.ts";
import { Alert, Button, FileButton, Group, Stack, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { download, upload } from "@/lib/api.ts";
import { formatDateTime } from "@/lib/format.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import { type Letter, letterKeys } from "../api/letters.ts";

const KIND: Record<string, string> = { "application/pdf": "PDF", "image/png": "PNG", "image/jpeg": "JPEG" };

/**
 * The letter as its writer handed it in: scans kept sealed. The page lists what they are; each is opened on
 * purpose by whom the law lets see the writer (a denunciation's: the inspectorate), and each opening is audited.
 */
export function LetterScans({ l }: { l: Letter }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const qc = useQueryClient();
  const { error, onError, clear } = useApiError();
  const [busy, setBusy] = useState(false);
  const canOpen = l.identityProtected ? l.can.identity : l.can.handle;
  const add = async (file: File | null) => {
    if (!file) return;
    clear();
    setBusy(true);
    try {
      await upload(`/api/letters/${l.id}/scans`, file);
      await qc.invalidateQueries({ queryKey: letterKeys.one(l.id) });
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };
  const open = async (id: number) => {
    clear();
    try {
      await download(`/api/letters/scans/${id}`, "ban-chup-don");
    } catch (e) {
      onError(e);
    }
  };
  if (l.scans.length === 0 && !l.can.handle) return null;
  return (
    <Stack gap={4} data-testid="letter-scans">
      <Text size="sm" fw={600}>
        {t("letters.scans")}
      </Text>
      <Text size="xs" c="dimmed">
        {t(l.identityProtected ? "letters.scansProtected" : "letters.scansSealed")}
      </Text>
      {l.scans.map((s, i) => (
        <Group key={s.id} gap="xs">
          <Text size="sm">
            {t("letters.scanOf", {
              n: i + 1,
              kind: KIND[s.contentType] ?? s.contentType,
              size: formatDecimal(String(Math.max(1, Math.round(s.size / 1024))), lang),
              at: formatDateTime(s.createdAt),
            })}
          </Text>
          {canOpen && (
            <Button size="compact-xs" variant="light" onClick={() => void open(s.id)} data-testid="scan-open">
              {t("letters.openScan")}
            </Button>
          )}
        </Group>
      ))}
      {l.can.handle && (
        <FileButton accept=".pdf,.png,.jpg,.jpeg" onChange={(f) => void add(f)}>
          {(props) => (
            <Button
              size="xs"
              variant="default"
              w="fit-content"
              loading={busy}
              {...props}
              data-testid="scan-add"
            >
              {t("letters.addScan")}
            </Button>
          )}
        </FileButton>
      )}
      {error && <Alert color="red">{error}</Alert>}
    </Stack>
  );
}
