import { Anchor, Button, Checkbox, Group, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** The non-empty lines of a text box. */
export const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

/** "Nơi nhận" beside the signature block (authority lines and signer) of a document being made. */
export function SignatureFields(props: {
  /** prefix of the fields' test ids */
  id: string;
  recipients: string;
  recipientsHint: string;
  onRecipients: (v: string) => void;
  authority: string;
  onAuthority: (v: string) => void;
  signer: string;
  onSigner: (v: string) => void;
  authorityError?: string | null | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Group align="start" grow>
      <Textarea
        label={t("documents.recipients")}
        description={props.recipientsHint}
        value={props.recipients}
        onChange={(e) => props.onRecipients(e.currentTarget.value)}
        autosize
        minRows={3}
        data-testid={`${props.id}-recipients`}
      />
      <Stack gap="xs">
        <Textarea
          label={t("documents.authority")}
          withAsterisk
          description={t("documents.authorityHint")}
          value={props.authority}
          onChange={(e) => props.onAuthority(e.currentTarget.value)}
          autosize
          minRows={2}
          error={props.authorityError ?? undefined}
          data-testid={`${props.id}-authority`}
        />
        <TextInput
          label={t("documents.signer")}
          withAsterisk
          value={props.signer}
          onChange={(e) => props.onSigner(e.currentTarget.value)}
          data-testid={`${props.id}-signer`}
        />
      </Stack>
    </Group>
  );
}

/** The number taken (with its registry entry) or the box to take one, then the downloads and why they wait. */
export function NumberAndDownloads(props: {
  id: string;
  number: { symbol: string; registryId: number | null } | null;
  registryUnit: string;
  takeNumber: boolean;
  onTakeNumber: (v: boolean) => void;
  busy: string | null;
  why: string | null;
  onGet: (format: "docx" | "pdf") => void;
  /** shown between the number and the buttons (the empty sections' warning) */
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      {props.number ? (
        <Group gap="sm">
          <Text fw={700} data-testid={`${props.id}-number`}>
            {t("documents.numbered", { symbol: props.number.symbol })}
          </Text>
          {props.number.registryId && (
            <Anchor
              component={Link}
              to={`/registry?unit=${props.registryUnit}&doc=${props.number.registryId}`}
              size="sm"
              data-testid={`${props.id}-registry`}
            >
              {t("documents.inRegistry")}
            </Anchor>
          )}
        </Group>
      ) : (
        <Checkbox
          label={t("documents.takeNumberNow")}
          checked={props.takeNumber}
          onChange={(e) => props.onTakeNumber(e.currentTarget.checked)}
          data-testid={`${props.id}-take-number`}
        />
      )}
      {props.children}
      <Group>
        <Button
          onClick={() => props.onGet("docx")}
          loading={props.busy === "docx"}
          disabled={props.why !== null}
          data-testid={`${props.id}-docx`}
        >
          {t("documents.downloadDocx")}
        </Button>
        <Button
          variant="light"
          onClick={() => props.onGet("pdf")}
          loading={props.busy === "pdf"}
          disabled={props.why !== null}
        >
          {t("documents.downloadPdf")}
        </Button>
        {props.why && (
          <Text size="sm" c="dimmed" data-testid="document-why-disabled">
            {props.why}
          </Text>
        )}
      </Group>
    </>
  );
}
