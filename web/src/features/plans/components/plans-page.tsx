import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { UnitPicker } from "@/components/unit-picker.tsx";
import { WaitingButton } from "@/components/waiting-button.tsx";
import { call, client } from "@/lib/api.ts";
import { formatDate } from "@/lib/format.ts";
import { confirmDone } from "@/lib/notify.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import { type Overdue, planKeys, useOverdueTasks, usePlans } from "../api/plans.ts";
import { ProgressCell } from "./progress-cell.tsx";

/** Plans of a unit and the plans with tasks for it; a new plan. */
export function PlansPage({ defaultUnit, canManage }: { defaultUnit: string; canManage: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [unit, setUnit] = useState(defaultUnit);
  const [title, setTitle] = useState("");
  const titleInput = useRef<HTMLInputElement>(null);
  const { error, onError, clear } = useApiError();
  const list = usePlans(unit);
  const overdue = useOverdueTasks();
  const create = useMutation({
    mutationFn: () => call(client.POST("/api/plans", { body: { unitCode: unit, title } })),
    onSuccess: async () => {
      clear();
      confirmDone(t("plans.created", { title: title.trim() }));
      setTitle("");
      await qc.invalidateQueries({ queryKey: planKeys.all() });
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
                <ProgressCell value={p.progress} label={`${t("plans.progress")}: ${p.title}`} />
              </Table.Td>
              <Table.Td>{p.overdue > 0 ? <Badge color="red">{p.overdue}</Badge> : "—"}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
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
