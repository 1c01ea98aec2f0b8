import { Group, NumberInput, Select, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DateField } from "@/components/date-field.tsx";
import { UnitPicker } from "@/components/unit-picker.tsx";
import { WaitingButton } from "@/components/waiting-button.tsx";
import { addTask, type Plan, type Task } from "../api/plans.ts";

/**
 * Adds a task to a plan: its title, the unit it is assigned to (the plan's unit or one below it), its due
 * date, its weight in the plan's progress, and the task it is part of.
 */
export function TaskForm({
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
  const [task, setTask] = useState({ title: "", assigneeUnitCode: "", dueOn: "", weight: 1, parentId: "" });
  const add = useMutation({
    mutationFn: () =>
      addTask(plan.id, {
        title: task.title,
        assigneeUnitCode: task.assigneeUnitCode,
        dueOn: task.dueOn,
        weight: task.weight,
        parentId: task.parentId ? Number(task.parentId) : null,
      }),
    onSuccess: (p) => {
      onDone(p);
      setTask({ ...task, title: "" });
    },
    onError,
  });
  return (
    <Group align="end" wrap="wrap">
      <TextInput
        label={t("plans.newTask")}
        value={task.title}
        onChange={(e) => setTask({ ...task, title: e.currentTarget.value })}
        w={320}
        data-testid="task-title"
      />
      <UnitPicker
        label={t("plans.assignee")}
        withAsterisk
        within={plan.unitCode}
        value={task.assigneeUnitCode || null}
        onChange={(code) => setTask({ ...task, assigneeUnitCode: code ?? "" })}
        w={300}
        data-testid="task-assignee"
      />
      <DateField
        label={t("plans.due")}
        value={task.dueOn}
        onChange={(v) => setTask({ ...task, dueOn: v ?? "" })}
        w={140}
        data-testid="task-due"
      />
      <NumberInput
        label={t("plans.weight")}
        min={0}
        value={task.weight}
        onChange={(v) => setTask({ ...task, weight: Number(v) || 0 })}
        w={90}
      />
      <Select
        label={t("plans.parent")}
        clearable
        data={tasks.map((x) => ({ value: String(x.id), label: x.title }))}
        value={task.parentId || null}
        onChange={(v) => setTask({ ...task, parentId: v ?? "" })}
        w={240}
      />
      <WaitingButton
        onClick={() => add.mutate()}
        loading={add.isPending}
        why={!task.title.trim() ? t("plans.whyTaskTitle") : !task.dueOn ? t("plans.whyDue") : null}
      >
        {t("plans.addTask")}
      </WaitingButton>
    </Group>
  );
}
