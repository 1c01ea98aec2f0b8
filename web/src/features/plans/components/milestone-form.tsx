import { Group, Select, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DateField } from "@/components/date-field.tsx";
import { WaitingButton } from "@/components/waiting-button.tsx";
import { addMilestone, findEvidence, type Plan, type Task } from "../api/plans.ts";

const EMPTY = { taskId: "", title: "", dueOn: "", doneOn: "", evidence: "" };

/**
 * Adds a milestone to a task the user may update: its title, due date, the date it was reached, and its
 * evidence, a document of the plan unit's registry named by its number-symbol ("53-KH/HU").
 */
export function MilestoneForm({
  plan,
  tasks,
  onDone,
  onError,
}: {
  plan: Plan;
  tasks: Task[];
  onDone: (plan: Plan) => void;
  onError: (e: unknown) => void;
}) {
  const { t } = useTranslation();
  const [milestone, setMilestone] = useState(EMPTY);
  const newMilestone = useMutation({
    mutationFn: async () => {
      const symbol = milestone.evidence.trim();
      const evidenceDocumentId = symbol ? await findEvidence(plan.unitCode, symbol) : null;
      if (symbol && evidenceDocumentId === null) throw new Error(t("plans.noEvidence", { symbol }));
      return addMilestone(Number(milestone.taskId), {
        title: milestone.title,
        dueOn: milestone.dueOn,
        doneOn: milestone.doneOn || null,
        evidenceDocumentId,
      });
    },
    onSuccess: (p) => {
      onDone(p);
      setMilestone({ ...EMPTY, taskId: milestone.taskId });
    },
    onError,
  });
  return (
    <Group align="end" wrap="wrap">
      <Select
        label={t("plans.milestoneOf")}
        data={tasks
          .filter((x) => plan.can.update.includes(x.id))
          .map((x) => ({ value: String(x.id), label: x.title }))}
        value={milestone.taskId || null}
        onChange={(v) => setMilestone({ ...milestone, taskId: v ?? "" })}
        w={260}
        data-testid="milestone-task"
      />
      <TextInput
        label={t("plans.milestone")}
        value={milestone.title}
        onChange={(e) => setMilestone({ ...milestone, title: e.currentTarget.value })}
        w={240}
        data-testid="milestone-title"
      />
      <DateField
        label={t("plans.due")}
        value={milestone.dueOn}
        onChange={(v) => setMilestone({ ...milestone, dueOn: v ?? "" })}
        w={140}
        data-testid="milestone-due"
      />
      <DateField
        label={t("plans.doneOnLabel")}
        clearable
        value={milestone.doneOn}
        onChange={(v) => setMilestone({ ...milestone, doneOn: v ?? "" })}
        w={140}
      />
      <TextInput
        label={t("plans.evidence")}
        placeholder="53-KH/HU"
        value={milestone.evidence}
        onChange={(e) => setMilestone({ ...milestone, evidence: e.currentTarget.value })}
        w={170}
        data-testid="milestone-evidence"
      />
      <WaitingButton
        variant="light"
        onClick={() => newMilestone.mutate()}
        loading={newMilestone.isPending}
        why={
          !milestone.taskId
            ? t("plans.whyTask")
            : !milestone.title.trim()
              ? t("plans.whyMilestoneTitle")
              : !milestone.dueOn
                ? t("plans.whyDue")
                : null
        }
      >
        {t("plans.addMilestone")}
      </WaitingButton>
    </Group>
  );
}
