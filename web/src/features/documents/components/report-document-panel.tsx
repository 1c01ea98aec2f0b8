import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api, type Body, download } from "../../../lib/api.ts";
import { useApiError } from "../../../lib/use-api-error.ts";

const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * Turns the requester's consolidated report into an official document: the issuing body, place, excerpt,
 * recipients and signature; the number taken from the body's registry (or left blank on a draft); DOCX or PDF.
 */
export function ReportDocumentPanel(props: { requestId: number; issuerUnitCode: string; title: string }) {
  const { t } = useTranslation();
  const bodies = useQuery({
    queryKey: ["bodies", props.issuerUnitCode],
    queryFn: () => api<{ items: Body[] }>("GET", `/api/units/${props.issuerUnitCode}/bodies`),
  });
  const [bodyId, setBodyId] = useState<string | null>(null);
  const [place, setPlace] = useState("");
  const fromTitle = props.title.replace(/^báo cáo\s+/i, "");
  const [excerpt, setExcerpt] = useState(
    `${fromTitle.charAt(0).toLocaleUpperCase("vi")}${fromTitle.slice(1)}`,
  );
  const [recipients, setRecipients] = useState("Lưu: VT");
  const [authority, setAuthority] = useState("");
  const [signer, setSigner] = useState("");
  const [takeNumber, setTakeNumber] = useState(false);
  const [number, setNumber] = useState<{ id: number; symbol: string; registryId: number | null } | null>(
    null,
  );
  const [busy, setBusy] = useState<string | null>(null);
  const { error, onError, clear } = useApiError();

  const body = bodies.data?.items.find((b) => String(b.id) === bodyId) ?? null;
  const pick = (v: string | null) => {
    setBodyId(v);
    setNumber(null);
    const b = bodies.data?.items.find((x) => String(x.id) === v);
    if (b && !authority) {
      setAuthority(
        b.family === "party"
          ? "T/M Ban Thường vụ\nBí thư"
          : `TM. ${b.name.split(/ (tỉnh|xã|phường|huyện|thành phố)/i)[0]}\nChủ tịch`,
      );
    }
  };

  const get = async (format: "docx" | "pdf") => {
    if (!body) return;
    setBusy(format);
    try {
      const headers = await download(`/api/requests/${props.requestId}/document`, `bao-cao.${format}`, {
        format,
        bodyId: body.id,
        place,
        excerpt,
        recipients: lines(recipients),
        signature: { authority: lines(authority), signer },
        ...(number ? { numberId: number.id } : { takeNumber }),
      });
      const id = headers.get("x-document-number-id");
      if (id)
        setNumber({
          id: Number(id),
          symbol: decodeURIComponent(headers.get("x-document-number") ?? ""),
          registryId: Number(headers.get("x-registry-document-id")) || null,
        });
      clear();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Title order={5}>{t("documents.reportDocument")}</Title>
        <Text size="sm" c="dimmed">
          {t("documents.reportDocumentHint")}
        </Text>
        {error && <Alert color="red">{error}</Alert>}
        <Group align="end" wrap="wrap">
          <Select
            label={t("documents.body")}
            placeholder={t("documents.pickBody")}
            data={(bodies.data?.items ?? []).map((b) => ({ value: String(b.id), label: b.name }))}
            value={bodyId}
            onChange={pick}
            w={340}
            data-testid="report-document-body"
          />
          <TextInput
            label={t("documents.place")}
            placeholder="Tháp Mười"
            value={place}
            onChange={(e) => setPlace(e.currentTarget.value)}
            w={180}
            data-testid="report-document-place"
          />
        </Group>
        <TextInput
          label={t("documents.excerpt")}
          value={excerpt}
          onChange={(e) => setExcerpt(e.currentTarget.value)}
        />
        <Group align="start" grow>
          <Textarea
            label={t("documents.recipients")}
            description={t("documents.onePerLine")}
            value={recipients}
            onChange={(e) => setRecipients(e.currentTarget.value)}
            autosize
            minRows={3}
          />
          <Stack gap="xs">
            <Textarea
              label={t("documents.authority")}
              description={t("documents.authorityHint")}
              value={authority}
              onChange={(e) => setAuthority(e.currentTarget.value)}
              autosize
              minRows={2}
              data-testid="report-document-authority"
            />
            <TextInput
              label={t("documents.signer")}
              value={signer}
              onChange={(e) => setSigner(e.currentTarget.value)}
              data-testid="report-document-signer"
            />
          </Stack>
        </Group>
        {number ? (
          <Group gap="sm">
            <Text fw={700} data-testid="report-document-number">
              {t("documents.numbered", { symbol: number.symbol })}
            </Text>
            {number.registryId && (
              <Anchor
                component={Link}
                to={`/registry?unit=${props.issuerUnitCode}&doc=${number.registryId}`}
                size="sm"
                data-testid="report-document-registry"
              >
                {t("documents.inRegistry")}
              </Anchor>
            )}
          </Group>
        ) : (
          <Checkbox
            label={t("documents.takeNumberNow")}
            checked={takeNumber}
            onChange={(e) => setTakeNumber(e.currentTarget.checked)}
          />
        )}
        <Group>
          <Button
            onClick={() => get("docx")}
            loading={busy === "docx"}
            disabled={!body || !place.trim() || !signer.trim()}
          >
            {t("documents.downloadDocx")}
          </Button>
          <Button
            variant="light"
            onClick={() => get("pdf")}
            loading={busy === "pdf"}
            disabled={!body || !place.trim() || !signer.trim()}
          >
            {t("documents.downloadPdf")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
