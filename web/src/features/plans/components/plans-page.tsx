import {
  Alert,
  Anchor,
  Badge,
  Button,
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
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { DateField } from "@/components/date-field.tsx";
import { UnitPicker } from "@/components/unit-picker.tsx";
import { WaitingButton } from "@/components/waiting-button.tsx";
import { api } from "@/lib/api.ts";
import type { paths } from "@/lib/api-types.ts";
import { formatDate, formatValue } from "@/lib/format.ts";
import { confirmDone } from "@/lib/notify.ts";
import { useApiError } from "@/lib/use-api-error.ts";

type PlanList = paths["/api/plans"]["get"]["responses"]["200"]["content"]["application/json"];
type Plan = paths["/api/plans/{id}"]["get"]["responses"]["200"]["content"]["application/json"];
type PublicPlan =
  paths["/api/public/plans/{token}"]["get"]["responses"]["200"]["content"]["application/json"];
type Overdue = paths["/api/tasks/overdue"]["get"]["responses"]["200"]["content"]["application/json"];

/** The overdue tasks of the user's units (the menu shows their count). */
export function useOverdueTasks(enabled = true) {
  return useQuery({
    queryKey: ["overdue-tasks"],
    queryFn: () => api<Overdue>("GET", "/api/tasks/overdue"),
    refetchInterval: 5 * 60_000,
    enabled,
  });
}
type Task = Plan["tasks"][number];
const STATUSES = ["not_started", "in_progress", "done", "cancelled"] as const;

/** 62.5 → "62,5%". */
const percent = (n: number) => `${formatValue(String(n))}%`;

function ProgressCell({ value }: { value: number }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress value={value} w={90} size="sm" />
      <Text size="sm">{percent(value)}</Text>
    </Group>
  );
}

/** Plans of a unit and the plans with tasks for it; a new plan. */
export function PlansPage({ defaultUnit, canManage }: { defaultUnit: string; canManage: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [unit, setUnit] = useState(defaultUnit);
  const [title, setTitle] = useState("");
  const titleInput = useRef<HTMLInputElement>(null);
  const { error, onError, clear } = useApiError();
  const list = useQuery({
    queryKey: ["plans", unit],
    queryFn: () => api<PlanList>("GET", `/api/plans?unit=${encodeURIComponent(unit)}`),
    enabled: /^\d{2,5}$/.test(unit),
  });
  const overdue = useOverdueTasks();
  const create = useMutation({
    mutationFn: () => api("POST", "/api/plans", { unitCode: unit, title }),
    onSuccess: async () => {
      clear();
      confirmDone(t("plans.created", { title: title.trim() }));
      setTitle("");
      await qc.invalidateQueries({ queryKey: ["plans"] });
    },
    onError,
  });
  return (
    <Stack>
      <Title order={3}>{t("plans.title")}</Title>
      {error && <Alert color="red">{error}</Alert>}
      <OverdueList items={overdue.data?.items ?? []} />
      {!unit && <Alert data-testid="plans-pick-unit">{t("plans.pickUnit")}</Alert>}
      <Group align="end">
        <UnitPicker
          label={t("documents.unit")}
          value={unit || null}
          clearable={false}
          onChange={(code) => code && setUnit(code)}
          w={320}
          data-testid="plans-unit"
        />
        {canManage && (
          <>
            <TextInput
              ref={titleInput}
              label={t("plans.newPlan")}
              placeholder={t("plans.newPlanHint")}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              w={460}
              data-testid="plan-title"
            />
            <WaitingButton
              onClick={() => create.mutate()}
              loading={create.isPending}
              why={title.trim() ? null : t("plans.whyTitle")}
            >
              {t("plans.create")}
            </WaitingButton>
          </>
        )}
      </Group>
      <Table striped data-testid="plan-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("plans.plan")}</Table.Th>
            <Table.Th>{t("plans.tasks")}</Table.Th>
            <Table.Th>{t("plans.progress")}</Table.Th>
            <Table.Th>{t("plans.overdue")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.data?.items.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={4}>
                <Group gap="xs" data-testid="plans-empty">
                  <Text size="sm">{t("plans.empty")}</Text>
                  {canManage && (
                    <Button size="xs" variant="light" onClick={() => titleInput.current?.focus()}>
                      {t("plans.createFirst")}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          )}
          {list.data?.items.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Anchor component={Link} to={`/plans/${p.id}`}>
                  {p.title}
                </Anchor>
              </Table.Td>
              <Table.Td>{p.tasks}</Table.Td>
              <Table.Td>
                <ProgressCell value={p.progress} />
              </Table.Td>
              <Table.Td>{p.overdue > 0 ? <Badge color="red">{p.overdue}</Badge> : "—"}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** A task's milestones: title, date, and when it was done. */
function Milestones({ items }: { items: { title: string; dueOn: string; doneOn: string | null }[] }) {
  const { t } = useTranslation();
  return items.map((m) => (
    <Text key={`${m.title}${m.dueOn}`} size="xs" c="dimmed">
      ◆ {m.title} — {formatDate(m.dueOn)}
      {m.doneOn ? ` (${t("plans.doneOn", { date: formatDate(m.doneOn) })})` : ""}
    </Text>
  ));
}

/** Overdue tasks of the user's units, each linked to its plan. */
function OverdueList({ items }: { items: Overdue["items"] }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <Stack gap={4} data-testid="overdue-tasks">
      {items.slice(0, 10).map((x) => (
        <Alert key={x.id} color="red" py={6}>
          <Anchor component={Link} to={`/plans/${x.planId}`} size="sm">
            {t("plans.remindOverdue", {
              task: x.title,
              unit: x.assigneeName,
              date: formatDate(x.dueOn),
              plan: x.planTitle,
            })}
          </Anchor>
        </Alert>
      ))}
    </Stack>
  );
}

function depthOf(t: Task, all: Task[]): number {
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
function treeOrder(tasks: Task[]): Task[] {
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
  const q = useQuery({ queryKey: ["plan", id], queryFn: () => api<Plan>("GET", `/api/plans/${id}`) });
  const done = (p: Plan) => {
    clear();
    qc.setQueryData(["plan", id], p);
  };
  const update = useMutation({
    mutationFn: (v: { task: Task; status?: string; progress?: number | null }) =>
      api<Plan>("PATCH", `/api/tasks/${v.task.id}`, {
        version: v.task.version,
        ...(v.status ? { status: v.status } : {}),
        ...(v.progress !== undefined ? { progress: v.progress } : {}),
      }),
    onSuccess: done,
    onError,
  });
  const [task, setTask] = useState({ title: "", assigneeUnitCode: "", dueOn: "", weight: 1, parentId: "" });
  const add = useMutation({
    mutationFn: () =>
      api<Plan>("POST", `/api/plans/${id}/tasks`, {
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
  const addMilestone = useMutation({
    mutationFn: async () => {
      // the evidence is a document of the registry, found by its number-symbol
      let evidenceDocumentId: number | null = null;
      if (milestone.evidence.trim()) {
        const found = await api<{ items: { id: number; numberSymbol: string }[] }>(
          "GET",
          `/api/registry?unit=${q.data?.unitCode ?? ""}&q=${encodeURIComponent(milestone.evidence.trim())}&limit=5`,
        );
        const doc = found.items[0];
        if (!doc) throw new Error(t("plans.noEvidence", { symbol: milestone.evidence.trim() }));
        evidenceDocumentId = doc.id;
      }
      return api<Plan>("POST", `/api/tasks/${milestone.taskId}/milestones`, {
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
    mutationFn: (on: boolean) => api("PUT", `/api/plans/${id}/public`, { public: on }),
    onSuccess: async () => {
      clear();
      await qc.invalidateQueries({ queryKey: ["plan", id] });
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
                      onChange={(v) => v && update.mutate({ task: x, status: v })}
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
            onClick={() => addMilestone.mutate()}
            loading={addMilestone.isPending}
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

/** The public page of a plan (no sign-in): status, progress and milestones. */
export function PublicPlanPage() {
  const { t } = useTranslation();
  const token = useParams().token ?? "";
  const q = useQuery({
    queryKey: ["public-plan", token],
    queryFn: () => api<PublicPlan>("GET", `/api/public/plans/${encodeURIComponent(token)}`),
    retry: false,
  });
  if (q.isError) return <Alert color="red">{t("plans.notPublic")}</Alert>;
  const p = q.data;
  if (!p) return null;
  return (
    <Stack p="md" maw={1000} mx="auto">
      <Title order={3}>{p.title}</Title>
      <Text>
        {p.unitName}
        {p.document ? ` · ${p.document.numberSymbol}` : ""}
      </Text>
      <Group>
        <Progress value={p.progress} w={300} size="lg" />
        <Text fw={700} data-testid="public-progress">
          {percent(p.progress)}
        </Text>
      </Group>
      <Table striped>
        <Table.Tbody>
          {p.tasks.map((x) => (
            <Table.Tr key={x.id}>
              <Table.Td>
                {x.title}
                <Milestones items={x.milestones} />
              </Table.Td>
              <Table.Td>{x.assigneeName}</Table.Td>
              <Table.Td>{formatDate(x.dueOn)}</Table.Td>
              <Table.Td>{t(`plans.statuses.${x.status}`)}</Table.Td>
              <Table.Td>
                <ProgressCell value={x.progress} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
