import { SECRECY_MARKS, URGENCY_MARKS } from "@domain/official-document.ts";
import { Alert, Checkbox, Group, Paper, Select, Stack, Text, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { unitKeys } from "@/features/units/api/keys.ts";
import { call, client, download } from "@/lib/api.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import { lines, NumberAndDownloads, SignatureFields } from "./signature-fields.tsx";

/** The number a body's answer took as its document, and its entry in the outgoing registry. */
export type AnswerNumber = { symbol: string; registryDocumentId: number | null };

/**
 * One body's answer as its own document: the body that reports (the one asked, or one of the unit's bodies),
 * its signature block and usual recipients as the body keeps them (editable here, and kept for next time),
 * secrecy and urgency, the number from the body's registry or a draft; DOCX or PDF.
 */
export function AnswerDocumentPanel({
  submission,
  ...props
}: {
  /** `answerOn`: the day the answer is dated, as the server dates it (its unit's bodies as they stood then) */
  submission: { id: number; unitCode: string; bodyId: number | null; answerOn: string };
  /** the number the answer took (before, or here), printed again on every download */
  document: AnswerNumber | null;
  /** when the answer takes its number */
  onNumbered: (n: AnswerNumber) => void;
  unsaved: boolean;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { unitCode, bodyId } = submission;
  const asOf = submission.answerOn;
  const bodies = useQuery({
    queryKey: unitKeys.bodies(unitCode, asOf),
    queryFn: () =>
      call(
        client.GET("/api/units/{code}/bodies", {
          params: { path: { code: unitCode }, query: { asOf } },
        }),
      ),
  });
  const [picked, setPicked] = useState<string | null>(bodyId ? String(bodyId) : null);
  const body = bodies.data?.items.find((b) => String(b.id) === picked) ?? null;
  // the body's own settings until changed here
  const [authority, setAuthority] = useState<string | null>(null);
  const [signer, setSigner] = useState<string | null>(null);
  const [recipients, setRecipients] = useState<string | null>(null);
  const [secrecy, setSecrecy] = useState<string | null>(null);
  const [urgency, setUrgency] = useState<string | null>(null);
  const [takeNumber, setTakeNumber] = useState(false);
  const [remember, setRemember] = useState(false);
  const number = props.document
    ? { symbol: props.document.symbol, registryId: props.document.registryDocumentId }
    : null;
  const [busy, setBusy] = useState<string | null>(null);
  const { error, onError, clear, fieldError } = useApiError();
  const authorityShown = authority ?? body?.signing?.authority.join("\n") ?? "";
  const signerShown = signer ?? body?.signing?.signer ?? "";
  const recipientsShown =
    recipients ??
    [...(body?.usualRecipients ?? []), ...(body?.archiveLine ? [body.archiveLine] : [])].join("\n");
  const why = !body
    ? t("documents.pickBodyFirst")
    : !signerShown.trim() || !authorityShown.trim()
      ? t("documents.signerFirst")
      : props.unsaved
        ? t("documents.saveAnswerFirst")
        : null;

  const get = async (format: "docx" | "pdf") => {
    if (!body) return;
    setBusy(format);
    try {
      const signature = { authority: lines(authorityShown), signer: signerShown.trim() };
      const usual = lines(recipientsShown);
      if (remember) {
        const archive = usual.findLast((l) => /^lưu\b/i.test(l)) ?? null;
        await call(
          client.PATCH("/api/bodies/{id}", {
            params: { path: { id: body.id } },
            body: {
              version: body.version,
              signing: signature,
              usualRecipients: usual.filter((l) => l !== archive),
              archiveLine: archive,
            },
          }),
        );
        await qc.invalidateQueries({ queryKey: unitKeys.bodies(unitCode) });
        setRemember(false);
      }
      const headers = await download(`/api/submissions/${submission.id}/document`, `bao-cao.${format}`, {
        format,
        ...(bodyId ? {} : { bodyId: body.id }),
        signature,
        ...(recipients !== null ? { recipients: usual } : {}),
        ...(secrecy ? { secrecy } : {}),
        ...(urgency ? { urgency } : {}),
        ...(takeNumber && !number ? { takeNumber: true, allowEmptySections: true } : {}),
      });
      const symbol = headers.get("x-document-number");
      if (symbol) {
        setTakeNumber(false);
        props.onNumbered({
          symbol: decodeURIComponent(symbol),
          registryDocumentId: Number(headers.get("x-registry-document-id")) || null,
        });
      }
      clear();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Paper withBorder p="sm" data-testid="answer-document">
      <Stack gap="xs">
        <Title order={5}>{t("documents.answerDocument")}</Title>
        <Text size="sm" c="dimmed">
          {t("documents.answerDocumentHint")}
        </Text>
        {error && <Alert color="red">{error}</Alert>}
        <Group align="start" wrap="wrap">
          <Select
            label={t("documents.body")}
            withAsterisk
            disabled={bodyId !== null}
            data={(bodies.data?.items ?? []).map((b) => ({ value: String(b.id), label: b.name }))}
            value={picked}
            onChange={setPicked}
            w={340}
            error={fieldError("bodyId")}
            data-testid="answer-document-body"
          />
          <Select
            label={t("documents.secrecy")}
            clearable
            data={[...SECRECY_MARKS]}
            value={secrecy}
            onChange={setSecrecy}
            w={150}
          />
          <Select
            label={t("documents.urgency")}
            clearable
            data={[...URGENCY_MARKS]}
            value={urgency}
            onChange={setUrgency}
            w={150}
          />
        </Group>
        <SignatureFields
          id="answer-document"
          recipients={recipientsShown}
          recipientsHint={t("documents.answerRecipientsHint")}
          onRecipients={setRecipients}
          authority={authorityShown}
          onAuthority={setAuthority}
          signer={signerShown}
          onSigner={setSigner}
          authorityError={fieldError("signature")}
        />
        <Checkbox
          label={t("documents.rememberForBody")}
          checked={remember}
          onChange={(e) => setRemember(e.currentTarget.checked)}
          data-testid="answer-document-remember"
        />
        <NumberAndDownloads
          id="answer-document"
          number={number}
          registryUnit={unitCode}
          takeNumber={takeNumber}
          onTakeNumber={setTakeNumber}
          busy={busy}
          why={why}
          onGet={(f) => void get(f)}
        />
      </Stack>
    </Paper>
  );
}
