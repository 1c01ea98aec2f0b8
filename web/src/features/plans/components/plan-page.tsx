import {
  Alert,
  Anchor,
  Badge,
  Group,
  NumberInput,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { WideTable } from "@/components/wide-table.tsx";
import { formatDate } from "@/lib/format.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import {
  type Plan,
  planKeys,
  TASK_STATUSES as STATUSES,
  setPlanPublic,
  type Task,
  type TaskStatus,
  updateTask,
  usePlan,
} from "../api/plans.ts";
import { depthOf, treeOrder } from "../task-tree.ts";
import { MilestoneForm } from "./milestone-form.tsx";
import { Milestones } from "./milestones.tsx";
import { PlanHeader } from "./plan-header.tsx";
import { ProgressBar, ProgressCell, percent } from "./progress-cell.tsx";
import { TaskEdit } from "./task-edit.tsx";
import { TaskForm } from "./task-form.tsx";

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
    mutationFn: (v: { task: Task; status?: TaskStatus; progress?: number | null }) =>
      updateTask(v.task, {
        ...(v.status ? { status: v.status } : {}),
        ...(v.progress !== undefined ? { progress: v.progress } : {}),
      }),
    onSuccess: done,
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
      <PlanHeader plan={p} onDone={done} onError={onError} />
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
        <ProgressBar value={p.progress} label={`${t("plans.progress")}: ${p.title}`} w={300} size="lg" />
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
      <WideTable minWidth={560} label={t("plans.byUnit")}>
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
                  <ProgressCell value={u.progress} label={`${t("plans.progress")}: ${u.unitName}`} />
                </Table.Td>
                <Table.Td>{u.overdue > 0 ? <Badge color="red">{u.overdue}</Badge> : "—"}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </WideTable>
      <Title order={4}>{t("plans.tasks")}</Title>
      <WideTable minWidth={860} label={t("plans.tasks")}>
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
                    {p.can.manage && <TaskEdit plan={p} task={x} onDone={done} onError={onError} />}
                    <Milestones items={x.milestones} canUpdate={can} onDone={done} onError={onError} />
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
                        aria-label={`${t("plans.status")}: ${x.title}`}
                        data-testid={`status-${x.id}`}
                      />
                    ) : (
                      t(`plans.statuses.${x.status}`)
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <ProgressCell value={x.progress} label={`${t("plans.progress")}: ${x.title}`} />
                      {can && x.status === "in_progress" && (
                        <NumberInput
                          size="xs"
                          w={70}
                          min={0}
                          max={100}
                          defaultValue={x.enteredProgress ?? undefined}
                          placeholder="%"
                          aria-label={`${t("plans.progress")} (%): ${x.title}`}
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
      </WideTable>
      {p.can.update.length > 0 && <MilestoneForm plan={p} tasks={tasks} onDone={done} onError={onError} />}
      {p.can.manage && <TaskForm plan={p} tasks={tasks} onDone={done} onError={onError} />}
    </Stack>
  );
}
