import { Alert, Checkbox, Group, List, Paper, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { unitKeys } from "@/features/units/api/keys.ts";
import { call, client, download } from "@/lib/api.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import { lines, NumberAndDownloads, SignatureFields } from "./signature-fields.tsx";

/**
 * Turns the requester's consolidated report into an official document: the issuing body, the place (its
 * unit's name by default), excerpt, recipients and signature; the number taken from the body's registry (or
 * left blank on a draft), never for a report with an empty section unless confirmed; DOCX or PDF.
 */
export function ReportDocumentPanel(props: {
  requestId: number;
  issuerUnitCode: string;
  /** The excerpt the report gets unless one is written ("Kết quả thực hiện … năm 2026"). */
  defaultExcerpt: string;
  /** Titles of the sections with no text yet (flagged before a number is taken). */
  emptySections: string[];
  /** The requester's text has edits not saved yet (the document is made from what is saved). */
  unsaved: boolean;
}) {
  const { t } = useTranslation();
  const bodies = useQuery({
    queryKey: unitKeys.bodies(props.issuerUnitCode, null),
    queryFn: () =>
      call(client.GET("/api/units/{code}/bodies", { params: { path: { code: props.issuerUnitCode } } })),
  });
  const unit = useQuery({
    queryKey: unitKeys.one(props.issuerUnitCode),
    queryFn: () =>
      call(client.GET("/api/units/{code}", { params: { path: { code: props.issuerUnitCode } } })),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const [bodyId, setBodyId] = useState<string | null>(null);
  const [place, setPlace] = useState<string | null>(null);
  const [excerpt, setExcerpt] = useState("");
  const [recipients, setRecipients] = useState("Lưu: VT");
  const [authority, setAuthority] = useState("");
  const [signer, setSigner] = useState("");
  const [takeNumber, setTakeNumber] = useState(false);
  const [allowEmpty, setAllowEmpty] = useState(false);
  const [number, setNumber] = useState<{ id: number; symbol: string; registryId: number | null } | null>(
    null,
  );
  const [busy, setBusy] = useState<string | null>(null);
  const { error, onError, clear, fieldError } = useApiError();
  // the place name: the official name of the issuing unit (NĐ 30/2020, Phụ lục I), unless changed here
  const placeShown = place ?? unit.data?.unit.name ?? "";

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
  const numbering = Boolean(number) || takeNumber;
  const why = !body
    ? t("documents.pickBodyFirst")
    : !placeShown.trim()
      ? t("documents.placeFirst")
      : !signer.trim()
        ? t("documents.signerFirst")
        : props.unsaved
          ? t("documents.saveTextFirst")
          : numbering && props.emptySections.length > 0 && !allowEmpty
            ? t("documents.emptySectionsFirst")
            : null;

  const get = async (format: "docx" | "pdf") => {
    if (!body) return;
    setBusy(format);
    try {
      const headers = await download(`/api/requests/${props.requestId}/document`, `bao-cao.${format}`, {
        format,
        bodyId: body.id,
        place: placeShown,
        ...(excerpt.trim() ? { excerpt: excerpt.trim() } : {}),
        recipients: lines(recipients),
        signature: { authority: lines(authority), signer },
        ...(number ? { numberId: number.id } : { takeNumber }),
        ...(allowEmpty ? { allowEmptySections: true } : {}),
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
        <Group align="start" wrap="wrap">
          <Select
            label={t("documents.body")}
            withAsterisk
            placeholder={t("documents.pickBody")}
            data={(bodies.data?.items ?? []).map((b) => ({ value: String(b.id), label: b.name }))}
            value={bodyId}
            onChange={pick}
            w={340}
            error={fieldError("bodyId")}
            data-testid="report-document-body"
          />
          <TextInput
            label={t("documents.place")}
            withAsterisk
            description={t("documents.placeHint")}
            value={placeShown}
            onChange={(e) => setPlace(e.currentTarget.value)}
            w={220}
            error={fieldError("place")}
            data-testid="report-document-place"
          />
        </Group>
        <TextInput
          label={t("documents.excerpt")}
          placeholder={props.defaultExcerpt}
          description={t("documents.excerptHint")}
          value={excerpt}
          onChange={(e) => setExcerpt(e.currentTarget.value)}
          error={fieldError("excerpt")}
          data-testid="report-document-excerpt"
        />
        <SignatureFields
          id="report-document"
          recipients={recipients}
          recipientsHint={t("documents.onePerLine")}
          onRecipients={setRecipients}
          authority={authority}
          onAuthority={setAuthority}
          signer={signer}
          onSigner={setSigner}
        />
        <NumberAndDownloads
          id="report-document"
          number={number}
          registryUnit={props.issuerUnitCode}
          takeNumber={takeNumber}
          onTakeNumber={setTakeNumber}
          busy={busy}
          why={why}
          onGet={(f) => void get(f)}
        >
          {numbering && props.emptySections.length > 0 && (
            <Alert color="orange" title={t("documents.emptySections")} data-testid="empty-sections">
              <List size="sm">
                {props.emptySections.map((s) => (
                  <List.Item key={s}>{s}</List.Item>
                ))}
              </List>
              <Checkbox
                mt="xs"
                label={t("documents.numberAnyway")}
                checked={allowEmpty}
                onChange={(e) => setAllowEmpty(e.currentTarget.checked)}
              />
            </Alert>
          )}
        </NumberAndDownloads>
      </Stack>
    </Paper>
  );
}
