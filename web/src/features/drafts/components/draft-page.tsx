import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { ConfirmDialog } from "@/components/confirm-dialog.tsx";
import { LoadError } from "@/components/load-error.tsx";
import { lines, SignatureFields } from "@/features/documents/components/signature-fields.tsx";
import { useUnitBodies } from "@/features/units/api/bodies.ts";
import { download } from "@/lib/api.ts";
import { useUnsavedGuard } from "@/lib/unsaved.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import { type Draft, type DraftEdit, useDraft, useDraftWrites, useTemplates } from "../api/drafts.ts";
import { SectionsEditor, TasksEditor } from "./draft-fields.tsx";
import { type DraftForm, HeadFields, MarksFields } from "./draft-head.tsx";
import { DraftStatus } from "./drafts-page.tsx";

/** One drafted document: written and corrected, previewed, issued with its number, then tracked or acted on. */
export function DraftPage({ canDraft }: { canDraft: boolean }) {
  const id = Number(useParams().id);
  const q = useDraft(id);
  if (!q.data) return q.error ? <LoadError error={q.error} /> : <Loader />;
  // after every write the editor starts again from what is stored
  return <Editor key={`${q.data.id}:${q.data.version}`} draft={q.data} canDraft={canDraft} />;
}

function Editor({ draft, canDraft }: { draft: Draft; canDraft: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const bodies = useUnitBodies(draft.unitCode);
  const body = bodies.data?.items.find((b) => b.id === draft.bodyId);
  const template = useTemplates(draft.bodyId).data?.items.find((x) => x.kind === draft.kind);
  const writes = useDraftWrites(draft.id);
  const { error, onError, clear, fieldError } = useApiError();
  const editable = canDraft && draft.status === "draft";
  const [f, setF] = useState<DraftForm>({
    excerpt: draft.excerpt,
    draftingUnit: draft.draftingUnit ?? "",
    addressees: draft.addressees.join("\n"),
    grounds: draft.grounds.join("\n"),
    authorityLine: draft.authorityLine ?? "",
    sections: draft.sections,
    tasks: draft.tasks,
    recipients: draft.recipients.join("\n"),
    authority: draft.signature?.authority.join("\n") ?? "",
    signer: draft.signature?.signer ?? "",
    secrecy: draft.secrecy,
    urgency: draft.urgency,
  });
  const [dirty, setDirty] = useState(false);
  useUnsavedGuard(dirty);
  const edit = (patch: Partial<typeof f>) => {
    setF((cur) => ({ ...cur, ...patch }));
    setDirty(true);
  };
  const [dialog, setDialog] = useState<null | "issue" | "cancel">(null);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState<string | null>(null);
  const edits = (): DraftEdit => ({
    version: draft.version,
    excerpt: f.excerpt,
    ...(template?.typeCode === null ? { draftingUnit: f.draftingUnit.trim() || null } : {}),
    addressees: lines(f.addressees),
    grounds: lines(f.grounds),
    ...(template?.authorityLine ? { authorityLine: f.authorityLine.trim() || null } : {}),
    sections: f.sections,
    tasks: f.tasks.filter((x) => x.title.trim()),
    recipients: lines(f.recipients),
    signature:
      f.signer.trim() && f.authority.trim()
        ? { authority: lines(f.authority), signer: f.signer.trim() }
        : null,
    secrecy: f.secrecy as DraftEdit["secrecy"],
    urgency: f.urgency as DraftEdit["urgency"],
  });
  const save = () => writes.save.mutate(edits(), { onSuccess: clear, onError });
  const file = async (format: "docx" | "pdf", issue = false) => {
    setBusy(issue ? "issue" : format);
    try {
      await download(`/api/drafts/${draft.id}/document`, `van-ban.${format}`, {
        format,
        ...(issue ? { issue: { version: draft.version } } : {}),
      });
      clear();
      if (issue) await writes.reload();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(null);
      setDialog(null);
    }
  };
  const waitFor = dirty ? t("drafts.saveFirst") : !draft.signature ? t("documents.signerFirst") : null;
  return (
    <Stack>
      <Group justify="space-between" align="start">
        <div>
          <Title order={3}>
            {t(`drafts.kinds.${draft.kind}`)}: {draft.excerpt}
          </Title>
          <Text c="dimmed">{body?.name}</Text>
        </div>
        <DraftStatus draft={draft} />
      </Group>
      {draft.status === "cancelled" && (
        <Alert color="red" data-testid="draft-cancelled">
          {t("drafts.cancelledWith", { reason: draft.cancelReason ?? "" })}
        </Alert>
      )}
      {error && <Alert color="red">{error}</Alert>}
      <Paper withBorder p="sm">
        <Stack gap="sm">
          <HeadFields
            form={f}
            edit={edit}
            editable={editable}
            template={template}
            bodyName={body?.name ?? ""}
            fieldError={fieldError}
          />
          <SectionsEditor
            sections={f.sections}
            readOnly={!editable}
            onChange={(sections) => edit({ sections })}
          />
          {template?.tasks && (
            <TasksEditor
              tasks={f.tasks}
              unitCode={draft.unitCode}
              readOnly={!editable}
              onChange={(tasks) => edit({ tasks })}
              errorOf={(i) => fieldError(`tasks.${i}.assigneeUnitCode`)}
            />
          )}
          <SignatureFields
            id="draft"
            recipients={f.recipients}
            recipientsHint={t("drafts.recipientsHint")}
            onRecipients={(recipients) => edit({ recipients })}
            authority={f.authority}
            onAuthority={(authority) => edit({ authority })}
            signer={f.signer}
            onSigner={(signer) => edit({ signer })}
            authorityError={fieldError("signature")}
          />
          <MarksFields form={f} edit={edit} editable={editable} />
        </Stack>
      </Paper>
      <Group>
        {editable && (
          <Button onClick={save} loading={writes.save.isPending} disabled={!dirty} data-testid="draft-save">
            {t("drafts.save")}
          </Button>
        )}
        <Button
          variant="light"
          onClick={() => void file("docx")}
          loading={busy === "docx"}
          disabled={dirty}
          data-testid="draft-docx"
        >
          {t("documents.downloadDocx")}
        </Button>
        <Button
          variant="light"
          onClick={() => void file("pdf")}
          loading={busy === "pdf"}
          disabled={dirty}
          data-testid="draft-pdf"
        >
          {t("documents.downloadPdf")}
        </Button>
        {editable && (
          <Button
            color="green"
            onClick={() => setDialog("issue")}
            disabled={waitFor !== null}
            data-testid="draft-issue"
          >
            {t("drafts.issue")}
          </Button>
        )}
        {draft.status === "issued" && template?.tasks && draft.planId === null && canDraft && (
          <Button
            color="teal"
            loading={writes.track.isPending}
            onClick={() => writes.track.mutate({ version: draft.version }, { onError })}
            data-testid="draft-track"
          >
            {t("drafts.track")}
          </Button>
        )}
        {draft.planId !== null && (
          <Anchor component={Link} to={`/plans/${draft.planId}`} data-testid="draft-plan-link">
            {t("drafts.planLink")}
          </Anchor>
        )}
        {draft.status === "issued" && draft.kind === "CV" && draft.numberSymbol && (
          <Button
            variant="light"
            onClick={() =>
              void navigate(
                `/reports?cites=${encodeURIComponent(draft.numberSymbol ?? "")}&issuer=${draft.unitCode}`,
              )
            }
            data-testid="draft-request"
          >
            {t("drafts.askReports")}
          </Button>
        )}
        {editable && (
          <Button variant="subtle" color="red" onClick={() => setDialog("cancel")}>
            {t("drafts.cancel")}
          </Button>
        )}
        {waitFor && editable && (
          <Text size="sm" c="dimmed">
            {waitFor}
          </Text>
        )}
      </Group>
      <ConfirmDialog
        opened={dialog === "issue"}
        title={t("drafts.issue")}
        message={t("drafts.confirmIssue", { body: body?.name ?? "" })}
        confirmLabel={t("drafts.issue")}
        loading={busy === "issue"}
        onConfirm={() => void file("docx", true)}
        onCancel={() => setDialog(null)}
      />
      <Modal opened={dialog === "cancel"} onClose={() => setDialog(null)} title={t("drafts.cancel")}>
        <Stack>
          <Textarea
            label={t("drafts.cancelReason")}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            maxLength={2000}
            error={fieldError("reason")}
            data-testid="draft-cancel-reason"
          />
          <Group justify="flex-end">
            <Button
              color="red"
              disabled={!reason.trim()}
              loading={writes.cancel.isPending}
              onClick={() =>
                writes.cancel.mutate(
                  { version: draft.version, reason },
                  { onSuccess: () => setDialog(null), onError },
                )
              }
            >
              {t("drafts.cancel")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
