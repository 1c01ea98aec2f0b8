import { Alert, Badge, Button, Group, Stack } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DialogActions } from "@/components/dialog-actions.tsx";
import { GuardedModal } from "@/components/guarded-modal.tsx";
import { StopButton } from "@/components/stop-dialog.tsx";
import { type BodyOf, call, client } from "@/lib/api.ts";
import { formatDate } from "@/lib/format.ts";
import { confirmDone } from "@/lib/notify.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import type { Fields, Model } from "../api/models.ts";
import { modelKeys } from "../api/models.ts";
import { type ModelDraft, ModelSheetFields, missingForModel } from "./model-sheet-fields.tsx";

type Edit = BodyOf<"/api/models/{id}", "patch">;

const draftOf = (m: Model): ModelDraft => ({
  name: m.name,
  fieldCode: m.fieldCode,
  kind: m.kind,
  startedOn: m.startedOn,
  evaluationOn: m.evaluationOn,
  sheet: m.details,
});

/**
 * The model's state and, for its unit, the corrections: its registration sheet (with the version read), and
 * stopping it with a reason (it stays listed, marked) or starting it again.
 */
export function ModelEdit({ model, fields }: { model: Model; fields: Fields["items"] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { error, onError, clear } = useApiError();
  const [editing, setEditing] = useState(false);
  const write = useMutation({
    mutationFn: (body: Omit<Edit, "version">) =>
      call(
        client.PATCH("/api/models/{id}", {
          params: { path: { id: model.id } },
          body: { version: model.version, ...body },
        }),
      ),
    onSuccess: async (m, body) => {
      clear();
      setEditing(false);
      qc.setQueryData(modelKeys.one(model.id), m);
      await qc.invalidateQueries({ queryKey: modelKeys.all() });
      const said =
        body.status === "stopped"
          ? "models.stoppedDone"
          : body.status
            ? "models.restarted"
            : "models.corrected";
      confirmDone(t(said, { name: m.name }));
    },
    onError,
  });
  const stopped = model.stoppedOn !== null;
  return (
    <Stack gap="xs">
      {model.can.register && (
        <Group gap="xs">
          <Button size="xs" variant="light" onClick={() => setEditing(true)} data-testid="model-edit">
            {t("models.edit")}
          </Button>
          {stopped ? (
            <Button
              size="xs"
              variant="subtle"
              onClick={() => write.mutate({ status: "active" })}
              loading={write.isPending}
            >
              {t("models.restart")}
            </Button>
          ) : (
            <StopButton
              label={t("models.stop")}
              reasonLabel={t("models.stopReason")}
              busy={write.isPending}
              onStop={(reason) => write.mutateAsync({ status: "stopped", stopReason: reason })}
              testId="model-stop"
            />
          )}
        </Group>
      )}
      {stopped && (
        <Alert color="red" data-testid="model-stopped">
          <Badge color="red" mr="xs">
            {t("models.stopped")}
          </Badge>
          {t("models.stoppedWith", { date: formatDate(model.stoppedOn ?? ""), reason: model.stopReason })}
        </Alert>
      )}
      {error && !editing && <Alert color="red">{error}</Alert>}
      {editing && (
        <EditModal
          model={model}
          fields={fields}
          busy={write.isPending}
          error={error}
          onSave={(d) =>
            write.mutate({
              name: d.name,
              fieldCode: d.fieldCode ?? "",
              kind: d.kind as Edit["kind"],
              startedOn: d.startedOn ?? "",
              evaluationOn: d.evaluationOn,
              details: d.sheet,
            })
          }
          onClose={() => {
            clear();
            setEditing(false);
          }}
        />
      )}
    </Stack>
  );
}

function EditModal(props: {
  model: Model;
  fields: Fields["items"];
  busy: boolean;
  error: string | null;
  onSave: (d: ModelDraft) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ModelDraft>(() => draftOf(props.model));
  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(props.model));
  return (
    <GuardedModal opened dirty={dirty} onClose={props.onClose} size="xl" title={t("models.editTitle")}>
      {(close) => (
        <Stack gap="xs">
          <ModelSheetFields
            draft={draft}
            onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
            fields={props.fields}
          />
          {props.error && <Alert color="red">{props.error}</Alert>}
          <DialogActions
            label={t("models.saveCorrection")}
            onAction={() => props.onSave(draft)}
            busy={props.busy}
            missing={missingForModel(draft, t)}
            onCancel={close}
            testId="model-correct"
          />
        </Stack>
      )}
    </GuardedModal>
  );
}
