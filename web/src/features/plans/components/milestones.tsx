import { Button, Group, Text, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DateField } from "@/components/date-field.tsx";
import { formatDate, todayIso } from "@/lib/format.ts";
import { type Plan, type Task, updateMilestone } from "../api/plans.ts";
import { RowPopover } from "./row-popover.tsx";

type Milestone = Task["milestones"][number];

/** A task's milestones: title, date, when it was done and what shows it; those who update it mark one done. */
export function Milestones(props: {
  /** the public page shows no evidence and marks nothing */
  items: (Pick<Milestone, "title" | "dueOn" | "doneOn"> & Partial<Milestone>)[];
  canUpdate?: boolean;
  onDone?: (p: Plan) => void;
  onError?: (e: unknown) => void;
}) {
  const { t } = useTranslation();
  return props.items.map((m) => (
    <Group key={`${m.title}${m.dueOn}`} gap={4} wrap="nowrap">
      <Text size="xs" c="dimmed">
        ◆ {m.title} — {formatDate(m.dueOn)}
        {m.doneOn ? ` (${t("plans.doneOn", { date: formatDate(m.doneOn) })})` : ""}
        {m.doneOn && m.evidenceNote ? ` · ${m.evidenceNote}` : ""}
      </Text>
      {props.canUpdate && !m.doneOn && m.id && m.version && props.onDone && props.onError && (
        <MarkDone
          milestone={{ id: m.id, version: m.version }}
          onDone={props.onDone}
          onError={props.onError}
        />
      )}
    </Group>
  ));
}

/** Marking a milestone done asks for the day and its evidence. */
function MarkDone(props: {
  milestone: Pick<Milestone, "id" | "version">;
  onDone: (p: Plan) => void;
  onError: (e: unknown) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [on, setOn] = useState<string | null>(todayIso());
  const [evidence, setEvidence] = useState("");
  const write = useMutation({
    mutationFn: () =>
      updateMilestone(props.milestone.id, {
        version: props.milestone.version,
        doneOn: on,
        evidenceNote: evidence.trim(),
      }),
    onSuccess: (p) => {
      setOpen(false);
      props.onDone(p);
    },
    onError: props.onError,
  });
  return (
    <RowPopover
      label={t("plans.markDone")}
      testId={`milestone-done-${props.milestone.id}`}
      width={280}
      opened={open}
      onChange={setOpen}
    >
      <DateField label={t("plans.doneOnLabel")} value={on} onChange={setOn} maxDate={new Date()} />
      <TextInput
        label={t("plans.evidenceText")}
        description={t("plans.evidenceHint")}
        value={evidence}
        onChange={(e) => setEvidence(e.currentTarget.value)}
        maxLength={2000}
        data-testid="milestone-done-evidence"
      />
      <Button
        size="xs"
        onClick={() => write.mutate()}
        disabled={!on || !evidence.trim()}
        loading={write.isPending}
      >
        {t("plans.markDone")}
      </Button>
    </RowPopover>
  );
}
