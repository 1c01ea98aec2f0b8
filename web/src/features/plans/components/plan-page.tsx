import {
  Alert,
  Anchor,
  Badge,
  Group,
  NumberInput,
  Progress,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { DateField } from "@/components/date-field.tsx";
import { UnitPicker } from "@/components/unit-picker.tsx";
import { WaitingButton } from "@/components/waiting-button.tsx";
import { formatDate } from "@/lib/format.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import {
  addMilestone,
  addTask,
  findEvidence,
  type Plan,
  planKeys,
  TASK_STATUSES as STATUSES,
  setPlanPublic,
  type Task,
  type TaskStatus,
  updateTask,
  usePlan,
} from "../api/plans.ts";
import { Milestones } from "./milestones.tsx";
import { ProgressCell, percent } from "./progress-cell.tsx";

export function depthOf(t: Task, all: Task[]): number {
  let d = 0;
  let cur = t;
  while (cur.parentId !== null && d < 10) {
    const p = all.find((x) => x.id === cur.parentId);
    if (!p) break;
    cur = p;
    d++;
  }
  return d;
}

/** Tasks in tree order: each task followed by its subtasks. */
export function treeOrder(tasks: Task[]): Task[] {
  const out: Task[] = [];
  const add = (parent: number | null) => {
    for (const t of tasks.filter((x) => x.parentId === parent)) {
      out.push(t);
      add(t.id);
    }
  };
  add(null);
  return out;
}

/** A plan's page: progress, who is behind, the task tree (updated by its assignees), milestones, public page. */
export function PlanPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const qc = useQueryClient();
  const { error, onError, clear } = useApiError();
  const q = usePlan(id);
  const done = (p: Plan) => {
    clear();
    qc.setQueryData(planKeys.one(id), p);
  };
  const update = useMutation({
    mutationFn: (v: { task: Task; status?: TaskStatus; progress?: number | null }) => updateTask(v.task, v),
    onSuccess: done,
    onError,
  });
  const [task, setTask] = useState({ title: "", assigneeUnitCode: "", dueOn: "", weight: 1, parentId: "" });
  const add = useMutation({
    mutationFn: () =>
      addTask(id, {
        title: task.title,
        assigneeUnitCode: task.assigneeUnitCode,
        dueOn: task.dueOn,
        weight: task.weight,
        parentId: task.parentId ? Number(task.parentId) : null,
      }),
    onSuccess: (p) => {
      done(p);
      setTask({ ...task, title: "" });
    },
    onError,
  });
  const [milestone, setMilestone] = useState({ taskId: "", title: "", dueOn: "", doneOn: "", evidence: "" });
  const newMilestone = useMutation({
    mutationFn: async () => {
      // the evidence is a document of the registry, found by its number-symbol
      const symbol = milestone.evidence.trim();
      const evidenceDocumentId = symbol ? await findEvidence(q.data?.unitCode ?? "", symbol) : null;
      if (symbol && evidenceDocumentId === null) throw new Error(t("plans.noEvidence", { symbol }));
      return addMilestone(Number(milestone.taskId), {
        title: milestone.title,
        dueOn: milestone.dueOn,
        doneOn: milestone.doneOn || null,
        evidenceDocumentId,
      });
    },
    onSuccess: (p) => {
      done(p);
      setMilestone({ taskId: milestone.taskId, title: "", dueOn: "", doneOn: "", evidence: "" });
    },
    onError,
  });
  const publish = useMutation({
    mutationFn: (on: boolean) => setPlanPublic(id, on),
    onSuccess: async () => {
      clear();
      await qc.invalidateQueries({ queryKey: planKeys.one(id) });
    },
    onError,
  });
  const p = q.data;
  if (!p) return null;
  const tasks = treeOrder(p.tasks);
  return (
    <Stack>
      <Title order={3}>{p.title}</Title>
      <Group>
        <Text>{p.unitName}</Text>
        {p.document && (
          <Text size="sm" c="dimmed">
            {t("plans.implements", { symbol: p.document.numberSymbol || p.document.excerpt })}
          </Text>
        )}
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      <Group>
        <Text fw={600}>{t("plans.progress")}</Text>
        <Progress value={p.progress} w={300} size="lg" />
        <Text fw={700} data-testid="plan-progress">
          {percent(p.progress)}
        </Text>
      </Group>
      {p.can.manage && (
        <Group>
          <Switch
            label={t("plans.public")}
            checked={p.isPublic}
            onChange={(e) => publish.mutate(e.currentTarget.checked)}
          />
          {p.publicToken && (
            <Anchor
              href={`/public/plans/${p.publicToken}`}
              target="_blank"
              size="sm"
              data-testid="public-link"
            >
              {t("plans.publicLink")}
            </Anchor>
          )}
        </Group>
      )}
      <Title order={4}>{t("plans.byUnit")}</Title>
      <Table data-testid="plan-by-unit">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("plans.unit")}</Table.Th>
            <Table.Th>{t("plans.tasks")}</Table.Th>
            <Table.Th>{t("plans.progress")}</Table.Th>
            <Table.Th>{t("plans.overdue")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {p.byUnit.map((u) => (
            <Table.Tr key={u.unitCode}>
              <Table.Td>{u.unitName}</Table.Td>
              <Table.Td>{u.tasks}</Table.Td>
              <Table.Td>
                <ProgressCell value={u.progress} />
              </Table.Td>
              <Table.Td>{u.overdue > 0 ? <Badge color="red">{u.overdue}</Badge> : "—"}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={4}>{t("plans.tasks")}</Title>
      <Table striped data-testid="plan-tasks">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("plans.task")}</Table.Th>
            <Table.Th>{t("plans.assignee")}</Table.Th>
            <Table.Th>{t("plans.due")}</Table.Th>
            <Table.Th>{t("plans.status")}</Table.Th>
            <Table.Th>{t("plans.progress")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tasks.map((x) => {
            const can = p.can.update.includes(x.id);
            return (
              <Table.Tr key={x.id} data-testid={`task-${x.id}`}>
                <Table.Td style={{ paddingLeft: 12 + depthOf(x, p.tasks) * 24 }}>
                  {x.title}
                  <Milestones items={x.milestones} />
                </Table.Td>
                <Table.Td>{x.assigneeName}</Table.Td>
                <Table.Td>
                  <Text size="sm" c={x.overdue ? "red" : undefined} fw={x.overdue ? 700 : undefined}>
                    {formatDate(x.dueOn)}
                    {x.overdue ? ` · ${t("plans.overdueTag")}` : ""}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {can ? (
                    <Select
                      size="xs"
                      w={150}
                      data={STATUSES.map((s) => ({ value: s, label: t(`plans.statuses.${s}`) }))}
                      value={x.status}
                      onChange={(v) => v && update.mutate({ task: x, status: v as TaskStatus })}
                      data-testid={`status-${x.id}`}
                    />
                  ) : (
                    t(`plans.statuses.${x.status}`)
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <ProgressCell value={x.progress} />
                    {can && x.status === "in_progress" && (
                      <NumberInput
                        size="xs"
                        w={70}
                        min={0}
                        max={100}
                        defaultValue={x.enteredProgress ?? undefined}
                        placeholder="%"
                        onBlur={(e) => {
                          const v = e.currentTarget.value.trim();
                          update.mutate({ task: x, progress: v === "" ? null : Number(v) });
                        }}
                      />
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {p.can.update.length > 0 && (
        <Group align="end" wrap="wrap">
          <Select
            label={t("plans.milestoneOf")}
            data={tasks
              .filter((x) => p.can.update.includes(x.id))
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
      )}
      {p.can.manage && (
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
            within={p.unitCode}
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
      )}
    </Stack>
  );
}
