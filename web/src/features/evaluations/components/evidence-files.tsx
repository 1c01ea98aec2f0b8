import { ActionIcon, Anchor, Button, FileButton, Group, Stack } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { call, client, upload } from "@/lib/api.ts";
import type { Evaluation } from "../api/evaluations.ts";
import { evaluationKeys } from "../api/evaluations.ts";

/**
 * The evidence files of one criterion ("tài liệu kiểm chứng"): each opens; while the self-assessment is open the
 * unit attaches more (PDF, Word, Excel, PNG, JPEG) or takes one away. A file stands for the criterion's
 * evidence, as a line of text does.
 */
export function EvidenceFiles(props: {
  evaluationId: number;
  itemCode: string;
  files: Evaluation["attachments"];
  editable: boolean;
  onError: (e: unknown) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const mine = props.files.filter((f) => f.itemCode === props.itemCode);
  const refresh = () => qc.invalidateQueries({ queryKey: evaluationKeys.one(props.evaluationId) });
  const attach = async (file: File | null) => {
    if (!file) return;
    try {
      await upload(
        `/api/evaluations/${props.evaluationId}/attachments?filename=${encodeURIComponent(file.name)}&item=${encodeURIComponent(props.itemCode)}`,
        file,
      );
      await refresh();
    } catch (e) {
      props.onError(e);
    }
  };
  const remove = async (id: number) => {
    try {
      await call(client.DELETE("/api/evaluations/attachments/{id}", { params: { path: { id } } }));
      await refresh();
    } catch (e) {
      props.onError(e);
    }
  };
  if (!mine.length && !props.editable) return null;
  return (
    <Stack gap={2} data-testid={`evidence-files-${props.itemCode}`}>
      {mine.map((f) => (
        <Group key={f.id} gap={4} wrap="nowrap">
          <Anchor href={`/api/evaluations/attachments/${f.id}`} size="xs">
            {f.filename}
          </Anchor>
          {props.editable && (
            <ActionIcon
              size="xs"
              variant="subtle"
              color="red"
              onClick={() => void remove(f.id)}
              aria-label={t("evaluations.removeFile", { name: f.filename })}
            >
              ×
            </ActionIcon>
          )}
        </Group>
      ))}
      {props.editable && (
        <FileButton accept=".pdf,.doc,.docx,.xls,.xlsx,.png,.jpg,.jpeg" onChange={(f) => void attach(f)}>
          {(p) => (
            <Button
              size="compact-xs"
              variant="subtle"
              w="fit-content"
              {...p}
              aria-label={`${props.itemCode} ${t("evaluations.attachFile")}`}
            >
              {t("evaluations.attachFile")}
            </Button>
          )}
        </FileButton>
      )}
    </Stack>
  );
}
