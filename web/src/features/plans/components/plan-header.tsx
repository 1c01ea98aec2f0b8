import { Alert, Badge, Button, Group, Stack, TextInput, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { StopButton } from "@/components/stop-dialog.tsx";
import { type Plan, updatePlan } from "../api/plans.ts";

/**
 * A plan's title, corrected by its managers, and its state: stopped with a reason (it stays, marked), or
 * started again.
 */
export function PlanHeader(props: { plan: Plan; onDone: (p: Plan) => void; onError: (e: unknown) => void }) {
  const { t } = useTranslation();
  const p = props.plan;
  const [title, setTitle] = useState<string | null>(null);
  const write = useMutation({
    mutationFn: (body: Parameters<typeof updatePlan>[1]) => updatePlan(p.id, body),
    onSuccess: (r) => {
      setTitle(null);
      props.onDone(r);
    },
    onError: props.onError,
  });
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="start">
        {title === null ? (
          <Title order={3}>{p.title}</Title>
        ) : (
          <Group align="end" style={{ flex: 1 }}>
            <TextInput
              label={t("plans.planTitle")}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              maxLength={500}
              style={{ flex: 1 }}
              data-testid="plan-title-edit"
            />
            <Button
              onClick={() => write.mutate({ version: p.version, title })}
              loading={write.isPending}
              disabled={!title.trim()}
            >
              {t("plans.saveTitle")}
            </Button>
            <Button variant="subtle" onClick={() => setTitle(null)}>
              {t("cancel")}
            </Button>
          </Group>
        )}
        <Group gap="xs">
          {p.status === "cancelled" && <Badge color="red">{t("plans.stopped")}</Badge>}
          {p.can.manage && title === null && (
            <Button
              size="xs"
              variant="subtle"
              onClick={() => setTitle(p.title)}
              data-testid="plan-edit-title"
            >
              {t("plans.editTitle")}
            </Button>
          )}
          {p.can.manage &&
            (p.status === "active" ? (
              <StopButton
                label={t("plans.stop")}
                reasonLabel={t("plans.stopReason")}
                busy={write.isPending}
                onStop={(reason) =>
                  write.mutateAsync({ version: p.version, status: "cancelled", cancelReason: reason })
                }
                testId="plan-stop"
              />
            ) : (
              <Button
                size="xs"
                variant="subtle"
                onClick={() => write.mutate({ version: p.version, status: "active" })}
              >
                {t("plans.restart")}
              </Button>
            ))}
        </Group>
      </Group>
      {p.status === "cancelled" && (
        <Alert color="red" data-testid="plan-stopped">
          {t("plans.stoppedWith", { reason: p.cancelReason ?? "" })}
        </Alert>
      )}
    </Stack>
  );
}
