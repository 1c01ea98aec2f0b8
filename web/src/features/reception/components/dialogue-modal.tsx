import { todayInVietnam } from "@domain/dates.ts";
import {
  ActionIcon,
  Alert,
  Button,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DateField } from "@/components/date-field.tsx";
import { DialogActions } from "@/components/dialog-actions.tsx";
import { GuardedModal } from "@/components/guarded-modal.tsx";
import { useApiError } from "@/lib/use-api-error.ts";
import { type NewDialogue, useDialogueWrites } from "../api/reception.ts";
import { BodySelect } from "./body-select.tsx";

interface Draft {
  key: number;
  content: string;
  owner: string;
  dueOn: string | null;
}

/**
 * A dialogue with the people (or a leader's meeting with them): the body, its day, who chaired it, how many
 * took part, the topics raised, and each commitment made with who answers for it and by when.
 */
export function DialogueModal({ unit, onClose }: { unit: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { record } = useDialogueWrites();
  const { error, onError, fieldError } = useApiError();
  const [bodyId, setBodyId] = useState<string | null>(null);
  const [kind, setKind] = useState<NewDialogue["kind"]>("dialogue");
  const [heldOn, setHeldOn] = useState<string | null>(todayInVietnam());
  const [chairedBy, setChairedBy] = useState("");
  const [place, setPlace] = useState("");
  const [participants, setParticipants] = useState(0);
  const [topics, setTopics] = useState("");
  const [drafts, setDrafts] = useState<Draft[]>([{ key: 0, content: "", owner: "", dueOn: null }]);
  const edit = (key: number, patch: Partial<Draft>) =>
    setDrafts((cur) => cur.map((d) => (d.key === key ? { ...d, ...patch } : d)));
  const kept = drafts.filter((d) => d.content.trim() !== "");
  const missing = [
    ...(!bodyId ? [t("reception.body")] : []),
    ...(!heldOn ? [t("dialogues.heldOn")] : []),
    ...(chairedBy.trim().length < 3 ? [t("dialogues.chairedBy")] : []),
  ];
  return (
    <GuardedModal
      opened
      dirty={topics.trim() !== "" || kept.length > 0}
      onClose={onClose}
      title={t("dialogues.new")}
      size="xl"
    >
      {(close) => (
        <Stack gap="xs">
          <Group grow align="start">
            <BodySelect
              unit={unit}
              value={bodyId}
              onChange={setBodyId}
              error={fieldError("bodyId")}
              testId="dialogue-body"
            />
            <Select
              label={t("dialogues.kind")}
              data={(["dialogue", "meeting"] as const).map((k) => ({
                value: k,
                label: t(`dialogues.kinds.${k}`),
              }))}
              value={kind}
              onChange={(v) => v && setKind(v as NewDialogue["kind"])}
              allowDeselect={false}
            />
          </Group>
          <Group grow align="start">
            <DateField
              label={t("dialogues.heldOn")}
              value={heldOn}
              onChange={setHeldOn}
              error={fieldError("heldOn")}
            />
            <NumberInput
              label={t("dialogues.participants")}
              min={0}
              max={100000}
              value={participants}
              onChange={(v) => setParticipants(typeof v === "number" ? v : 0)}
              data-testid="dialogue-participants"
            />
          </Group>
          <TextInput
            label={t("dialogues.chairedBy")}
            withAsterisk
            value={chairedBy}
            onChange={(e) => setChairedBy(e.currentTarget.value)}
            maxLength={200}
            error={fieldError("chairedBy")}
            data-testid="dialogue-chaired-by"
          />
          <TextInput
            label={t("reception.place")}
            value={place}
            onChange={(e) => setPlace(e.currentTarget.value)}
            maxLength={300}
          />
          <Textarea
            label={t("dialogues.topics")}
            value={topics}
            onChange={(e) => setTopics(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={20000}
            data-testid="dialogue-topics"
          />
          <Text fw={600} size="sm">
            {t("dialogues.commitments")}
          </Text>
          {drafts.map((d, i) => (
            <Group key={d.key} align="start" wrap="wrap" gap="xs">
              <Textarea
                label={t("dialogues.commitmentN", { n: i + 1 })}
                value={d.content}
                onChange={(e) => edit(d.key, { content: e.currentTarget.value })}
                autosize
                minRows={1}
                maxLength={2000}
                style={{ flex: "2 1 260px" }}
                data-testid={`dialogue-commitment-${i}`}
              />
              <TextInput
                label={t("dialogues.owner")}
                value={d.owner}
                onChange={(e) => edit(d.key, { owner: e.currentTarget.value })}
                maxLength={300}
                style={{ flex: "1 1 160px" }}
              />
              <DateField
                label={t("dialogues.dueOn")}
                value={d.dueOn}
                onChange={(v) => edit(d.key, { dueOn: v })}
                error={fieldError(`commitments.${kept.indexOf(d)}.dueOn`)}
                w={150}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t("dialogues.removeCommitment")}
                onClick={() => setDrafts((cur) => cur.filter((x) => x.key !== d.key))}
                mt={28}
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          {drafts.length < 50 && (
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() =>
                setDrafts((cur) => [...cur, { key: Date.now(), content: "", owner: "", dueOn: null }])
              }
              data-testid="dialogue-add-commitment"
              w="fit-content"
            >
              {t("dialogues.addCommitment")}
            </Button>
          )}
          {error && <Alert color="red">{error}</Alert>}
          <DialogActions
            label={t("reception.save")}
            busy={record.isPending}
            missing={missing}
            onCancel={close}
            testId="dialogue"
            onAction={() =>
              record.mutate(
                {
                  bodyId: Number(bodyId),
                  heldOn: heldOn ?? "",
                  kind,
                  chairedBy,
                  place,
                  participants,
                  topics,
                  commitments: kept.map((d) => ({ content: d.content, owner: d.owner, dueOn: d.dueOn })),
                },
                { onSuccess: onClose, onError },
              )
            }
          />
        </Stack>
      )}
    </GuardedModal>
  );
}
