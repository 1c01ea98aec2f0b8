import { Button, NumberInput, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DateField } from "@/components/date-field.tsx";
import { UnitPicker } from "@/components/unit-picker.tsx";
import { type Plan, type Task, updateTask } from "../api/plans.ts";
import { RowPopover } from "./row-popover.tsx";

/** The plan's managers correct a task: its title, the unit in charge, its due date, its weight. */
export function TaskEdit(props: {
  plan: Plan;
  task: Task;
  onDone: (p: Plan) => void;
  onError: (e: unknown) => void;
}) {
  const { t } = useTranslation();
  const x = props.task;
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState(x.title);
  const [unit, setUnit] = useState<string | null>(x.assigneeUnitCode);
  const [due, setDue] = useState<string | null>(x.dueOn);
  const [weight, setWeight] = useState<number>(x.weight);
  const write = useMutation({
    mutationFn: () =>
      updateTask(x, {
        ...(title.trim() !== x.title ? { title: title.trim() } : {}),
        ...(unit && unit !== x.assigneeUnitCode ? { assigneeUnitCode: unit } : {}),
        ...(due && due !== x.dueOn ? { dueOn: due } : {}),
        ...(weight !== x.weight ? { weight } : {}),
      }),
    onSuccess: (p) => {
      setOpen(false);
      props.onDone(p);
    },
    onError: props.onError,
  });
  return (
    <RowPopover
      label={t("plans.editTask")}
      testId={`task-edit-${x.id}`}
      width={320}
      opened={open}
      onChange={setOpen}
    >
      <TextInput
        label={t("plans.task")}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        maxLength={500}
      />
      <UnitPicker
        label={t("plans.assignee")}
        value={unit}
        within={props.plan.unitCode}
        onChange={(c) => setUnit(c)}
      />
      <DateField label={t("plans.due")} value={due} onChange={setDue} />
      <NumberInput
        label={t("plans.weight")}
        value={weight}
        min={0}
        max={1000}
        onChange={(v) => setWeight(Number(v) || 0)}
      />
      <Button
        size="xs"
        onClick={() => write.mutate()}
        disabled={!title.trim() || !unit || !due}
        loading={write.isPending}
      >
        {t("plans.saveTask")}
      </Button>
    </RowPopover>
  );
}
